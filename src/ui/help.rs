//! The in-page explanation of a rule: what it finds, why it matters, how to fix it,
//! generated from the core's catalogue.

use crate::ui::text::with_code;
use gradient_spec::spec::rule_doc;
use leptos::prelude::*;

#[component]
pub fn RuleHelp(help: RwSignal<Option<&'static str>>) -> impl IntoView {
    move || {
        help.get().and_then(rule_doc).map(|doc| {
            view! {
                <aside class="pane rule-help" aria-labelledby="rule-help-title">
                    <div class="rule-help-head">
                        <h2 id="rule-help-title" class="pane-title">
                            <code>{doc.id}</code>
                            " — "
                            {doc.title}
                        </h2>
                        <button type="button" class="close" aria-label="Close the rule explanation" on:click=move |_| help.set(None)>
                            "×"
                        </button>
                    </div>
                    <dl>
                        <dt>"What"</dt>
                        <dd>{with_code(doc.what)}</dd>
                        <dt>"Why"</dt>
                        <dd>{with_code(doc.why)}</dd>
                        <dt>"How to fix"</dt>
                        <dd>{with_code(doc.fix)}</dd>
                    </dl>
                </aside>
            }
        })
    }
}
