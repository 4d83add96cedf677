//! Share links: the `Share link` button packs the spec into the URL fragment
//! (`share::fragment`; compressed by the browser, `ui::compress`) and copies the link;
//! opening such a link loads the spec as one undoable step on top of the text the
//! page had, so nothing autosaved is lost. The fragment never reaches a server.

use crate::share::fragment::{self, Codec, LinkError, MAX_LINK_LEN, MAX_TEXT_BYTES};
use crate::ui::browser;
use crate::ui::compress::{self, CompressError};
use crate::ui::store::Store;
use gradient_spec::RuleId;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The first line holding a plaintext credential, if any (rule `plaintext-secret`).
fn plaintext_secret_line(store: Store) -> Option<usize> {
    store.analysis.with_untracked(|a| {
        a.problems
            .iter()
            .find(|p| p.rule == RuleId::PlaintextSecret)
            .map(|p| p.line)
    })
}

/// The share link for `text` on this page.
async fn link_for(text: &str) -> Result<String, String> {
    let fragment = match compress::deflate_raw(text.as_bytes()).await {
        Ok(packed) => fragment::encode(Codec::DeflateRaw, &packed),
        Err(CompressError::Unsupported) => fragment::encode(Codec::Plain, text.as_bytes()),
        Err(_) => return Err("The browser could not compress the spec for a link.".into()),
    };
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .ok_or("The page has no address to share.")?;
    Ok(fragment::link(&href, &fragment))
}

#[component]
pub fn ShareButton(store: Store) -> impl IntoView {
    // The last link made, with the revision of the text it holds: shown only while
    // the text is still that revision.
    let made = RwSignal::new(None::<(u64, String)>);
    let busy = RwSignal::new(false);
    let say = move |msg: String| store.notice.set(Some(msg));

    let share = move |_| {
        if busy.get_untracked() {
            return;
        }
        if let Some(line) = plaintext_secret_line(store) {
            let ask = format!(
                "The spec holds a plaintext credential (line {line}). Anyone who gets the link can read it. Share it anyway?"
            );
            if !browser::confirm(&ask) {
                return say("Not shared: the spec holds a plaintext credential.".into());
            }
        }
        let (revision, text, name) = store
            .doc
            .with_untracked(|d| (d.revision, d.text.clone(), d.file_name.clone()));
        busy.set(true);
        spawn_local(async move {
            let result = link_for(&text).await;
            busy.set(false);
            let url = match result {
                Ok(url) => url,
                Err(e) => return say(e),
            };
            if url.len() > MAX_LINK_LEN {
                made.set(None);
                let kb = url.len().div_ceil(1024);
                let ask = format!(
                    "The link would be {kb} KB; links over 8 KB get cut by chat tools and browsers. Download the spec as a file to share instead?"
                );
                if browser::confirm(&ask) {
                    match browser::download(&name, "application/yaml", &text) {
                        Ok(()) => say(format!("Saved {name}: share the file instead of a link.")),
                        Err(e) => say(e),
                    }
                } else {
                    say(format!("Not shared: the link would be {kb} KB."));
                }
                return;
            }
            made.set(Some((revision, url.clone())));
            // The link's field takes focus (and selects the link): the person's next
            // step is to copy it, and focus must not fall to the page.
            crate::ui::focus::focus_first_soon(vec!["share-url".into()]);
            browser::copy_text(&url, move |r| {
                say(match r {
                    Ok(()) => "Copied the share link to the clipboard.".into(),
                    Err(_) => {
                        "The browser did not allow the clipboard: copy the link from the field."
                            .into()
                    }
                })
            });
        });
    };

    let shown = move || {
        let revision = store.doc.with(|d| d.revision);
        made.get()
            .filter(|(r, _)| *r == revision)
            .map(|(_, url)| url)
    };
    view! {
        <button type="button" on:click=share aria-disabled=move || busy.get().to_string()>"Share link"</button>
        {move || shown().map(|url| view! {
            <input id="share-url" class="share-url" readonly aria-label="Share link URL" prop:value=url
                on:focus=|ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    input.select();
                } />
        })}
    }
}

/// Opens the share link in the address bar, now and whenever the fragment changes
/// (a link pasted into the address bar of an open editor).
pub fn open_shared_links(store: Store) {
    open_from_fragment(store);
    let listener = window_event_listener(ev::hashchange, move |_| open_from_fragment(store));
    on_cleanup(move || listener.remove());
}

fn open_from_fragment(store: Store) {
    let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else {
        return;
    };
    let Some(packed) = fragment::decode(&hash) else {
        return;
    };
    // Once read, the fragment leaves the address bar: a reload must not load it again
    // over what the person wrote since.
    forget_fragment();
    let say = move |msg: String| store.notice.set(Some(msg));
    let packed = match packed {
        Ok(p) => p,
        Err(e) => return say(format!("{e} The current text is kept.")),
    };
    spawn_local(async move {
        let bytes = match packed.codec {
            Codec::Plain => Ok(packed.bytes),
            Codec::DeflateRaw => compress::inflate_raw(&packed.bytes, MAX_TEXT_BYTES)
                .await
                .map_err(|e| match e {
                    CompressError::TooLarge(n) => LinkError::TooLarge(n),
                    CompressError::Unsupported => LinkError::UnknownFormat("z".into()),
                    CompressError::Failed => LinkError::Damaged,
                }),
        };
        match bytes.and_then(fragment::text_of) {
            Ok(text) => {
                let had = store.doc.with_untracked(|d| d.text != text);
                store.load_anyway(text, None);
                say(if had {
                    "Opened the spec from the share link. Undo brings back the text you had.".into()
                } else {
                    "Opened the spec from the share link.".into()
                });
            }
            Err(e) => say(format!("{e} The current text is kept.")),
        }
    });
}

fn forget_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let bare = href.split('#').next().unwrap_or(&href).to_string();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&bare));
    }
}
