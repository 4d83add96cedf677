//! The page: header, the YAML editor, the Problems list and the status line.

use crate::analysis::Analysis;
use crate::examples::default_template;
use crate::ui::problems::ProblemsPanel;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    // The document text is the single source of truth; everything else derives from it.
    let text = RwSignal::new(default_template().text.to_string());
    let analysis = Memo::new(move |_| text.with(|t| Analysis::of(t)));
    let editor = NodeRef::<html::Textarea>::new();

    view! {
        <header class="app-header">
            <h1>"Gradient spec editor"</h1>
            <p class="tagline">"Write and check Paperspace Gradient deployment specs"</p>
        </header>
        <main class="workspace">
            <section class="pane editor-pane" aria-labelledby="spec-yaml-label">
                <label id="spec-yaml-label" for="spec-yaml" class="pane-title">"Spec YAML"</label>
                <textarea
                    id="spec-yaml"
                    class="yaml-input"
                    node_ref=editor
                    spellcheck="false"
                    autocomplete="off"
                    wrap="off"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </section>
            <ProblemsPanel analysis=analysis editor=editor />
        </main>
    }
}
