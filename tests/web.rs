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

/// Mounts a fresh App into its own container and waits a tick for Leptos.
async fn mount() -> web_sys::HtmlElement {
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
    assert!(items.length() >= 1);
    let first = items.get(0).unwrap().text_content().unwrap();
    assert!(
        first.contains(" error yaml-syntax "),
        "first problem: {first}"
    );
    host.remove();
}
