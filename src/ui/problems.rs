//! The Problems list and the status line. Activating a problem selects its span in
//! the editor and focuses it; a problem with a fix has a button that applies it as one
//! undoable step; the rule id opens the rule's explanation.

use crate::analysis::{Analysis, Problem};
use crate::ui::go_to;
use crate::ui::keyed::static_rows;
use crate::ui::store::Store;
use crate::ui::text::with_code;
use gradient_spec::Applicability;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn ProblemsPanel(
    store: Store,
    editor: NodeRef<html::Textarea>,
    help: RwSignal<Option<&'static str>>,
    /// Brings the YAML editor into view (for a problem the form cannot show).
    show_editor: Callback<()>,
) -> impl IntoView {
    let analysis = store.analysis;
    view! {
        <section class="pane problems-pane" aria-labelledby="problems-title">
            <div class="problems-head">
                <h2 id="problems-title" class="pane-title" tabindex="-1">"Problems"</h2>
                <p role="status" class="status" aria-live="polite">{move || analysis.with(Analysis::status)}</p>
            </div>
            <p class="empty" class:hidden=move || analysis.with(|a| !a.problems.is_empty())>"No problems found."</p>
            <ul role="list" aria-label="Problems" class="problems">
                {static_rows(
                    move || analysis.get().problems,
                    // The whole problem: a row whose position or fix changed is made
                    // anew (a kept row once applied a fix at its old offsets).
                    |p| p.clone(),
                    move |p: Problem| {
                        let prefix = format!("{}:{} {} {} ", p.line, p.column, p.severity.as_str(), p.rule);
                        let message = p.message.clone();
                        let severity = p.severity.as_str();
                        let rule = p.rule.as_str();
                        let (shown, fixed) = (p.clone(), p.clone());
                        let fix = p.fix.clone().filter(|f| f.applicability != Applicability::Display);
                        let advice = p.fix.clone().filter(|f| f.applicability == Applicability::Display);
                        view! {
                            <li class=format!("problem {severity}")>
                                <button type="button" class="problem-link" on:click=move |_| go_to::reveal(&shown, editor, show_editor)>
                                    {prefix}
                                    {with_code(message)}
                                </button>
                                <div class="problem-actions">
                                    {fix.map(|f| {
                                        let title = f.title.clone();
                                        let hint = if f.applicability == Applicability::Safe { "safe fix" } else { "changes meaning: check the result" };
                                        view! {
                                            <button type="button" class="fix" title=hint prop:disabled=store.read_only on:click=move |_| if store.apply_fix(&f) { go_to::after_fix(&fixed, editor) }>
                                                {with_code(title)}
                                            </button>
                                        }
                                    })}
                                    {advice.map(|f| view! { <span class="advice">{f.title}</span> })}
                                    <button
                                        type="button"
                                        class="rule-link"
                                        aria-label=format!("Explain rule {rule}")
                                        aria-controls="rule-help"
                                        aria-expanded=move || (help.get() == Some(rule)).to_string()
                                        on:click=move |_| help.update(|h| *h = if *h == Some(rule) { None } else { Some(rule) })
                                    >
                                        {rule}
                                    </button>
                                </div>
                            </li>
                        }
                    },
                )}
            </ul>
        </section>
    }
}
