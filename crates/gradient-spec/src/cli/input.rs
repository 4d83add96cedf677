//! Reads a file (or stdin for `-`) as text. The core takes `&str`, so bytes that are
//! not UTF-8, or that are binary, are refused here with a clear reason.

use std::ffi::OsStr;
use std::io::Read;

/// Files larger than this are not even read. The core refuses anything over
/// `MAX_INPUT_BYTES` with a `limit` problem (exit 1); this bounds the memory spent
/// finding out (exit 2 beyond it).
const MAX_READ_BYTES: u64 = 64 * 1024 * 1024;

/// One input: its display name and its text.
pub struct Input {
    pub name: String,
    pub text: String,
}

/// Why an input could not be read, as a message for stderr.
pub type ReadError = String;

pub fn is_stdin(path: &OsStr) -> bool {
    path == "-"
}

pub fn display_name(path: &OsStr) -> String {
    if is_stdin(path) {
        "<stdin>".to_string()
    } else {
        path.to_string_lossy().into_owned()
    }
}

pub fn read(path: &OsStr) -> Result<Input, ReadError> {
    let name = display_name(path);
    let mut bytes = Vec::new();
    let read = if is_stdin(path) {
        std::io::stdin()
            .lock()
            .take(MAX_READ_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_READ_BYTES + 1).read_to_end(&mut bytes))
    };
    if let Err(e) = read {
        return Err(format!("{name}: cannot read: {e}"));
    }
    if bytes.len() as u64 > MAX_READ_BYTES {
        return Err(format!(
            "{name}: larger than {MAX_READ_BYTES} bytes; not read (a deployment spec is a few KB)"
        ));
    }
    let text = decode(bytes).map_err(|why| format!("{name}: {why}"))?;
    Ok(Input { name, text })
}

/// The text of `bytes`, or why it is not a text file the linter can read.
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("is UTF-16 text; save it as UTF-8".into());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "is not UTF-8 text (invalid byte at offset {}); YAML files must be UTF-8",
            e.utf8_error().valid_up_to()
        )
    })?;
    if let Some(at) = text.find('\0') {
        return Err(format!(
            "looks like a binary file (NUL byte at offset {at}), not YAML"
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_text_and_refuses_the_rest() {
        assert_eq!(decode(b"a: 1\n".to_vec()).as_deref(), Ok("a: 1\n"));
        assert_eq!(
            decode("\u{FEFF}a: é\n".as_bytes().to_vec()).as_deref(),
            Ok("\u{FEFF}a: é\n")
        );
        assert!(decode(vec![b'a', 0xFF, b'b'])
            .unwrap_err()
            .contains("offset 1"));
        assert!(decode(vec![0xFF, 0xFE, b'a', 0])
            .unwrap_err()
            .contains("UTF-16"));
        assert!(decode(b"a\0b".to_vec()).unwrap_err().contains("binary"));
    }
}
