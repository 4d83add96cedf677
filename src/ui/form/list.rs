//! A list section of the form: its items (each with Remove, and Up/Down where the
//! order is the person's to choose) and an "Add …" button.

use super::field::{field_view, is_stale, problem_list};
use super::{dom_id, FormPage};
use crate::form::{Control, FormAction, FormField};
use crate::ui::focus::focus_first_soon;
use crate::ui::text::with_code;
use leptos::prelude::*;

pub fn list_view(cx: FormPage, field: FormField) -> AnyView {
    let Control::Items {
        items,
        item_name,
        reorderable,
        total,
        ..
    } = field.control.clone()
    else {
        return ().into_any();
    };
    let list_path = field.path.clone();
    let count = items.len();
    let add_path = list_path.clone();
    let state = cx.state(&field.path);
    let item_id = {
        let list_path = list_path.clone();
        move |i: usize| dom_id(&format!("{list_path}[{i}]"))
    };
    let add_id = format!("{}-add", dom_id(&list_path));
    // After each action, focus goes where it happened: the new item's first field, the
    // neighbour that took a removed item's place (the Add button when none is left),
    // the moved item's button.
    let add = {
        let (item_id, add_id) = (item_id.clone(), add_id.clone());
        move |_| {
            cx.store.form_action(FormAction::AddItem {
                path: add_path.clone(),
            });
            focus_first_soon(vec![item_id(total), add_id.clone()]);
        }
    };
    let remove = {
        let (item_id, add_id) = (item_id.clone(), add_id.clone());
        move |path: String, index: usize| {
            cx.store.form_action(FormAction::Remove { path });
            let mut ids = Vec::new();
            if total > 1 {
                ids.push(item_id(index.min(total - 2)));
            }
            ids.push(add_id.clone());
            focus_first_soon(ids);
        }
    };
    let move_item = {
        let (item_id, list_path) = (item_id.clone(), list_path.clone());
        move |from: usize, to: usize| {
            cx.store.form_action(FormAction::Move {
                path: list_path.clone(),
                from,
                to,
            });
            let (there, other) = if to < from {
                ("up", "down")
            } else {
                ("down", "up")
            };
            let id = item_id(to);
            focus_first_soon(vec![format!("{id}-{there}"), format!("{id}-{other}"), id]);
        }
    };
    view! {
        <fieldset class="group list" id=dom_id(&field.path) class:stale=move || is_stale(state)>
            <legend>{field.label}</legend>
            <p class="help">{with_code(field.help)}</p>
            {problem_list(state, &field.path)}
            <ol class="items">
                {items
                    .into_iter()
                    .map(|item| {
                        let index = item.index;
                        let path = item.path.clone();
                        let (remove, move_item) = (remove.clone(), move_item.clone());
                        let title = format!("{} {}", capitalise(item_name), index + 1);
                        let id = item_id(index);
                        view! {
                            <li class="item" id=id.clone()>
                                <div class="item-head">
                                    <span class="item-title">{title.clone()}</span>
                                    {reorderable.then(|| view! {
                                        <button type="button" class="move" id=format!("{id}-up") aria-label=format!("Move {title} up") prop:disabled=index == 0 || cx.store.read_only
                                            on:click={ let m = move_item.clone(); move |_| m(index, index - 1) }>"↑"</button>
                                        <button type="button" class="move" id=format!("{id}-down") aria-label=format!("Move {title} down") prop:disabled=index + 1 == count || cx.store.read_only
                                            on:click=move |_| move_item(index, index + 1)>"↓"</button>
                                    })}
                                    <button type="button" class="remove" aria-label=format!("Remove {title}") prop:disabled=cx.store.read_only
                                        on:click=move |_| remove(path.clone(), index)>"Remove"</button>
                                </div>
                                {item.fields.into_iter().map(|f| field_view(cx, f)).collect_view()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {(total > count).then(|| view! {
                <p class="more">
                    {format!("Showing the first {count} of {total}. ")}
                    <button type="button" on:click=move |_| cx.show_all.set(true)>{format!("Show all {total}")}</button>
                </p>
            })}
            <button type="button" class="add" id=add_id prop:disabled=cx.store.read_only on:click=add>
                {format!("Add {item_name}")}
            </button>
        </fieldset>
    }
    .into_any()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
