//! A list section of the form: its items (each with Remove, and Up/Down where the
//! order is the person's to choose) and an "Add …" button.

use super::field::{field_view, is_stale, problem_list};
use super::{dom_id, FormCx};
use crate::form::{Control, FormAction, FormField};
use crate::ui::text::with_code;
use leptos::prelude::*;

pub fn list_view(cx: FormCx, field: FormField) -> AnyView {
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
                        let (p1, p2, p3) = (list_path.clone(), list_path.clone(), item.path.clone());
                        let title = format!("{} {}", capitalise(item_name), index + 1);
                        view! {
                            <li class="item">
                                <div class="item-head">
                                    <span class="item-title">{title.clone()}</span>
                                    {reorderable.then(|| view! {
                                        <button type="button" aria-label=format!("Move {title} up") prop:disabled=index == 0
                                            on:click=move |_| cx.store.form_action(FormAction::Move { path: p1.clone(), from: index, to: index - 1 })>"↑"</button>
                                        <button type="button" aria-label=format!("Move {title} down") prop:disabled=index + 1 == count
                                            on:click=move |_| cx.store.form_action(FormAction::Move { path: p2.clone(), from: index, to: index + 1 })>"↓"</button>
                                    })}
                                    <button type="button" class="remove" aria-label=format!("Remove {title}")
                                        on:click=move |_| cx.store.form_action(FormAction::Remove { path: p3.clone() })>"Remove"</button>
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
            <button type="button" class="add" on:click=move |_| cx.store.form_action(FormAction::AddItem { path: add_path.clone() })>
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
