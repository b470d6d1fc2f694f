//! Number conversion for the text interpreter and `>NUMBER`.
//!
//! Accepts what gforth accepts: an optional base prefix (`#` decimal, `$`
//! hex, `%` binary, `&` decimal), an optional `-`, digits in the base with
//! letters in either case, and a trailing `.` for a double-cell number; or a
//! character literal `'c'`. Values wrap modulo 2^32 (2^64 for doubles), as
//! gforth's do.

/// A converted literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Number {
    /// One cell.
    Single(i32),
    /// Two cells.
    Double(i64),
}

/// The value of `c` as a digit in `base`, if it is one.
pub fn digit(c: u8, base: u32) -> Option<u32> {
    let v = match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => return None,
    };
    (v < base).then_some(v)
}

/// Converts a token, or returns `None` if it is not a number in `base`.
pub fn parse(tok: &[u8], base: u32) -> Option<Number> {
    if let [b'\'', c, rest @ ..] = tok {
        // 'c' (and gforth's 'c without the closing quote).
        if rest.is_empty() || rest == b"'" {
            return Some(Number::Single(i32::from(*c)));
        }
    }
    let (base, rest) = match tok.first() {
        Some(b'#') | Some(b'&') => (10, &tok[1..]),
        Some(b'$') => (16, &tok[1..]),
        Some(b'%') => (2, &tok[1..]),
        _ => (base, tok),
    };
    if !(2..=36).contains(&base) {
        return None;
    }
    let (neg, rest) = match rest.first() {
        Some(b'-') => (true, &rest[1..]),
        _ => (false, rest),
    };
    let (double, digits) = match rest.last() {
        Some(b'.') => (true, &rest[..rest.len() - 1]),
        _ => (false, rest),
    };
    if digits.is_empty() {
        return None;
    }
    let mut acc: u64 = 0;
    for &c in digits {
        acc = acc.wrapping_mul(u64::from(base)).wrapping_add(u64::from(digit(c, base)?));
    }
    let v = if neg { acc.wrapping_neg() } else { acc } as i64;
    Some(if double { Number::Double(v) } else { Number::Single(v as i32) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_hex_binary_and_prefixes() {
        assert_eq!(parse(b"42", 10), Some(Number::Single(42)));
        assert_eq!(parse(b"-42", 10), Some(Number::Single(-42)));
        assert_eq!(parse(b"ff", 16), Some(Number::Single(255)));
        assert_eq!(parse(b"$FF", 10), Some(Number::Single(255)));
        assert_eq!(parse(b"#10", 16), Some(Number::Single(10)));
        assert_eq!(parse(b"%101", 10), Some(Number::Single(5)));
        assert_eq!(parse(b"$-1", 10), Some(Number::Single(-1)));
    }

    #[test]
    fn characters_and_doubles() {
        assert_eq!(parse(b"'a'", 10), Some(Number::Single(97)));
        assert_eq!(parse(b"12.", 10), Some(Number::Double(12)));
        assert_eq!(parse(b"-1.", 10), Some(Number::Double(-1)));
    }

    #[test]
    fn non_numbers_are_rejected() {
        for tok in [&b"abc"[..], b"-", b"$", b"1x", b"12a", b".", b"'"] {
            assert_eq!(parse(tok, 10), None, "{}", String::from_utf8_lossy(tok));
        }
    }

    #[test]
    fn values_wrap_to_32_bits() {
        assert_eq!(parse(b"4294967295", 10), Some(Number::Single(-1)));
        assert_eq!(parse(b"4294967296", 10), Some(Number::Single(0)));
    }
}
