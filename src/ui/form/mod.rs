//! The Form region: every field of the spec's shape, edited through the core's edit
//! layer. Its DOM is rebuilt only when the form's structure changes (an item added, the
//! shape switched); values and problems are bound per field, so typing never loses focus.

mod current;
mod field;
mod list;
mod secret;
mod states;

use crate::form::{build_with, FieldState, FormModel, DEFAULT_MAX_ITEMS};
use crate::ui::editor::EditorView;
use crate::ui::store::Store;
use current::CurrentField;
use gradient_spec::spec::Shape;
use gradient_spec::yaml::Node;
use gradient_spec::{RuleId, SpecPath};
use leptos::prelude::*;
use states::FieldStates;
use std::sync::Arc;

/// What a field needs from the page: the store, the form model, the editor's view,
/// the field at the caret, and each field's state.
#[derive(Clone, Copy)]
pub struct FormPage {
    pub store: Store,
    pub form: Memo<Arc<FormModel>>,
    pub view: EditorView,
    /// Which field holds the editor's caret.
    current: CurrentField,
    /// Show every item of long lists (otherwise the first `DEFAULT_MAX_ITEMS`).
    pub show_all: RwSignal<bool>,
    states: FieldStates,
}

impl FormPage {
    /// The state of the field at `path`, updated when (and only when) it changes.
    pub fn state(self, path: &SpecPath) -> RwSignal<Option<FieldState>> {
        RwSignal::from(self.form.with_untracked(|m| self.states.track(m, path)))
    }

    /// Whether the field at `path` holds the editor's caret, updated when that changes.
    pub fn is_current(self, path: &SpecPath) -> RwSignal<bool> {
        RwSignal::from(self.current.track(path))
    }
}

/// The element id of a spec path, from its text (`env[0].value` → `field-env-0-_value`).
pub fn dom_id(path: &SpecPath) -> String {
    let mut id = String::from("field-");
    for c in path.to_string().chars() {
        id.push(match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => c,
            '.' => '_',
            _ => '-',
        });
    }
    id
}

#[component]
pub fn FormPane(store: Store, view: EditorView) -> impl IntoView {
    // Sections whose text does not parse keep the values of the last good version.
    let last_good = StoredValue::new(None::<Arc<FormModel>>);
    let show_all = RwSignal::new(false);
    let form = Memo::new(move |_| {
        let max_items = if show_all.get() {
            usize::MAX
        } else {
            DEFAULT_MAX_ITEMS
        };
        store.checked.with(|c| {
            let report = &c.0;
            let root = report.doc.root.as_ref();
            let shape = root
                .and_then(Node::as_mapping)
                .map_or(Shape::Legacy, gradient_spec::rules::detect_shape);
            let model = Arc::new(last_good.with_value(|g| {
                build_with(shape, root, &report.diagnostics, g.as_deref(), max_items)
            }));
            if !report
                .diagnostics
                .iter()
                .any(|d| d.rule == RuleId::YamlSyntax)
            {
                last_good.set_value(Some(Arc::clone(&model)));
            }
            model
        })
    });
    let layout = Memo::new_with_compare(
        move |_| form.get(),
        |old, new| !matches!((old, new), (Some(a), Some(b)) if a.same_layout(b)),
    );
    let current = Memo::new(move |_| {
        let caret = view.caret.get();
        form.with(|m| m.field_at(caret).map(|f| f.path.clone()))
    });
    let states = FieldStates::new();
    Effect::new(move |_| form.with(|m| states.refresh(m)));
    let marks = CurrentField::new();
    Effect::new(move |_| current.with(|c| marks.show(c.as_ref())));
    let cx = FormPage {
        store,
        form,
        view,
        current: marks,
        show_all,
        states,
    };

    reveal_field_at_caret(current);

    view! {
        <section class="pane form-pane" aria-labelledby="form-title">
            <div class="form-head">
                <h2 id="form-title" class="pane-title">"Form"</h2>
                <ShapeSwitch store=store form=form />
            </div>
            <form class="spec-form" on:submit=|ev| ev.prevent_default()>
                {move || {
                    // Read (not `track`): a memo that is only tracked is never computed.
                    layout.with(|_| ());
                    states.clear();
                    marks.clear();
                    form.with_untracked(|m| m.fields.clone()).into_iter().map(|f| field::field_view(cx, f)).collect_view()
                }}
            </form>
        </section>
    }
}

/// Moving the caret in the editor reveals the field at the caret (`current`). In the
/// next frame: scrolling now would lay the page out in the middle of this update,
/// and again after it (it cost 1.6 ms of each keystroke that moved to another field).
fn reveal_field_at_caret(current: Memo<Option<SpecPath>>) {
    Effect::new(move |_| {
        let Some(path) = current.get() else { return };
        request_animation_frame(move || {
            let document = web_sys::window().and_then(|w| w.document());
            let editing = document
                .as_ref()
                .and_then(|d| d.active_element())
                .is_some_and(|e| e.id() == "spec-yaml");
            if let (true, Some(el)) = (
                editing,
                document.and_then(|d| d.get_element_by_id(&dom_id(&path))),
            ) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    });
}

/// The "Spec shape" select. The whole spec moves to the chosen shape (the core's
/// upgrade or downgrade, one undoable step); when it does not (refused, or already of
/// that shape), the select shows the shape the spec has.
#[component]
fn ShapeSwitch(store: Store, form: Memo<Arc<FormModel>>) -> impl IntoView {
    let shape = move || form.with(|m| m.shape);
    let switch_shape = move |ev: leptos::ev::Event| {
        let target = if event_target_value(&ev) == "v1" {
            Shape::V1
        } else {
            Shape::Legacy
        };
        crate::ui::upgrade::switch_shape(store, target);
        let now = if form.with_untracked(|m| m.shape) == Shape::V1 {
            "v1"
        } else {
            "legacy"
        };
        if let Some(select) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        {
            select.set_value(now);
        }
    };
    view! {
        <label class="shape-switch">
            "Spec shape "
            <select on:change=switch_shape prop:disabled=store.read_only prop:value=move || if shape() == Shape::V1 { "v1" } else { "legacy" }>
                <option value="legacy">"Legacy (port, instanceType, repositories)"</option>
                <option value="v1">"v1 (ports, machineType, integrations)"</option>
            </select>
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::dom_id;
    use gradient_spec::SpecPath;

    /// Element ids are the page's contract with its tests and focus handling: the
    /// typed path gives the ids its text always gave.
    #[test]
    fn element_ids_come_from_the_paths_text() {
        let list = SpecPath::root().key("repositories").key("repositories");
        assert_eq!(dom_id(&list), "field-repositories_repositories");
        assert_eq!(dom_id(&list.index(0)), "field-repositories_repositories-0-");
        assert_eq!(
            dom_id(&SpecPath::root().key("env").index(0).key("value")),
            "field-env-0-_value"
        );
    }
}
