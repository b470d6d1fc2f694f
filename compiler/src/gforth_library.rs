//! Files of gforth's library that programs load by name (`require
//! random.fs`), written here to behave as gforth 0.7.3's do.
//!
//! `INCLUDED`, `REQUIRED` and their kin look for a file next to the
//! including file and then as named; only when neither exists, a name
//! listed here (as given, without a folder) loads the text below instead,
//! so a program's own `random.fs` always wins. Guarantee: a library file
//! required twice loads once, like any other.

/// The library: (file name, Forth text).
const LIBRARY: &[(&str, &str)] = &[("random.fs", include_str!("gforth/random.fs"))];

/// The library text for `path`, if it names a library file.
pub fn library_file(path: &str) -> Option<&'static str> {
    LIBRARY.iter().find(|(name, _)| *name == path).map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_bare_names_of_the_library_are_found() {
        assert!(library_file("random.fs").is_some_and(|t| t.contains(": RANDOM")));
        assert!(library_file("lib/random.fs").is_none());
        assert!(library_file("nosuch.fs").is_none());
    }
}
