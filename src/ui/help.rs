//! The in-page explanation of a rule: what it finds, why it matters, how to fix it,
//! read from the core's rule registry (`docs/rules.md` is generated from it too). A
//! disclosure: the rule buttons in Problems say whether it is open (`aria-expanded`, `aria-controls="rule-help"`); opening it
//! moves focus to its heading, and Esc or × closes it and gives focus back to the
//! button that opened it.

use crate::ui::text::with_code;
use gradient_spec::rules::find as rule_doc;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into().ok())
}

#[component]
pub fn RuleHelp(help: RwSignal<Option<&'static str>>) -> impl IntoView {
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |was: Option<bool>| {
        let open = help.with(Option::is_some);
        if open {
            if was != Some(true) {
                opener.set_value(active_element());
            }
            request_animation_frame(move || {
                if let Some(h) = heading.get_untracked() {
                    let _ = h.focus();
                }
            });
        }
        open
    });
    let close = move || {
        help.set(None);
        let back = opener.get_value().filter(|e| e.is_connected());
        match back {
            Some(el) => {
                let _ = el.focus();
            }
            None => {
                crate::ui::focus::focus_first_soon(vec!["problems-title".into()]);
            }
        }
    };
    let doc = move || help.get().and_then(rule_doc);
    view! {
        <aside id="rule-help" class="pane rule-help" aria-labelledby="rule-help-title" hidden=move || doc().is_none()
            on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); close() }>
            <div class="rule-help-head">
                <h2 id="rule-help-title" class="pane-title" tabindex="-1" node_ref=heading>
                    {move || doc().map(|d| view! { <code>{d.id.as_str()}</code>" — "{d.title} })}
                </h2>
                <button type="button" class="close" aria-label="Close the rule explanation" on:click=move |_| close()>
                    "×"
                </button>
            </div>
            {move || doc().map(|doc| view! {
                <dl>
                    <dt>"What"</dt>
                    <dd>{with_code(doc.what)}</dd>
                    <dt>"Why"</dt>
                    <dd>{with_code(doc.why)}</dd>
                    <dt>"How to fix"</dt>
                    <dd>{with_code(doc.fix)}</dd>
                </dl>
            })}
        </aside>
    }
}
