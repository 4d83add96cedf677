//! Raw deflate through the browser's own `CompressionStream` /
//! `DecompressionStream`: compression that adds no bytes to the bundle (a Rust
//! deflate crate would). Declared here rather than through web-sys, whose bindings
//! for these classes still sit behind `web_sys_unstable_apis`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Object, Reflect, Uint8Array};
use web_sys::{ReadableStreamDefaultReader, ReadableWritablePair};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = Object)]
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    #[wasm_bindgen(extends = Object)]
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// Why bytes could not be (de)compressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompressError {
    /// The browser has no `CompressionStream` (Safari before 16.4).
    Unsupported,
    /// The data is not a deflate stream, or the stream failed.
    Failed,
    /// The output passed the cap (a crafted link that unpacks to gigabytes).
    TooLarge(usize),
}

/// Compresses with raw deflate (no header: the shortest links).
pub async fn deflate_raw(bytes: &[u8]) -> Result<Vec<u8>, CompressError> {
    let stream = CompressionStream::new("deflate-raw").map_err(|_| CompressError::Unsupported)?;
    run(stream.unchecked_ref(), bytes, usize::MAX).await
}

/// Decompresses raw deflate, refusing to produce more than `cap` bytes.
pub async fn inflate_raw(bytes: &[u8], cap: usize) -> Result<Vec<u8>, CompressError> {
    let stream = DecompressionStream::new("deflate-raw").map_err(|_| CompressError::Unsupported)?;
    run(stream.unchecked_ref(), bytes, cap).await
}

/// Pipes `bytes` through a transform stream and reads the output chunk by chunk, so a
/// too-large output is cancelled as soon as it passes `cap`.
async fn run(
    transform: &ReadableWritablePair,
    bytes: &[u8],
    cap: usize,
) -> Result<Vec<u8>, CompressError> {
    let fail = |_| CompressError::Failed;
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(fail)?;
    let output = blob.stream().pipe_through(transform);
    let reader: ReadableStreamDefaultReader = output.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(fail)?;
        if Reflect::get(&chunk, &"done".into())
            .map_err(fail)?
            .is_truthy()
        {
            return Ok(out);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(fail)?
            .dyn_into()
            .map_err(fail)?;
        let start = out.len();
        let end = start + value.length() as usize;
        if end > cap {
            let _ = reader.cancel();
            return Err(CompressError::TooLarge(end));
        }
        out.resize(end, 0);
        value.copy_to(&mut out[start..]);
    }
}
