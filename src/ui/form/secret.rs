//! "Use a secret…": an inline disclosure beside a secret field that writes
//! `secret:NAME`. The name is checked by the core (`secret_name_problem`, the
//! `secret-syntax` rule's judgement) before anything is written, so the helper never
//! writes a reference the rules then warn about; the problem shows beside the name.

use leptos::prelude::*;

// `#[component]` gives its props struct `pub` fields, which the lint would flag.
#[allow(unreachable_pub)]
#[component]
pub(crate) fn SecretHelper(
    /// The id of the field's input (focus returns there after Use or Cancel).
    field_id: String,
    /// Writes the field's value.
    set: Callback<String>,
    /// The field cannot be changed (read-only page, stale section).
    locked: Signal<bool>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let (panel_id, name_id) = (
        format!("{field_id}-secret"),
        format!("{field_id}-secret-name"),
    );
    let back = {
        let field_id = field_id.clone();
        move || crate::ui::focus::focus_first_soon(vec![field_id.clone()])
    };
    let use_it = {
        let back = back.clone();
        move || {
            let n = name.get_untracked().trim().to_string();
            match gradient_spec::rules::secret_name_problem(&n) {
                Some(p) => problem.set(Some(p)),
                None => {
                    set.run(format!("secret:{n}"));
                    open.set(false);
                    back();
                }
            }
        }
    };
    let toggle = {
        let name_id = name_id.clone();
        move |_| {
            open.update(|o| *o = !*o);
            problem.set(None);
            if open.get_untracked() {
                crate::ui::focus::focus_first_soon(vec![name_id.clone()]);
            }
        }
    };
    let use_click = use_it.clone();
    view! {
        <button type="button" class="secret-helper" aria-expanded=move || open.get().to_string() aria-controls=panel_id.clone()
            prop:disabled=move || locked.get() on:click=toggle>"Use a secret…"</button>
        <div class="secret-panel" id=panel_id hidden=move || !open.get()
            on:keydown=move |ev| match ev.key().as_str() {
                "Enter" => { ev.prevent_default(); use_it() }
                "Escape" => { ev.prevent_default(); open.set(false); back() }
                _ => {}
            }>
            <label for=name_id.clone()>"Secret name"</label>
            <input type="text" id=name_id.clone() autocomplete="off" spellcheck="false" placeholder="HF_TOKEN"
                aria-describedby=format!("{name_id}-problem") aria-invalid=move || problem.get().is_some().to_string()
                prop:value=move || name.get() on:input=move |ev| { name.set(event_target_value(&ev)); problem.set(None); } />
            <button type="button" on:click=move |_| use_click()>"Use"</button>
            <p class="secret-problem" id=format!("{name_id}-problem") role="alert">{move || problem.get()}</p>
        </div>
    }
}
