//! The XCHAR word set: extended characters, encoded as UTF-8.
//!
//! An xchar is a Unicode code point; in memory it is its UTF-8 encoding (1
//! to 4 bytes). The words that step through strings (`XCHAR+`, `XCHAR-`,
//! `X-SIZE`, `+X/STRING`, `X\STRING-`) read only lead and continuation bytes,
//! so they step over malformed sequences without failing; `XC@+` decodes a
//! malformed or truncated sequence as its first byte. Storing an xchar that
//! UTF-8 cannot encode (negative, a surrogate, or above U+10FFFF) is THROW
//! -77. Display widths (`X-WIDTH`, `XC-WIDTH`) come from the `unicode-width`
//! crate (East Asian wide characters count 2, combining marks 0).

use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::machine::{Fault, Machine, MachineExt};
use runtime::{addr, throw};

/// The number of bytes a sequence with this lead byte has (1 for a stray
/// continuation byte or an invalid lead, so stepping always advances).
pub fn size_of_lead(b: u8) -> u32 {
    match b {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}

/// Whether `b` continues a multi-byte sequence.
pub fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

/// The UTF-8 encoding of `xc`, if it has one.
pub fn encode(xc: i32) -> Option<Vec<u8>> {
    let c = char::from_u32(u32::try_from(xc).ok()?)?;
    let mut buf = [0u8; 4];
    Some(c.encode_utf8(&mut buf).as_bytes().to_vec())
}

/// Decodes the xchar at the start of `bytes`: its code point and length. A
/// malformed or truncated sequence decodes as its first byte, length 1.
pub fn decode(bytes: &[u8]) -> (i32, u32) {
    let Some(&lead) = bytes.first() else {
        return (0, 0);
    };
    let n = size_of_lead(lead) as usize;
    if n > 1 && bytes.len() >= n {
        if let Ok(s) = std::str::from_utf8(&bytes[..n]) {
            if let Some(c) = s.chars().next() {
                return (c as i32, n as u32);
            }
        }
    }
    (i32::from(lead), 1)
}

/// The length of `bytes` without a last xchar that is incomplete.
pub fn without_trailing_garbage(bytes: &[u8]) -> usize {
    let mut start = bytes.len();
    while start > 0 && bytes.len() - start < 4 {
        start -= 1;
        if !is_continuation(bytes[start]) {
            let need = size_of_lead(bytes[start]) as usize;
            return if bytes.len() - start < need || decode(&bytes[start..]).1 as usize != need {
                start
            } else {
                bytes.len()
            };
        }
    }
    bytes.len()
}

/// The start of the last xchar of `bytes` (which is not empty).
fn last_start(bytes: &[u8]) -> usize {
    let mut i = bytes.len() - 1;
    while i > 0 && bytes.len() - i < 4 && is_continuation(bytes[i]) {
        i -= 1;
    }
    i
}

/// Display columns of an xchar: 0 for controls and combining marks, 2 for
/// wide characters.
pub fn width(xc: i32) -> i32 {
    u32::try_from(xc)
        .ok()
        .and_then(char::from_u32)
        .and_then(unicode_width::UnicodeWidthChar::width)
        .map_or(0, |w| w as i32)
}

impl Forth {
    fn encode_or_throw(&mut self, xc: i32) -> Result<Vec<u8>, Fault> {
        match encode(xc) {
            Some(b) => Ok(b),
            None => Err(self.fail(throw::MALFORMED_XCHAR, format!("{xc} is not a Unicode code point"))),
        }
    }

    pub(crate) fn pop_text(&mut self, m: &mut dyn Machine) -> Result<(u32, Vec<u8>), Fault> {
        let u = self.pop(m)?;
        let a = self.pop(m)? as u32;
        Ok((a, m.read_vec(a, u.max(0) as u32)?))
    }

    fn push_string(&mut self, m: &mut dyn Machine, a: u32, u: usize) -> Result<(), Fault> {
        self.push(m, a as i32)?;
        self.push(m, u as i32)
    }

    /// Runs one XCHAR host word.
    pub(crate) fn run_xchar(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            XCSize => {
                let xc = self.pop(m)?;
                let n = encode(xc).map_or(1, |b| b.len());
                self.push(m, n as i32)
            }
            XSize => {
                let (_, s) = self.pop_text(m)?;
                let n = s.first().map_or(0, |&b| size_of_lead(b).min(s.len() as u32));
                self.push(m, n as i32)
            }
            XCFetchPlus => {
                let a = self.pop(m)? as u32;
                let bytes = m.read_vec(a, 4).or_else(|_| m.read_vec(a, 1))?;
                let (xc, n) = decode(&bytes);
                self.push(m, a.wrapping_add(n) as i32)?;
                self.push(m, xc)
            }
            XCStorePlus => {
                let a = self.pop(m)? as u32;
                let xc = self.pop(m)?;
                let b = self.encode_or_throw(xc)?;
                m.write(a, &b)?;
                self.push(m, a.wrapping_add(b.len() as u32) as i32)
            }
            XCStorePlusQ => {
                let u = self.pop(m)?;
                let a = self.pop(m)? as u32;
                let xc = self.pop(m)?;
                let b = self.encode_or_throw(xc)?;
                let fits = b.len() as i64 <= i64::from(u);
                if fits {
                    m.write(a, &b)?;
                }
                let n = if fits { b.len() as u32 } else { 0 };
                self.push(m, a.wrapping_add(n) as i32)?;
                self.push(m, u.wrapping_sub(n as i32))?;
                self.push(m, if fits { -1 } else { 0 })
            }
            XCComma => {
                let xc = self.pop(m)?;
                let b = self.encode_or_throw(xc)?;
                self.allot_bytes(m, &b).map(|_| ())
            }
            XCharPlus => {
                let a = self.pop(m)? as u32;
                let lead = m.read_byte(a)?;
                self.push(m, a.wrapping_add(size_of_lead(lead)) as i32)
            }
            XCharMinus => {
                let a = self.pop(m)? as u32;
                let from = a.saturating_sub(4);
                let before = m.read_vec(from, a - from)?;
                let back = if before.is_empty() { 0 } else { before.len() - last_start(&before) };
                self.push(m, a.wrapping_sub(back as u32) as i32)
            }
            PlusXSlashString => {
                let (a, s) = self.pop_text(m)?;
                let n = s.first().map_or(0, |&b| (size_of_lead(b) as usize).min(s.len()));
                self.push_string(m, a.wrapping_add(n as u32), s.len() - n)
            }
            XBackslashStringMinus => {
                let (a, s) = self.pop_text(m)?;
                let n = if s.is_empty() { 0 } else { last_start(&s) };
                self.push_string(m, a, n)
            }
            TrailingGarbage => {
                let (a, s) = self.pop_text(m)?;
                self.push_string(m, a, without_trailing_garbage(&s))
            }
            XWidth => {
                let (_, s) = self.pop_text(m)?;
                let mut cols = 0;
                let mut i = 0;
                while i < s.len() {
                    let (xc, n) = decode(&s[i..]);
                    cols += width(xc);
                    i += n as usize;
                }
                self.push(m, cols)
            }
            XCWidth => {
                let xc = self.pop(m)?;
                self.push(m, width(xc))
            }
            XEmit => {
                let xc = self.pop(m)?;
                let b = self.encode_or_throw(xc)?;
                self.display(m, &b)
            }
            XKey => {
                let Some(lead) = m.key() else {
                    return self.push(m, crate::gforth_io::EOF_KEY);
                };
                let mut bytes = vec![lead];
                for _ in 1..size_of_lead(lead) {
                    match m.key() {
                        Some(b) if is_continuation(b) => bytes.push(b),
                        _ => break,
                    }
                }
                let xc = decode(&bytes).0;
                self.push(m, xc)
            }
            XKeyQuestion => {
                let ready = m.key_ready();
                self.push(m, if ready { -1 } else { 0 })
            }
            XHold => {
                let xc = self.pop(m)?;
                let b = self.encode_or_throw(xc)?;
                let hld = m.read_cell(addr::HLD)? as u32;
                let new = hld.wrapping_sub(b.len() as u32);
                if new < addr::HOLD_START || hld > addr::HOLD_END {
                    return Err(Fault::Throw(throw::PICTURED_OVERFLOW));
                }
                m.write(new, &b)?;
                m.write_cell(addr::HLD, new as i32)
            }
            EKeyToXChar => {
                let u = self.pop(m)?;
                let is_xchar = encode(u).is_some();
                self.push(m, u)?;
                self.push(m, if is_xchar { -1 } else { 0 })
            }
            _ => Err(Fault::Host(format!("internal error: {} is not an xchar word", h.name()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_and_decode_round_trip() {
        for c in [0x41, 0xe9, 0x20ac, 0x1f600] {
            let b = encode(c).unwrap();
            assert_eq!(decode(&b), (c, b.len() as u32));
        }
        assert_eq!(encode(0xd800), None);
        assert_eq!(encode(0x110000), None);
        assert_eq!(encode(-1), None);
    }

    #[test]
    fn malformed_sequences_decode_as_one_byte() {
        assert_eq!(decode(&[0xe2, 0x82]), (0xe2, 1));
        assert_eq!(decode(&[0x80, 0x41]), (0x80, 1));
        assert_eq!(decode(&[0xc3, 0x41]), (0xc3, 1));
    }

    #[test]
    fn trailing_garbage_is_an_incomplete_last_xchar() {
        assert_eq!(without_trailing_garbage("a€".as_bytes()), 4);
        assert_eq!(without_trailing_garbage(&"a€".as_bytes()[..3]), 1);
        assert_eq!(without_trailing_garbage(b"ab"), 2);
        assert_eq!(without_trailing_garbage(b""), 0);
    }

    #[test]
    fn last_xchar_starts_at_its_lead_byte() {
        assert_eq!(last_start("a€".as_bytes()), 1);
        assert_eq!(last_start(b"ab"), 1);
        assert_eq!(last_start("😀".as_bytes()), 0);
    }

    #[test]
    fn widths_follow_unicode() {
        assert_eq!(width('a' as i32), 1);
        assert_eq!(width('中' as i32), 2);
        assert_eq!(width(0x301), 0);
    }
}
