//! The share link's fragment: `#spec=z.PAYLOAD`, where PAYLOAD is the spec's UTF-8
//! bytes compressed with raw deflate and then base64url-encoded (`t.` instead of `z.`
//! marks uncompressed bytes, for browsers without `CompressionStream`). The spec rides
//! in the fragment because browsers never send a fragment to a server.
//!
//! Pure: compression happens in `ui::compress`; this module only frames bytes.

use super::base64url;
use std::fmt;

/// What precedes the payload in the fragment.
const KEY: &str = "spec=";

/// Links longer than this are not offered: chat tools, mail clients and some
/// browsers cut or refuse URLs around this size.
pub const MAX_LINK_LEN: usize = 8 * 1024;

/// Fragments longer than this are refused before any decoding (the links this
/// editor makes stay under [`MAX_LINK_LEN`]); it bounds the work a crafted link costs.
pub const MAX_FRAGMENT_LEN: usize = 64 * 1024;

/// A shared spec is refused above this size once decompressed (as opened files are).
pub const MAX_TEXT_BYTES: usize = 5 * 1024 * 1024;

/// How the payload's bytes were packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    /// `CompressionStream('deflate-raw')`.
    DeflateRaw,
    /// The UTF-8 bytes as they are.
    Plain,
}

impl Codec {
    fn tag(self) -> char {
        match self {
            Codec::DeflateRaw => 'z',
            Codec::Plain => 't',
        }
    }
}

/// A decoded fragment: the packed bytes and how to unpack them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    pub codec: Codec,
    pub bytes: Vec<u8>,
}

/// Why a share link cannot be opened. Displayed to the person as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    TooLong(usize),
    UnknownFormat(String),
    NotBase64,
    Damaged,
    NotText,
    TooLarge(usize),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLong(n) => write!(
                f,
                "This share link is {} KB long; links over {} KB are not opened.",
                n / 1024,
                MAX_FRAGMENT_LEN / 1024
            ),
            LinkError::UnknownFormat(tag) => write!(
                f,
                "This share link uses a format this editor does not know (“{tag}”); it may come from a newer version."
            ),
            LinkError::NotBase64 => {
                f.write_str("This share link is damaged: part of it was cut or changed.")
            }
            LinkError::Damaged => {
                f.write_str("This share link is damaged: its spec could not be unpacked.")
            }
            LinkError::NotText => f.write_str("This share link does not hold a text spec."),
            LinkError::TooLarge(n) => write!(
                f,
                "This share link unpacks to {:.1} MB; specs over 5 MB are not opened.",
                *n as f64 / 1_048_576.0
            ),
        }
    }
}

/// The fragment (without `#`) for packed bytes.
pub fn encode(codec: Codec, bytes: &[u8]) -> String {
    format!("{KEY}{}.{}", codec.tag(), base64url::encode(bytes))
}

/// Reads a `location.hash` (with or without its `#`). `None` when the fragment is not
/// a share link at all (empty, or an ordinary anchor), so it is left alone.
pub fn decode(hash: &str) -> Option<Result<Packed, LinkError>> {
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    let rest = fragment.strip_prefix(KEY)?;
    if fragment.len() > MAX_FRAGMENT_LEN {
        return Some(Err(LinkError::TooLong(fragment.len())));
    }
    // Only the first `&`-separated part is the payload: later versions may add more.
    let rest = rest.split('&').next().unwrap_or_default();
    if rest.is_empty() {
        return Some(Err(LinkError::NotBase64));
    }
    let (tag, payload) = rest.split_once('.').unwrap_or((rest, ""));
    let codec = match tag {
        "z" => Codec::DeflateRaw,
        "t" => Codec::Plain,
        other => {
            let shown: String = other.chars().take(12).collect();
            return Some(Err(LinkError::UnknownFormat(shown)));
        }
    };
    Some(
        base64url::decode(payload)
            .map(|bytes| Packed { codec, bytes })
            .map_err(|_| LinkError::NotBase64),
    )
}

/// The unpacked bytes as the spec's text: UTF-8 within the size limit.
pub fn text_of(bytes: Vec<u8>) -> Result<String, LinkError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(LinkError::TooLarge(bytes.len()));
    }
    String::from_utf8(bytes).map_err(|_| LinkError::NotText)
}

/// The link for `fragment` on the page at `href`: the query and any old fragment are
/// dropped, so embedding options (`?embed`, `?readonly`) never travel with a link.
pub fn link(href: &str, fragment: &str) -> String {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    format!("{}#{fragment}", &href[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_bytes_with_both_codecs() {
        for codec in [Codec::DeflateRaw, Codec::Plain] {
            let bytes = "# comment\nimage: \"日本 😀\"\n".as_bytes().to_vec();
            let fragment = encode(codec, &bytes);
            assert!(fragment.starts_with("spec="));
            let decoded = decode(&format!("#{fragment}")).unwrap().unwrap();
            assert_eq!(decoded, Packed { codec, bytes });
        }
    }

    #[test]
    fn ordinary_fragments_are_not_share_links() {
        assert_eq!(decode(""), None);
        assert_eq!(decode("#"), None);
        assert_eq!(decode("#top"), None);
        assert_eq!(decode("#specification"), None);
    }

    #[test]
    fn damaged_links_say_what_is_wrong() {
        assert_eq!(decode("#spec="), Some(Err(LinkError::NotBase64)));
        assert_eq!(
            decode("#spec=q.AAAA"),
            Some(Err(LinkError::UnknownFormat("q".into())))
        );
        assert_eq!(decode("#spec=z.%%%"), Some(Err(LinkError::NotBase64)));
        assert_eq!(decode("#spec=z.A"), Some(Err(LinkError::NotBase64)));
        let long = format!("#spec=z.{}", "A".repeat(MAX_FRAGMENT_LEN));
        assert!(matches!(decode(&long), Some(Err(LinkError::TooLong(_)))));
        for e in [
            LinkError::NotBase64,
            LinkError::Damaged,
            LinkError::NotText,
            LinkError::TooLarge(6 << 20),
            LinkError::TooLong(70_000),
            LinkError::UnknownFormat("x".into()),
        ] {
            assert!(e.to_string().starts_with("This share link"), "{e}");
        }
    }

    #[test]
    fn later_parts_of_the_fragment_are_ignored() {
        let decoded = decode("#spec=t.aGk&name=x.yaml").unwrap().unwrap();
        assert_eq!(decoded.bytes, b"hi");
    }

    #[test]
    fn text_must_be_utf8_and_not_too_large() {
        assert_eq!(text_of(b"a: 1".to_vec()).unwrap(), "a: 1");
        assert_eq!(text_of(vec![0xff, 0xfe]), Err(LinkError::NotText));
        assert!(matches!(
            text_of(vec![b'a'; MAX_TEXT_BYTES + 1]),
            Err(LinkError::TooLarge(_))
        ));
    }

    #[test]
    fn links_drop_the_query_and_old_fragment() {
        assert_eq!(
            link(
                "https://x.dev/editor/?embed&readonly#spec=t.b2xk",
                "spec=t.bmV3"
            ),
            "https://x.dev/editor/#spec=t.bmV3"
        );
        assert_eq!(
            link("file:///home/me/gradient-spec-editor.html", "spec=z.AA"),
            "file:///home/me/gradient-spec-editor.html#spec=z.AA"
        );
    }
}
