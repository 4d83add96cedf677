//! The page: header with the toolbar, the YAML editor, the Problems list, the rule
//! help, and the deploy command. The store is made here and handed down.

use crate::embed::{self, Page};
use crate::state::EditorDoc;
use crate::ui::browser;
use crate::ui::editor::{CodeEditor, EditorView};
use crate::ui::form::FormPane;
use crate::ui::help::RuleHelp;
use crate::ui::offline::OfflineLink;
use crate::ui::problems::ProblemsPanel;
use crate::ui::store::Store;
use crate::ui::text::with_code;
use crate::ui::toolbar::Toolbar;
use crate::ui::upgrade::UpgradePanel;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

/// localStorage key of the theme. The autosave's keys come from the page's options
/// (`Page::autosave`: namespaced per embedded editor, or none).
const SAVED_THEME: &str = "gradient-spec-editor:theme";

/// The document to start with: the autosaved one, or the template the page names
/// (`?template=`), or the default template.
fn initial_doc(page: &Page) -> EditorDoc {
    let keys = page.autosave.as_ref();
    match keys.and_then(|k| browser::storage_get(&k.text)) {
        Some(text) => {
            let mut doc = EditorDoc::new(text);
            if let Some(name) = keys.and_then(|k| browser::storage_get(&k.name)) {
                doc.file_name = name;
            }
            doc
        }
        None => EditorDoc::new(page.first_template().text),
    }
}

#[component]
pub fn App() -> impl IntoView {
    // How the page was opened: `?embed`, `?readonly`, `?template=`… (src/embed/).
    let page = Page::from_location();
    let store = Store::new(initial_doc(&page)).with_read_only(page.params.read_only);
    let editor = NodeRef::<html::Textarea>::new();
    let help = RwSignal::new(None::<&'static str>);
    let view = EditorView::new();
    let layout = RwSignal::new(match page.view() {
        embed::View::Yaml => Layout::Yaml,
        embed::View::Form => Layout::Form,
        embed::View::Split => Layout::Split,
    });

    crate::ui::autosave::start(store, page.autosave.clone());
    embed::start(&page, store, editor);
    crate::ui::share::open_shared_links(store);

    // Dropping a file anywhere on the page opens it.
    let drag = window_event_listener(ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(ev::drop, move |ev| {
        ev.prevent_default();
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            browser::read_file(file, move |r| match r {
                Ok((name, text)) => {
                    store.load(text, Some(name.clone()));
                    store.notice.set(Some(format!("Opened {name}.")));
                }
                Err(msg) => store.notice.set(Some(msg)),
            });
        }
    });
    on_cleanup(move || {
        drag.remove();
        drop.remove();
    });

    view! {
        <header class="app-header">
            <div class="brand">
                <h1>"Gradient spec editor"</h1>
                <p class="tagline">"Write and check Paperspace Gradient deployment specs"</p>
            </div>
            <LayoutSwitch layout=layout />
            <OfflineLink />
            <ThemeToggle />
        </header>
        // A landmark of its own: in `?embed` the header is hidden, and every control
        // must sit in a landmark.
        <section class="toolbar-region" aria-label="Document tools">
            <Toolbar store=store />
        </section>
        <UpgradePanel store=store />
        <main class=move || format!("workspace {}", layout.get().class())>
            <div class="yaml-column">
                <section class="pane editor-pane" aria-labelledby="spec-yaml-label">
                    <label id="spec-yaml-label" for="spec-yaml" class="pane-title">"Spec YAML"</label>
                    <CodeEditor store=store editor=editor view=view />
                    <CaretInfo store=store view=view />
                </section>
                <ProblemsPanel store=store editor=editor help=help show_editor=Callback::new(move |_| layout.set(Layout::Split)) />
                <RuleHelp help=help />
                <DeployCommand store=store />
            </div>
            <div class="form-column">
                <FormPane store=store view=view />
            </div>
        </main>
    }
}

/// Which panes show: the YAML, the form, or both side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Yaml,
    Split,
    Form,
}

impl Layout {
    pub const ALL: [Layout; 3] = [Layout::Yaml, Layout::Split, Layout::Form];
    fn class(self) -> &'static str {
        match self {
            Layout::Yaml => "view-yaml",
            Layout::Split => "view-split",
            Layout::Form => "view-form",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Layout::Yaml => "YAML",
            Layout::Split => "Split",
            Layout::Form => "Form",
        }
    }
}

/// The YAML / Split / Form toggle (a group of pressed-state buttons).
#[component]
fn LayoutSwitch(layout: RwSignal<Layout>) -> impl IntoView {
    view! {
        <div class="layout-switch" role="group" aria-label="Layout">
            {Layout::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <button type="button" aria-pressed=move || (layout.get() == l).to_string() on:click=move |_| layout.set(l)>
                            {l.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// What is at the caret: the help of the field there, and the problem there.
#[component]
fn CaretInfo(store: Store, view: EditorView) -> impl IntoView {
    let at_caret = move || {
        store.analysis.with(|a| {
            a.problem_at(view.caret.get())
                .map(|p| (p.severity.as_str(), p.label()))
        })
    };
    let help = Memo::new(move |_| {
        let caret = view.caret.get();
        store.checked.with(|c| {
            store
                .complete_in(&c.0, caret)
                .help
                .as_ref()
                .map(|h| (h.path.clone(), h.label, h.help, h.kind.clone()))
        })
    });
    view! {
        <div id="caret-info" class="caret-info" aria-live="off">
            {move || help.get().map(|(path, label, text, kind)| view! {
                <p class="field-help">
                    <strong>{label}</strong>" "<code>{path}</code>" — "{with_code(text)}" "
                    <span class="kind">{with_code(format!("({kind})"))}</span>
                </p>
            })}
            {move || match at_caret() {
                Some((sev, label)) => view! { <p class=format!("at-caret {sev}")>{with_code(label)}</p> }.into_any(),
                None => view! { <p class="hint">"Ctrl+Space completes · Ctrl+. lists fixes · Tab indents · Esc then Tab leaves the editor · Ctrl+Z undoes"</p> }.into_any(),
            }}
        </div>
    }
}

/// The commands that deploy the spec, with its file name.
#[component]
fn DeployCommand(store: Store) -> impl IntoView {
    let name = move || store.doc.with(|d| d.file_name.clone());
    view! {
        <details class="pane deploy">
            <summary class="pane-title">"Deploy this spec"</summary>
            <p>"Current CLI:"</p>
            <pre><code>{move || format!("pspace up --config {}", name())}</code></pre>
            <p>"Old Gradient CLI:"</p>
            <pre><code>{move || format!("gradient deployments create --name NAME --projectId PROJECT_ID --spec {}", name())}</code></pre>
        </details>
    }
}

/// Light, dark, or following the system (`prefers-color-scheme`); remembered.
#[component]
fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(browser::storage_get(SAVED_THEME).unwrap_or_else(|| "auto".into()));
    Effect::new(move |_| {
        let t = theme.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-theme", &t);
        }
        browser::storage_set(SAVED_THEME, &t);
    });
    let next = move |_| {
        theme.update(|t| {
            *t = match t.as_str() {
                "auto" => "light",
                "light" => "dark",
                _ => "auto",
            }
            .into()
        })
    };
    view! {
        <button type="button" class="theme-toggle" on:click=next aria-label=move || format!("Theme: {}", theme.get())>
            {move || format!("Theme: {}", theme.get())}
        </button>
    }
}
