//! A list section of the form: its items (each with Remove, and Up/Down where the
//! order is the person's to choose) and an "Add …" button.

use super::field::{field_view, is_stale, problem_list};
use super::{dom_id, FormPage};
use crate::form::{Control, FormAction, FormField, FormItem};
use crate::ui::focus::focus_first_soon;
use crate::ui::text::with_code;
use gradient_spec::SpecPath;
use leptos::prelude::*;

pub(crate) fn list_view(cx: FormPage, field: FormField) -> AnyView {
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
    let count = items.len();
    let actions = ListActions {
        cx,
        add_id: format!("{}-add", dom_id(&field.path)),
        list_path: field.path.clone(),
        total,
    };
    let state = cx.state(&field.path);
    let add_id = actions.add_id.clone();
    let add = {
        let actions = actions.clone();
        move |_| actions.add()
    };
    view! {
        <fieldset class="group list" id=dom_id(&field.path) class:stale=move || is_stale(state)>
            <legend>{field.label}</legend>
            <p class="help">{with_code(field.help)}</p>
            {problem_list(state, &field.path)}
            <ol class="items">
                {items
                    .into_iter()
                    .map(|item| item_view(actions.clone(), item, item_name, reorderable, count))
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

/// The actions on one list, each followed by focus where it happened: the new item's
/// first field, the neighbour that took a removed item's place (the Add button when
/// none is left), the moved item's button. Plain data, so event handlers can own a
/// copy (see `field::Wiring`).
#[derive(Clone)]
struct ListActions {
    cx: FormPage,
    list_path: SpecPath,
    /// How many items the list has (shown or not).
    total: usize,
    add_id: String,
}

impl ListActions {
    fn item_id(&self, i: usize) -> String {
        dom_id(&self.list_path.index(i))
    }

    fn add(&self) {
        self.cx.store.form_action(FormAction::AddItem {
            path: self.list_path.clone(),
        });
        focus_first_soon(vec![self.item_id(self.total), self.add_id.clone()]);
    }

    fn remove(&self, path: SpecPath, index: usize) {
        self.cx.store.form_action(FormAction::Remove { path });
        let mut ids = Vec::new();
        if self.total > 1 {
            ids.push(self.item_id(index.min(self.total - 2)));
        }
        ids.push(self.add_id.clone());
        focus_first_soon(ids);
    }

    fn move_item(&self, from: usize, to: usize) {
        self.cx.store.form_action(FormAction::Move {
            path: self.list_path.clone(),
            from,
            to,
        });
        let (there, other) = if to < from {
            ("up", "down")
        } else {
            ("down", "up")
        };
        let id = self.item_id(to);
        focus_first_soon(vec![format!("{id}-{there}"), format!("{id}-{other}"), id]);
    }
}

/// One item: its title, Up/Down where the list is reorderable, Remove, its fields.
fn item_view(
    actions: ListActions,
    item: FormItem,
    item_name: &'static str,
    reorderable: bool,
    count: usize,
) -> impl IntoView {
    let cx = actions.cx;
    let index = item.index;
    let title = format!("{} {}", capitalise(item_name), index + 1);
    let id = actions.item_id(index);
    let (up, down, remove) = (actions.clone(), actions.clone(), actions);
    let path = item.path.clone();
    view! {
        <li class="item" id=id.clone()>
            <div class="item-head">
                <span class="item-title">{title.clone()}</span>
                {reorderable.then(|| view! {
                    <button type="button" class="move" id=format!("{id}-up") aria-label=format!("Move {title} up") prop:disabled=index == 0 || cx.store.read_only
                        on:click=move |_| up.move_item(index, index - 1)>"↑"</button>
                    <button type="button" class="move" id=format!("{id}-down") aria-label=format!("Move {title} down") prop:disabled=index + 1 == count || cx.store.read_only
                        on:click=move |_| down.move_item(index, index + 1)>"↓"</button>
                })}
                <button type="button" class="remove" aria-label=format!("Remove {title}") prop:disabled=cx.store.read_only
                    on:click=move |_| remove.remove(path.clone(), index)>"Remove"</button>
            </div>
            {item.fields.into_iter().map(|f| field_view(cx, f)).collect_view()}
        </li>
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect())
        .unwrap_or_default()
}
