//! The STRING word set's host words: `COMPARE`, `SEARCH`, `REPLACES`,
//! `SUBSTITUTE` and `UNESCAPE`.
//!
//! The algorithms are pure functions on byte slices (tested here); the host
//! words read their arguments from the machine, call them, and write the
//! results back. `SUBSTITUTE` reads its whole input before writing, so the
//! source and destination may overlap.
//!
//! Substitution names (`REPLACES`) are kept by the host, compared without
//! regard to case like dictionary names, and are not part of a linked image.
//!
//! Guarantee: bad addresses give THROW -9 and a result that does not fit
//! gives `SUBSTITUTE`'s ior (-78); nothing panics.

use crate::interpreter::Forth;
use crate::machine::{Fault, Machine};

/// `COMPARE`: -1, 0 or 1 as `a` sorts before, equal to or after `b`.
pub fn compare(a: &[u8], b: &[u8]) -> i32 {
    match a.cmp(b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

/// `SEARCH`: the offset of the first occurrence of `needle` in `hay`.
pub fn search(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `UNESCAPE`: every `%` doubled.
pub fn unescape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        out.push(c);
        if c == b'%' {
            out.push(b'%');
        }
    }
    out
}

/// `SUBSTITUTE`: `%%` becomes `%`, and `%name%` the text `lookup` gives for
/// `name`; an unknown name, and a `%` without a closing one, stay as they
/// are. Returns the text and the number of substitutions made.
pub fn substitute(s: &[u8], lookup: impl Fn(&[u8]) -> Option<Vec<u8>>) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(s.len());
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        if s[i] != b'%' {
            out.push(s[i]);
            i += 1;
            continue;
        }
        if s.get(i + 1) == Some(&b'%') {
            out.push(b'%');
            i += 2;
            continue;
        }
        let Some(len) = s[i + 1..].iter().position(|&c| c == b'%') else {
            out.extend_from_slice(&s[i..]);
            break;
        };
        let name = &s[i + 1..i + 1 + len];
        match lookup(name) {
            Some(text) => {
                out.extend_from_slice(&text);
                n += 1;
                i += len + 2;
            }
            None => {
                // The closing % may open the next name.
                out.push(b'%');
                out.extend_from_slice(name);
                i += len + 1;
            }
        }
    }
    (out, n)
}

impl Forth {
    /// `COMPARE`.
    pub(crate) fn compare_word(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let (_, b) = self.pop_text(m)?;
        let (_, a) = self.pop_text(m)?;
        self.push(m, compare(&a, &b))
    }

    /// `SEARCH`.
    pub(crate) fn search_word(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let (_, needle) = self.pop_text(m)?;
        let (a, hay) = self.pop_text(m)?;
        let (at, found) = match search(&hay, &needle) {
            Some(i) => (i, -1),
            None => (0, 0),
        };
        self.push(m, (a + at as u32) as i32)?;
        self.push(m, (hay.len() - at) as i32)?;
        self.push(m, found)
    }

    /// `REPLACES`.
    pub(crate) fn replaces_word(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let (_, name) = self.pop_text(m)?;
        let (_, text) = self.pop_text(m)?;
        self.substitutions.insert(name.to_ascii_uppercase(), text);
        Ok(())
    }

    /// `SUBSTITUTE`.
    pub(crate) fn substitute_word(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let room = self.pop(m)?;
        let dest = self.pop(m)? as u32;
        let (_, src) = self.pop_text(m)?;
        let (out, n) = substitute(&src, |name| self.substitutions.get(&name.to_ascii_uppercase()).cloned());
        self.push(m, dest as i32)?;
        if room < 0 || out.len() > room as usize {
            self.push(m, 0)?;
            return self.push(m, runtime::throw::SUBSTITUTE);
        }
        m.write(dest, &out)?;
        self.push(m, out.len() as i32)?;
        self.push(m, n as i32)
    }

    /// `UNESCAPE`.
    pub(crate) fn unescape_word(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let dest = self.pop(m)? as u32;
        let (_, src) = self.pop_text(m)?;
        let out = unescape(&src);
        m.write(dest, &out)?;
        self.push(m, dest as i32)?;
        self.push(m, out.len() as i32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(s: &str) -> (String, usize) {
        let (out, n) = substitute(s.as_bytes(), |name| match name {
            b"mac1" => Some(b"wxyz".to_vec()),
            b"mac2" => Some(b"12".to_vec()),
            b"mac3" => Some(b"%%".to_vec()),
            _ => None,
        });
        (String::from_utf8(out).unwrap(), n)
    }

    #[test]
    fn substitute_follows_the_standard() {
        assert_eq!(sub("abc%mac1%d"), ("abcwxyzd".into(), 1));
        assert_eq!(sub("%%%%%%%"), ("%%%%".into(), 0));
        assert_eq!(sub("abc%%mac1%%%mac2%"), ("abc%mac1%12".into(), 1));
        assert_eq!(sub("abc%mac1%de%mac3%g%mac2%%%%mac1%hij"), ("abcwxyzde%%g12%wxyzhij".into(), 4));
        assert_eq!(sub("%mac2%%mac5%"), ("12%mac5%".into(), 1));
        assert_eq!(sub("abc%mac1%d%%e%mac2%%mac3"), ("abcwxyzd%e12%mac3".into(), 2));
        assert_eq!(sub("abc%"), ("abc%".into(), 0));
    }

    #[test]
    fn unescape_then_substitute_is_the_identity() {
        let s = b"%mac1% 100%% %";
        let (out, n) = substitute(&unescape(s), |_| Some(b"X".to_vec()));
        assert_eq!((out.as_slice(), n), (&s[..], 0));
    }

    #[test]
    fn compare_and_search() {
        assert_eq!(compare(b"abc", b"abd"), -1);
        assert_eq!(compare(b"abc", b"ab"), 1);
        assert_eq!(compare(b"", b""), 0);
        assert_eq!(search(b"hello world", b"o w"), Some(4));
        assert_eq!(search(b"hello", b""), Some(0));
        assert_eq!(search(b"hi", b"hello"), None);
    }
}
