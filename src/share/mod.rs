//! Share links, the pure part: the spec's bytes framed into a URL fragment and back.
//! The button and the compression (browser APIs) live in `ui::share`/`ui::compress`.

pub mod base64url;
pub mod fragment;
