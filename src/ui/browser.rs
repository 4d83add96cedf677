//! Small wrappers over browser APIs (downloads, clipboard, files, storage), so the
//! components read as what they do. Every failure becomes a message, never a panic.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys::{Array, Promise};

/// Files larger than this are refused on import: a spec is a few KB.
pub const MAX_IMPORT_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// Saves `text` as a file named `name` through a temporary object URL.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| "the browser refused the download".to_string();
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies `text` to the clipboard, then calls `done` with the outcome.
pub fn copy_text(text: &str, done: impl FnOnce(Result<(), String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(Err("no window".into()));
    };
    let promise: Promise = window.navigator().clipboard().write_text(text);
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let (d1, d2) = (done.clone(), done);
    let ok = Closure::once(move |_: JsValue| {
        if let Some(f) = d1.borrow_mut().take() {
            f(Ok(()))
        }
    });
    let err = Closure::once(move |_: JsValue| {
        if let Some(f) = d2.borrow_mut().take() {
            f(Err(
                "the browser did not allow access to the clipboard".into()
            ))
        }
    });
    let _ = promise.then2(&ok, &err);
    ok.forget();
    err.forget();
}

/// Why a file cannot be opened as a spec, if it cannot.
pub fn refuse_file(size: f64) -> Option<String> {
    (size > MAX_IMPORT_BYTES).then(|| {
        format!(
            "That file is {:.1} MB; specs over 5 MB are not opened. The current text is kept.",
            size / 1_048_576.0
        )
    })
}

/// Decodes a file's bytes as a spec's text: UTF-8 (a BOM is dropped), no NUL bytes.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, String> {
    let refuse =
        "That file is not a text file (YAML or JSON). The current text is kept.".to_string();
    if bytes.contains(&0) {
        return Err(refuse);
    }
    let text = String::from_utf8(bytes).map_err(|_| refuse)?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// Reads a browser `File` and calls `done` with its text or a message.
pub fn read_file(
    file: web_sys::File,
    done: impl FnOnce(Result<(String, String), String>) + 'static,
) {
    if let Some(msg) = refuse_file(file.size()) {
        return done(Err(msg));
    }
    let name = file.name();
    let file = gloo::file::File::from(file);
    leptos::task::spawn_local(async move {
        let result = match gloo::file::futures::read_as_bytes(&file).await {
            Ok(bytes) => decode_text(bytes).map(|t| (name, t)),
            Err(_) => Err("The file could not be read. The current text is kept.".into()),
        };
        done(result);
    });
}

/// localStorage, where autosave keeps the text. Unavailable storage (private mode,
/// a sandboxed iframe) only disables autosave.
pub fn storage_get(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

pub fn storage_set(key: &str, value: &str) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(key, value);
    }
}

/// Asks the person to confirm (a native dialog); `true` when there is no window.
pub fn confirm(message: &str) -> bool {
    web_sys::window().is_none_or(|w| w.confirm_with_message(message).unwrap_or(false))
}
