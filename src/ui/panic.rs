//! What happens if the app panics anyway. A panic aborts the wasm module (the release
//! profile has `panic = "abort"`) and with it every handler of the page: before that,
//! this hook logs the panic, saves what the textarea holds (autosave first), and puts
//! a message on the page saying the text is safe and how to go on. The textarea
//! itself is plain HTML and keeps its text.

use wasm_bindgen::JsCast;

/// Installs the hook; `main` calls it before mounting.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        crate::ui::autosave::save_from_dom();
        show_message();
    }));
}

/// Adds the crash notice at the top of the page (plain DOM: nothing of the app's
/// reactive state is trusted after a panic).
fn show_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("crash-notice").is_some() {
        return;
    }
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_id("crash-notice");
    let _ = notice.set_attribute("role", "alert");
    let reload = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
        .replace('"', "%22");
    notice.set_inner_html(&format!(
        "<strong>The editor stopped after an internal error.</strong> \
         Your text is kept: it is still in the editor, and saved in this browser when \
         autosave is on. <a href=\"{reload}\">Reload the page</a> to go on checking it. \
         Please report the error (the browser console has the details)."
    ));
    if let Some(body) = document.body() {
        let _ = body.insert_before(&notice, body.first_child().as_ref());
    }
    // Nothing else works now: say so on the buttons rather than let them do nothing.
    if let Ok(buttons) = document.query_selector_all("button, select, input") {
        for i in 0..buttons.length() {
            if let Some(el) = buttons
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_attribute("disabled", "");
            }
        }
    }
}
