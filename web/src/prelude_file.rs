//! The prelude's texts as a file, so that the worker's façade does not
//! carry them: they are needed only to boot from source (limits other than
//! the defaults, or no usable boot file), and most sessions boot from the
//! boot file instead (`boot_file.rs`). `make web-pkg` writes the file as
//! `pkg/prelude.bin` ([`make`], which `web-tools` runs under Node.js); the
//! worker fetches it the first time it boots from source and hands it to
//! [`set_prelude`].
//!
//! The file is the compiler build's key (`boot_snapshot::COMPILER_BUILD`)
//! and a newline, then each of `compiler::PRELUDE`'s files in boot order as
//! its name, a NUL byte, its text and a NUL byte (Forth source holds no
//! NUL).
//!
//! Guarantees: a session boots from source only with the prelude of the
//! compiler build it runs (a file made by another build, or a corrupt one,
//! is refused with a message); until a prelude is set, a boot from source
//! fails with a message that says so, and nothing else is affected.

use std::cell::RefCell;
use std::rc::Rc;

use compiler::boot_snapshot::COMPILER_BUILD;
use wasm_bindgen::prelude::*;

/// The prelude's files (name, text), in boot order.
type Texts = Rc<Vec<(String, String)>>;

thread_local! {
    /// The prelude this façade boots from source with, once set.
    static PRELUDE: RefCell<Option<Texts>> = const { RefCell::new(None) };
}

/// The prelude file of this compiler build (see the module doc).
pub fn make() -> Vec<u8> {
    let mut out = format!("{COMPILER_BUILD}\n").into_bytes();
    for (name, text) in compiler::PRELUDE {
        for part in [name, text] {
            out.extend_from_slice(part.as_bytes());
            out.push(0);
        }
    }
    out
}

/// Reads a prelude file: its files (name, text), or why it is refused.
fn parse(bytes: &[u8]) -> Result<Vec<(String, String)>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not a prelude file")?;
    let (key, rest) = text.split_once('\n').ok_or("not a prelude file")?;
    if key != COMPILER_BUILD {
        return Err("the prelude file was made by another compiler build".into());
    }
    let parts: Vec<&str> = rest.split('\0').collect();
    // name, text, name, text, ..., then what follows the last NUL (nothing).
    match parts.split_last() {
        Some((&"", files)) if !files.is_empty() && files.len() % 2 == 0 => {
            Ok(files.chunks(2).map(|f| (f[0].to_string(), f[1].to_string())).collect())
        }
        _ => Err("the prelude file is malformed".into()),
    }
}

/// Sets the prelude that sessions boot from source with (`new Session()`,
/// `Session.with_limits`): the bytes of `pkg/prelude.bin`. A file made by
/// another compiler build, or a corrupt one, is refused and changes
/// nothing.
#[wasm_bindgen]
pub fn set_prelude(bytes: &[u8]) -> Result<(), String> {
    let files = parse(bytes)?;
    PRELUDE.with(|p| *p.borrow_mut() = Some(Rc::new(files)));
    Ok(())
}

/// Sets this build's own prelude (what [`set_prelude`] of [`make`]'s file
/// does): for `web-tools`, which carries the texts anyway.
pub fn set_embedded() {
    let files = compiler::PRELUDE.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
    PRELUDE.with(|p| *p.borrow_mut() = Some(Rc::new(files)));
}

/// The prelude set, as `Forth::boot_with` takes it, or why there is none.
pub(crate) fn with_prelude<T>(f: impl FnOnce(&[(&str, &str)]) -> Result<T, String>) -> Result<T, String> {
    let files = PRELUDE.with(|p| p.borrow().clone()).ok_or(
        "the prelude is not loaded (set_prelude with pkg/prelude.bin): only the default limits boot without it, \
         from the boot file",
    )?;
    let texts: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    f(&texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_reads_back_as_the_compilers_prelude() {
        let files = parse(&make()).unwrap();
        let want: Vec<(String, String)> =
            compiler::PRELUDE.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
        assert_eq!(files, want);
    }

    #[test]
    fn another_builds_or_a_broken_file_is_refused() {
        let file = make();
        let mut other = file.clone();
        other[0] = if other[0] == b'0' { b'1' } else { b'0' };
        assert_eq!(parse(&other).unwrap_err(), "the prelude file was made by another compiler build");
        assert_eq!(parse(&file[..file.len() - 1]).unwrap_err(), "the prelude file is malformed");
        assert_eq!(parse(b"no newline").unwrap_err(), "not a prelude file");
        assert!(parse(&file[..COMPILER_BUILD.len() + 1]).is_err());
    }

    #[test]
    fn without_a_prelude_a_boot_from_source_says_why() {
        let err = with_prelude(|_| Ok(())).unwrap_err();
        assert!(err.contains("prelude is not loaded"), "{err}");
        set_embedded();
        assert_eq!(with_prelude(|t| Ok(t.len())).unwrap(), compiler::PRELUDE.len());
    }
}
