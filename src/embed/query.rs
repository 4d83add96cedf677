//! A URL query string as name/value pairs (`application/x-www-form-urlencoded`, as
//! `URLSearchParams` reads it), in pure Rust so the parameter logic is tested natively.

/// Splits `?a=1&b&c=x%20y` into `[("a","1"), ("b",""), ("c","x y")]`. Never fails:
/// a broken escape stays as written, bytes that are not UTF-8 become U+FFFD.
pub fn pairs(search: &str) -> Vec<(String, String)> {
    let search = search.strip_prefix('?').unwrap_or(search);
    search
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            (unescape(name), unescape(value))
        })
        .collect()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// `+` is a space and `%XX` a byte.
fn unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let escaped = bytes
                    .get(i + 1)
                    .and_then(|&h| hex(h))
                    .zip(bytes.get(i + 2).and_then(|&l| hex(l)));
                if let Some((h, l)) = escaped {
                    out.push(h << 4 | l);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(a: &str, b: &str) -> (String, String) {
        (a.into(), b.into())
    }

    #[test]
    fn splits_names_and_values() {
        assert_eq!(
            pairs("?embed&readonly=1&template=minimal"),
            [p("embed", ""), p("readonly", "1"), p("template", "minimal")]
        );
        assert_eq!(pairs(""), []);
        assert_eq!(pairs("?"), []);
        assert_eq!(pairs("a=b=c&&"), [p("a", "b=c")]);
    }

    #[test]
    fn unescapes_like_url_search_params() {
        assert_eq!(
            pairs("origin=https%3A%2F%2Fdocs.example.com&q=a+b"),
            [p("origin", "https://docs.example.com"), p("q", "a b")]
        );
        assert_eq!(pairs("x=%E6%97%A5"), [p("x", "日")]);
        assert_eq!(
            pairs("x=100%&y=%zz&z=%4"),
            [p("x", "100%"), p("y", "%zz"), p("z", "%4")]
        );
        assert_eq!(pairs("x=%ff"), [p("x", "\u{fffd}")]);
    }
}
