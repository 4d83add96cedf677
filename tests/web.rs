//! Component tests in headless Chromium (wasm-bindgen-test via chromedriver).
//! Run with `make test-web`.
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
use gradient_spec_editor::{examples::default_template, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a fresh App (no autosaved text) into its own container and waits a tick.
async fn mount() -> web_sys::HtmlElement {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    handle.forget();
    TimeoutFuture::new(0).await;
    host
}

fn editor(host: &web_sys::HtmlElement) -> HtmlTextAreaElement {
    host.query_selector("textarea#spec-yaml")
        .unwrap()
        .expect("the Spec YAML textarea")
        .unchecked_into()
}

fn status(host: &web_sys::HtmlElement) -> String {
    host.query_selector("[role=status]")
        .unwrap()
        .expect("a status element")
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn editor_is_named_and_holds_the_example() {
    let host = mount().await;
    let area = editor(&host);
    assert_eq!(area.value(), default_template().text);
    let label = host
        .query_selector("label[for=spec-yaml]")
        .unwrap()
        .unwrap();
    assert_eq!(label.text_content().unwrap(), "Spec YAML");
    host.remove();
}

#[wasm_bindgen_test]
async fn typing_updates_problems_and_status() {
    let host = mount().await;
    let area = editor(&host);
    area.set_value("image: x\ncommand: [python, app.py\n");
    let init = EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    TimeoutFuture::new(0).await;
    let s = status(&host);
    assert!(
        !s.starts_with("0 errors"),
        "status after a syntax error: {s}"
    );
    let items = host
        .query_selector_all("ul[aria-label=Problems] li")
        .unwrap();
    let texts: Vec<String> = (0..items.length())
        .filter_map(|i| items.get(i)?.text_content())
        .collect();
    // The unclosed `[` is on line 2, column 10.
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("2:10 error yaml-syntax ")),
        "problems: {texts:?}"
    );
    host.remove();
}

fn fire(el: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

async fn type_into_editor(host: &web_sys::HtmlElement, text: &str) {
    let area = editor(host);
    area.set_value(text);
    fire(&area, "input");
    TimeoutFuture::new(0).await;
}

fn input(host: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlInputElement {
    host.query_selector(&format!("[name=\"{name}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no input {name}"))
        .unchecked_into()
}

fn button(host: &web_sys::HtmlElement, label: &str) -> web_sys::HtmlElement {
    let all = host.query_selector_all("button").unwrap();
    (0..all.length())
        .filter_map(|i| all.get(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button {label}"))
}

const SPEC: &str = "image: nginx # web\nport: 80\nresources:\n  instanceType: C4 # cpu\n";

#[wasm_bindgen_test]
async fn the_form_follows_the_text() {
    let host = mount().await;
    type_into_editor(&host, SPEC).await;
    assert_eq!(input(&host, "image").value(), "nginx");
    assert_eq!(input(&host, "resources.instanceType").value(), "C4");
    type_into_editor(&host, &SPEC.replace("nginx", "httpd")).await;
    assert_eq!(input(&host, "image").value(), "httpd");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_form_edit_changes_only_its_value_and_undo_restores_the_text() {
    let host = mount().await;
    type_into_editor(&host, SPEC).await;
    let field = input(&host, "resources.instanceType");
    field.set_value("A100");
    fire(&field, "input");
    TimeoutFuture::new(0).await;
    assert_eq!(
        editor(&host).value(),
        SPEC.replace("instanceType: C4 # cpu", "instanceType: A100 # cpu")
    );
    button(&host, "Undo").click();
    TimeoutFuture::new(0).await;
    assert_eq!(editor(&host).value(), SPEC);
    host.remove();
}

/// A form change parses once: the edit starts from the check's parse of the current
/// text, and the check of the new text starts from the edit's verified parse. A
/// change typed in the editor parses once too (the check).
#[wasm_bindgen_test]
async fn a_form_change_and_a_keystroke_each_parse_the_text_once() {
    use gradient_spec::parse_counter::parses_so_far;
    let host = mount().await;
    type_into_editor(&host, SPEC).await;
    let field = input(&host, "resources.instanceType");
    let before = parses_so_far();
    field.set_value("A100");
    fire(&field, "input");
    TimeoutFuture::new(0).await;
    assert!(editor(&host).value().contains("instanceType: A100 # cpu"));
    assert_eq!(parses_so_far() - before, 1, "parses for one form change");
    let before = parses_so_far();
    type_into_editor(&host, &SPEC.replace("nginx", "httpd")).await;
    assert_eq!(input(&host, "image").value(), "httpd");
    assert_eq!(parses_so_far() - before, 1, "parses for one keystroke");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_quick_fix_applies_and_the_rule_help_opens() {
    let host = mount().await;
    type_into_editor(
        &host,
        "image: x\nport: \"7860\"\nresources:\n  instanceType: C4\n",
    )
    .await;
    let explain: web_sys::HtmlElement = host
        .query_selector("button[aria-label='Explain rule port-range']")
        .unwrap()
        .expect("a rule link")
        .unchecked_into();
    explain.click();
    TimeoutFuture::new(0).await;
    let help = host
        .query_selector(".rule-help")
        .unwrap()
        .expect("the rule help panel");
    assert!(help.text_content().unwrap().contains("port-range"));
    let items = host.query_selector_all("li.problem").unwrap();
    let port_problem = (0..items.length())
        .filter_map(|i| items.get(i))
        .map(|n| n.unchecked_into::<web_sys::Element>())
        .find(|li| {
            li.text_content()
                .unwrap_or_default()
                .contains(" warning port-range ")
        })
        .expect("a port-range warning");
    let fix: web_sys::HtmlElement = port_problem
        .query_selector("button.fix")
        .unwrap()
        .expect("its fix button")
        .unchecked_into();
    fix.click();
    TimeoutFuture::new(0).await;
    assert!(
        editor(&host).value().contains("port: 7860\n"),
        "{}",
        editor(&host).value()
    );
    host.remove();
}
