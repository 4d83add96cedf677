//! One form field: a label, an input of the field's kind bound to the current value,
//! its help text and its problems (linked with `aria-describedby`).

use super::secret::SecretHelper;
use super::{dom_id, list, FormPage};
use crate::form::{Control, FieldState, FormAction, FormField};
use crate::ui::text::with_code;
use gradient_spec::SpecPath;
use leptos::prelude::*;

/// The view of `field` and, for sections and lists, of what it holds.
pub(crate) fn field_view(cx: FormPage, field: FormField) -> AnyView {
    match field.control.clone() {
        Control::Group { present, children } => group_view(cx, field, present, children),
        Control::Items { .. } => list::list_view(cx, field),
        _ => scalar_view(cx, field),
    }
}

fn group_view(cx: FormPage, field: FormField, present: bool, children: Vec<FormField>) -> AnyView {
    let path = field.path.clone();
    let add_label = format!("Add {}", field.label.to_ascii_lowercase());
    let state = cx.state(&field.path);
    view! {
        <fieldset class="group" id=dom_id(&field.path) class:stale=move || is_stale(state)>
            <legend>{field.label}</legend>
            <p class="help">{with_code(field.help)}</p>
            {problem_list(state, &field.path)}
            {if present {
                children.into_iter().map(|c| field_view(cx, c)).collect_view().into_any()
            } else {
                view! {
                    <button type="button" class="add" prop:disabled=cx.store.read_only on:click=move |_| {
                        cx.store.form_action(FormAction::AddSection { path: path.clone() });
                        crate::ui::focus::focus_first_soon(vec![dom_id(&path)]);
                    }>
                        {add_label}
                    </button>
                }
                    .into_any()
            }}
        </fieldset>
    }
    .into_any()
}

/// Whether the section holding this field does not parse (its last good value shows).
pub(crate) fn is_stale(state: RwSignal<Option<FieldState>>) -> bool {
    state.with(|s| s.as_ref().is_some_and(|s| s.stale))
}

/// The problems of the field at `path` whose state is `state`.
pub(crate) fn problem_list(state: RwSignal<Option<FieldState>>, path: &SpecPath) -> impl IntoView {
    let id = format!("{}-problems", dom_id(path));
    let problems = Memo::new(move |_| {
        state.with(|s| s.as_ref().map(|s| s.problems.clone()).unwrap_or_default())
    });
    view! {
        <ul class="field-problems" id=id>
            {move || {
                problems
                    .get()
                    .into_iter()
                    .map(|p| view! { <li class=p.severity.as_str()>{format!("{} {}: ", p.severity.as_str(), p.rule)}{with_code(&p.message)}</li> })
                    .collect_view()
            }}
        </ul>
    }
}

fn text_of(control: &Control) -> String {
    match control {
        Control::Text { value, .. }
        | Control::Number { value, .. }
        | Control::Select { value, .. }
        | Control::Suggest { value, .. } => value.clone().unwrap_or_default(),
        _ => String::new(),
    }
}

/// What every kind of input of one scalar field is wired to. Event handlers are
/// plain closures over the page's long-lived signals, never values owned by the
/// field: an input removed by a rebuild while focused still fires `blur`.
struct Wiring {
    cx: FormPage,
    id: String,
    path: SpecPath,
    /// The path's text: the input's `name`.
    name: String,
    state: RwSignal<Option<FieldState>>,
    /// `?readonly`: selects and checkboxes cannot be read-only, only disabled; text
    /// inputs are `readonly` (still focusable, selectable and read out).
    read_only: bool,
    stale: Signal<bool>,
    /// Read-only or stale: no change allowed.
    locked: Signal<bool>,
    /// The field has an error.
    invalid: Signal<bool>,
    /// Announced as required (the visible `*` is only a mark).
    required: Option<&'static str>,
    describedby: String,
}

impl Wiring {
    fn new(cx: FormPage, field: &FormField) -> Self {
        let path = field.path.clone();
        let id = dom_id(&path);
        let state = cx.state(&path);
        let stale = Signal::derive(move || is_stale(state));
        let read_only = cx.store.read_only;
        let invalid = Signal::derive(move || {
            state.with(|s| {
                s.as_ref().is_some_and(|s| {
                    s.problems
                        .iter()
                        .any(|p| p.severity == gradient_spec::Severity::Error)
                })
            })
        });
        Wiring {
            cx,
            describedby: format!("{id}-help {id}-problems"),
            id,
            name: path.to_string(),
            path,
            state,
            read_only,
            stale,
            locked: Signal::derive(move || read_only || stale.get()),
            invalid,
            required: field.required.then_some("true"),
        }
    }

    /// Shows the field's value in the editor (on focus).
    fn highlight<E>(&self) -> impl Fn(E) + Clone + 'static {
        let (cx, path) = (self.cx, self.path.clone());
        move |_| {
            let span = cx
                .form
                .with_untracked(|m| m.find(&path).and_then(|f| f.span));
            cx.view.highlight.set(span);
        }
    }

    /// Stops showing it (on blur).
    fn unhighlight<E>(&self) -> impl Fn(E) + Copy + 'static {
        let cx = self.cx;
        move |_| cx.view.highlight.set(None)
    }

    /// Writes `text` as the field's value.
    fn set_text(&self) -> impl Fn(String) + Clone + 'static {
        let (cx, path) = (self.cx, self.path.clone());
        move |text| {
            cx.store.form_action(FormAction::SetText {
                path: path.clone(),
                text,
            })
        }
    }

    /// The field's current text.
    fn text(&self) -> impl Fn() -> String + Copy + 'static {
        let state = self.state;
        move || state.with(|s| s.as_ref().map(|s| text_of(&s.control)).unwrap_or_default())
    }
}

fn scalar_view(cx: FormPage, field: FormField) -> AnyView {
    let w = Wiring::new(cx, &field);
    let is_current = cx.is_current(&w.path);
    let input: AnyView = match field.control.clone() {
        Control::Checkbox { .. } => checkbox(cx, &w),
        Control::Select { options, .. } => select(&w, options),
        Control::Mismatch { found } => view! {
            <p class="mismatch" id=w.id.clone()>{format!("Written as {found} in the YAML: correct it there (see the problem below).")}</p>
        }
        .into_any(),
        control => text_input(&w, &control),
    };
    let (id, stale) = (w.id.clone(), w.stale);
    view! {
        <div class="field" class:current=move || is_current.get() class:stale=stale>
            <label for=id.clone()>{field.label}{field.required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            {input}
            <p class="help" id=format!("{id}-help")>{with_code(field.help)}</p>
            {problem_list(w.state, &w.path)}
        </div>
    }
    .into_any()
}

/// A checkbox: ticked only when the YAML says `true`; absent or not a boolean shows
/// as mixed (the help says what the default is), never as a tick it lacks.
fn checkbox(cx: FormPage, w: &Wiring) -> AnyView {
    let (state, path) = (w.state, w.path.clone());
    let value = move || {
        state.with(|s| match s.as_ref().map(|s| &s.control) {
            Some(Control::Checkbox { value, .. }) => *value,
            _ => None,
        })
    };
    let checked = move || value() == Some(true);
    let mixed = move || value().is_none();
    view! {
        <input type="checkbox" id=w.id.clone() name=w.name.clone() prop:checked=checked prop:indeterminate=mixed prop:disabled=w.locked aria-required=w.required
            aria-describedby=w.describedby.clone() on:focus=w.highlight() on:blur=w.unhighlight()
            on:change=move |ev| cx.store.form_action(FormAction::SetBool { path: path.clone(), value: event_target_checked(&ev) }) />
    }
    .into_any()
}

/// A select of the field's allowed values, with `—` for none.
fn select(w: &Wiring, options: &'static [&'static str]) -> AnyView {
    let (set_text, invalid) = (w.set_text(), w.invalid);
    view! {
        <select id=w.id.clone() name=w.name.clone() prop:value=w.text()
            prop:disabled=w.locked aria-required=w.required aria-describedby=w.describedby.clone() aria-invalid=move || invalid.get().to_string()
            on:focus=w.highlight() on:blur=w.unhighlight() on:change=move |ev| set_text(event_target_value(&ev))>
            <option value="">"—"</option>
            {options.iter().map(|o| view! { <option value=*o>{*o}</option> }).collect_view()}
        </select>
    }
    .into_any()
}

/// A text input (numbers, suggestions from a datalist, secrets with their helper).
fn text_input(w: &Wiring, control: &Control) -> AnyView {
    let id = w.id.clone();
    let (placeholder, list_id, mode, secret) = match control {
        Control::Number {
            placeholder,
            integer,
            ..
        } => (
            *placeholder,
            None,
            if *integer { "numeric" } else { "decimal" },
            false,
        ),
        Control::Suggest { placeholder, .. } => {
            (*placeholder, Some(format!("{id}-options")), "text", false)
        }
        Control::Text {
            placeholder,
            secret,
            ..
        } => (*placeholder, None, "text", *secret),
        _ => ("", None, "text", false),
    };
    let options = match control {
        Control::Suggest { options, .. } => *options,
        _ => &[],
    };
    let (set_text, invalid) = (w.set_text(), w.invalid);
    // Called by the secret helper's own clicks only.
    let set_secret = Callback::new(w.set_text());
    let text = w.text();
    // A plaintext in a secret field is masked; a `secret:NAME` reference shows.
    let masked = move || {
        secret && {
            let v = text();
            !v.is_empty() && !v.to_ascii_lowercase().starts_with("secret:")
        }
    };
    view! {
        <div class="input-row">
            <input type=move || if masked() { "password" } else { "text" } id=id.clone() name=w.name.clone() inputmode=mode placeholder=placeholder autocomplete="off" spellcheck="false"
                list=list_id.clone() prop:value=text
                prop:disabled=w.stale prop:readOnly=w.read_only aria-required=w.required
                aria-describedby=w.describedby.clone() aria-invalid=move || invalid.get().to_string()
                on:focus=w.highlight() on:blur=w.unhighlight() on:input=move |ev| set_text(event_target_value(&ev)) />
            {list_id.map(|lid| view! { <datalist id=lid>{options.iter().map(|o| view! { <option value=*o></option> }).collect_view()}</datalist> })}
            {secret.then(|| view! { <SecretHelper field_id=id.clone() set=set_secret locked=w.locked /> })}
        </div>
    }
    .into_any()
}
