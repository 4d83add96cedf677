//! The Problems list and the status line. Activating a problem selects its span in
//! the editor and focuses it.

use crate::analysis::{Analysis, Problem};
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn ProblemsPanel(analysis: Memo<Analysis>, editor: NodeRef<html::Textarea>) -> impl IntoView {
    let reveal = move |p: &Problem| {
        if let Some(area) = editor.get() {
            let _ = area.focus();
            let _ = area.set_selection_range(p.utf16_start as u32, p.utf16_end as u32);
        }
    };
    view! {
        <section class="pane problems-pane" aria-labelledby="problems-title">
            <div class="problems-head">
                <h2 id="problems-title" class="pane-title">"Problems"</h2>
                <p role="status" class="status">{move || analysis.with(Analysis::status)}</p>
            </div>
            <ul role="list" aria-label="Problems" class="problems">
                <For
                    each=move || analysis.get().problems
                    key=|p| (p.utf16_start, p.rule, p.message.clone())
                    children=move |p| {
                        let label = p.label();
                        let severity = p.severity.as_str();
                        view! {
                            <li class=format!("problem {severity}")>
                                <button type="button" class="problem-link" on:click=move |_| reveal(&p)>
                                    {label}
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
        </section>
    }
}
