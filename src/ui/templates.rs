//! The Template picker: a select that only chooses, and a Load button that loads.
//! Browsers change a closed select's value (and fire `change`) on every arrow key or
//! typed letter, so loading on `change` replaced the text while people browsed.

use crate::examples::TEMPLATES;
use crate::ui::browser;
use crate::ui::store::Store;
use gradient_spec::edit::convert;
use gradient_spec::Format;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn TemplatePicker(store: Store) -> impl IntoView {
    let select = NodeRef::<html::Select>::new();
    let load = move |_| {
        let id = select.get().map(|s| s.value()).unwrap_or_default();
        let Some(t) = TEMPLATES.iter().find(|t| t.id == id) else {
            store
                .notice
                .set(Some("Choose a template in the list first.".into()));
            return;
        };
        let dirty = store.doc.with_untracked(|d| d.is_dirty());
        if !dirty
            || browser::confirm(
                "Replace the current text with the template? (Undo brings it back.)",
            )
        {
            // A template keeps the document's format: a JSON document gets it as JSON.
            let own = store.format.get_untracked();
            let name = store.doc.with_untracked(|d| d.file_name_as(own));
            match convert(t.text, Format::Yaml, own) {
                Ok(text) if own.is_json() => store.load(text, Some(name)),
                _ => store.load(t.text.to_string(), Some("spec.yaml".into())),
            }
            store
                .notice
                .set(Some(format!("Loaded the template “{}”.", t.label)));
        }
    };
    view! {
        <label class="visually-hidden" for="template-select">"Template"</label>
        <select id="template-select" node_ref=select prop:disabled=store.read_only>
            <option value="" selected>"Template…"</option>
            {TEMPLATES.iter().map(|t| view! { <option value=t.id>{t.label}</option> }).collect_view()}
        </select>
        <button type="button" on:click=load prop:disabled=store.read_only>"Load template"</button>
    }
}
