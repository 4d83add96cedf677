//! The toolbar: open, export, format, undo/redo, templates. Export works even when
//! the spec has errors, and says so next to the buttons.

use crate::ui::browser;
use crate::ui::share::ShareButton;
use crate::ui::store::Store;
use crate::ui::templates::TemplatePicker;
use gradient_spec::Format;
use gradient_spec::RuleId;
use leptos::html;
use leptos::prelude::*;

/// Converts the YAML to pretty JSON (what the API takes): the core's value of the
/// document (`Document::to_json`: aliases expanded within its limits, key order kept)
/// printed by serde_json. A text with syntax errors (or a repeated key, or several
/// documents) is refused with the first of them, as a YAML loader would; the limits'
/// messages are the core's (`gradient_spec::yaml::MAX_ALIAS_NODES`, …). No YAML
/// library in the browser: the tests check the output against serde_yaml's.
pub fn to_json(text: &str) -> Result<String, String> {
    let fail = |why: String| format!("The YAML does not convert to JSON: {why}");
    let doc = gradient_spec::yaml::parse(text);
    let first = doc
        .syntax_diagnostics
        .iter()
        .find(|d| d.rule == RuleId::Limit)
        .or_else(|| doc.syntax_diagnostics.first());
    if let Some(d) = first {
        let line = gradient_spec::text::LineIndex::new(text)
            .position(d.span.start)
            .line;
        return Err(fail(format!("{} (line {line})", d.message)));
    }
    let value = doc.to_json().map_err(|e| fail(e.to_string()))?;
    serde_json::to_string_pretty(&value)
        .map(|s| s + "\n")
        .map_err(|e| fail(e.to_string()))
}

/// The text of a document written in `from`, for a download in `to`: the text itself
/// for its own format, else converted by the core (JSON from YAML through `to_json`,
/// as before; comments do not survive a change of language).
pub fn export_as(text: &str, from: Format, to: Format) -> Result<String, String> {
    match (from, to) {
        _ if from == to => Ok(text.to_string()),
        (Format::Yaml, _) => to_json(text),
        _ => gradient_spec::edit::convert(text, from, to)
            .map_err(|e| format!("The {} does not convert to {}: {e}", from.name(), to.name())),
    }
}

/// The formats a document in `own` can also be downloaded in.
fn other_formats(own: Format) -> Vec<Format> {
    [Format::Yaml, Format::Json]
        .into_iter()
        .filter(|f| *f != own)
        .collect()
}

/// The toolbar: open, history and layout, export; then a read-only badge and the
/// notices the actions leave.
#[component]
pub fn Toolbar(store: Store) -> impl IntoView {
    let notice = store.notice;
    view! {
        <div class="toolbar" role="toolbar" aria-label="Document">
            <div class="group">
                <OpenFile store=store />
                <TemplatePicker store=store />
            </div>
            <HistoryButtons store=store />
            <ExportButtons store=store />
            {store.read_only.then(|| view! { <span class="badge">"Read-only"</span> })}
            <p class="notice" aria-live="polite">{move || notice.get()}</p>
        </div>
    }
}

/// Says `msg` in the toolbar's notice line.
fn say(store: Store, msg: String) {
    store.notice.set(Some(msg));
}

/// "Open file": a button over a hidden file input; the file is loaded as one
/// undoable step.
#[component]
fn OpenFile(store: Store) -> impl IntoView {
    let file_input = NodeRef::<html::Input>::new();
    let open_file = move |_| {
        if let Some(input) = file_input.get() {
            input.set_value("");
            input.click();
        }
    };
    let on_file = move |_| {
        let Some(file) = file_input
            .get()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        browser::read_file(file, move |result| match result {
            Ok((name, text)) => {
                store.load(text, Some(name.clone()));
                say(store, format!("Opened {name}."));
            }
            Err(msg) => say(store, msg),
        });
    };
    view! {
        <button type="button" on:click=open_file prop:disabled=store.read_only>"Open file"</button>
        <input type="file" class="visually-hidden" tabindex="-1" aria-hidden="true" accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml,text/plain" node_ref=file_input on:change=on_file />
    }
}

/// Undo, Redo and Format.
#[component]
fn HistoryButtons(store: Store) -> impl IntoView {
    let can_undo = move || !store.read_only && store.doc.with(|d| d.can_undo());
    let can_redo = move || !store.read_only && store.doc.with(|d| d.can_redo());
    view! {
        <div class="group">
            <button type="button" on:click=move |_| store.undo() prop:disabled=move || !can_undo() aria-keyshortcuts="Control+Z">"Undo"</button>
            <button type="button" on:click=move |_| store.redo() prop:disabled=move || !can_redo() aria-keyshortcuts="Control+Shift+Z Control+Y">"Redo"</button>
            <button type="button" on:click=move |_| store.format() prop:disabled=store.read_only title="Rewrite in the canonical layout, keeping comments">"Format"</button>
        </div>
    }
}

/// Downloads (the own format byte for byte, the others converted), Copy, Share, and a
/// note when the spec exported has errors.
#[component]
fn ExportButtons(store: Store) -> impl IntoView {
    let format = store.format;
    // The document in its own format, byte for byte (CRLF kept).
    let download_own = move |_| {
        let own = format.get_untracked();
        let (name, result) = store.doc.with(|d| {
            let name = d.file_name_as(own);
            let result = browser::download(&name, own.media_type(), &d.export_text());
            (name, result)
        });
        match result {
            Ok(()) => {
                store.doc.update(|d| d.mark_saved());
                say(store, format!("Saved {name}."));
            }
            Err(e) => say(store, e),
        }
    };
    // The document converted to another format.
    let download_as = move |to: Format| {
        let own = format.get_untracked();
        let (name, out) = store
            .doc
            .with(|d| (d.file_name_as(to), export_as(&d.text, own, to)));
        match out.and_then(|t| browser::download(&name, to.media_type(), &t)) {
            Ok(()) => say(store, format!("Saved {name}.")),
            Err(e) => say(store, e),
        }
    };
    let copy_text = move |_| {
        let own = format.get_untracked();
        store.doc.with(|d| {
            browser::copy_text(&d.export_text(), move |r| {
                say(
                    store,
                    match r {
                        Ok(()) => format!("Copied the {} to the clipboard.", own.name()),
                        Err(e) => e,
                    },
                )
            })
        });
    };
    let errors = move || store.analysis.with(|a| a.errors);
    view! {
        <div class="group">
            <button type="button" on:click=download_own title="The text as it is, in its own format">{move || format!("Download {}", format.get().name())}</button>
            {move || other_formats(format.get()).into_iter().map(|to| view! {
                <button type="button" on:click=move |_| download_as(to) title=format!("Converted to {} (comments are not carried over)", to.name())>{format!("Download {}", to.name())}</button>
            }).collect_view()}
            <button type="button" on:click=copy_text>{move || format!("Copy {}", format.get().name())}</button>
            <ShareButton store=store />
            <span class="export-note" aria-live="polite">
                {move || match errors() {
                    0 => String::new(),
                    1 => "The spec has 1 error.".into(),
                    n => format!("The spec has {n} errors."),
                }}
            </span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_yaml_to_json_and_names_the_file() {
        assert_eq!(
            to_json("a: 1\nb: [x]\n").unwrap(),
            "{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ]\n}\n"
        );
        assert!(to_json("a: [").is_err());
        assert_eq!(other_formats(Format::Yaml), [Format::Json]);
        assert_eq!(other_formats(Format::Json), [Format::Yaml]);
        assert_eq!(other_formats(Format::Jsonc), [Format::Yaml, Format::Json]);
        let jsonc = "{\n  // c\n  \"a\": 1,\n}\n";
        assert_eq!(
            export_as(jsonc, Format::Jsonc, Format::Jsonc).unwrap(),
            jsonc
        );
        assert_eq!(
            export_as(jsonc, Format::Jsonc, Format::Json).unwrap(),
            "{\n  \"a\": 1\n}\n"
        );
        assert_eq!(
            export_as(jsonc, Format::Jsonc, Format::Yaml).unwrap(),
            "a: 1\n"
        );
    }

    /// The core's limits, with its messages: alias expansion, nesting, size.
    #[test]
    fn hostile_yaml_gets_the_cores_limit_messages() {
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let items = vec![format!("*a{}", i - 1); 10].join(", ");
            bomb.push_str(&format!("a{i}: &a{i} [{items}]\n"));
        }
        let err = to_json(&bomb).unwrap_err();
        assert!(err.contains("alias"), "{err}");
        let deep = format!("x: {}{}\n", "[".repeat(300), "]".repeat(300));
        assert!(to_json(&deep).unwrap_err().contains("nest"));
        let big = format!("image: {}\n", "x".repeat(600 * 1024));
        assert!(to_json(&big).unwrap_err().contains("bytes"));
    }
}
