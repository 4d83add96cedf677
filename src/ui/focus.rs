//! Where keyboard focus goes after an action that rebuilds what had it (a fix, Add,
//! Remove, Move, a share link): to the place the action made or changed, never to
//! `<body>`. The DOM is rebuilt asynchronously, so focus moves in the next frame.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The controls a person can type into or press.
const CONTROLS: &str = "input:not([type=hidden]):not([tabindex='-1']), select, textarea, button";
/// Of those, the ones holding a value (an item's fields rather than its buttons).
const FIELDS: &str = "input:not([type=hidden]):not([tabindex='-1']), select, textarea";

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Whether `el` is laid out (not inside a hidden pane).
pub fn is_shown(el: &Element) -> bool {
    el.get_client_rects().length() > 0
}

fn focus_el(el: &Element) -> bool {
    match el.dyn_ref::<HtmlElement>() {
        Some(h) if is_shown(el) && !is_disabled(el) => h.focus().is_ok(),
        _ => false,
    }
}

fn is_disabled(el: &Element) -> bool {
    el.has_attribute("disabled")
        || el
            .dyn_ref::<web_sys::HtmlButtonElement>()
            .is_some_and(|b| b.disabled())
}

/// Focuses the element `id` itself, or the first enabled field inside it, or else its
/// first enabled button (so a list item gets its first field, not its Remove).
pub fn focus_in(id: &str) -> bool {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    let own = el.matches(CONTROLS).unwrap_or(false) || el.has_attribute("tabindex");
    if own && focus_el(&el) {
        return true;
    }
    [FIELDS, "button"].iter().any(|selector| {
        let Ok(list) = el.query_selector_all(selector) else {
            return false;
        };
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
            .any(|c| focus_el(&c))
    })
}

/// In the next frame, focuses the first of `ids` that can take focus (each tried as
/// [`focus_in`]).
pub fn focus_first_soon(ids: Vec<String>) {
    request_animation_frame(move || {
        // One more frame when the rebuild has not landed yet.
        if !ids.iter().any(|id| focus_in(id)) {
            request_animation_frame(move || {
                ids.iter().any(|id| focus_in(id));
            });
        }
    });
}
