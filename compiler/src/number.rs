//! Number conversion for the text interpreter and `>NUMBER`, and the
//! formatting of a cell as `.` prints it.
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
///
/// As gforth's `S>NUMBER?`: an optional `-`, then a character literal, or
/// a base prefix (`0x` or `0X` while the base is below 34, then `#`, `$`,
/// `%` or `&`), another optional `-`, and digits. A `.` after a digit makes
/// the number a double (`1.`, `1.5`, `1.2.3`); two `-` cancel out.
pub fn parse(tok: &[u8], base: u32) -> Option<Number> {
    let (neg_outer, tok) = strip_minus(tok);
    if let [b'\'', c, rest @ ..] = tok {
        // 'c' (and gforth's 'c without the closing quote).
        if rest.is_empty() || rest == b"'" {
            let c = i32::from(*c);
            return Some(Number::Single(if neg_outer { c.wrapping_neg() } else { c }));
        }
    }
    let (base, rest) = match tok {
        [b'0', b'x' | b'X', rest @ ..] if base < 34 => (16, rest),
        _ => (base, tok),
    };
    let (base, rest) = match rest.first() {
        Some(b'#') | Some(b'&') => (10, &rest[1..]),
        Some(b'$') => (16, &rest[1..]),
        Some(b'%') => (2, &rest[1..]),
        _ => (base, rest),
    };
    if !(2..=36).contains(&base) {
        return None;
    }
    let (neg_inner, digits) = strip_minus(rest);
    if digits.is_empty() {
        return None;
    }
    let (mut acc, mut double, mut digit_before) = (0u64, false, false);
    for &c in digits {
        if c == b'.' {
            // A dot needs a digit since the start or the last dot.
            if !digit_before {
                return None;
            }
            double = true;
            digit_before = false;
        } else {
            acc = acc.wrapping_mul(u64::from(base)).wrapping_add(u64::from(digit(c, base)?));
            digit_before = true;
        }
    }
    let v = if neg_outer != neg_inner { acc.wrapping_neg() } else { acc } as i64;
    Some(if double { Number::Double(v) } else { Number::Single(v as i32) })
}

fn strip_minus(tok: &[u8]) -> (bool, &[u8]) {
    match tok {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, tok),
    }
}

/// Formats a cell as `.` does: signed, in `base`, digits above 9 in upper case.
pub fn format_signed(v: i32, base: u32) -> String {
    let base = if (2..=36).contains(&base) { base } else { 10 };
    let mut n = i64::from(v).unsigned_abs();
    let mut digits = Vec::new();
    loop {
        let d = (n % u64::from(base)) as u8;
        digits.push(if d < 10 { b'0' + d } else { b'A' + d - 10 });
        n /= u64::from(base);
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        digits.push(b'-');
    }
    digits.reverse();
    String::from_utf8(digits).expect("ASCII digits")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format_like_dot() {
        assert_eq!(format_signed(-255, 16), "-FF");
        assert_eq!(format_signed(i32::MIN, 10), "-2147483648");
        assert_eq!(format_signed(0, 2), "0");
    }

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
        // gforth: a dot anywhere after a digit makes a double.
        assert_eq!(parse(b"1.5", 10), Some(Number::Double(15)));
        assert_eq!(parse(b"1.2.3", 10), Some(Number::Double(123)));
        assert_eq!(parse(b"-'a'", 10), Some(Number::Single(-97)));
    }

    #[test]
    fn gforth_prefixes_and_signs() {
        assert_eq!(parse(b"0x1F", 10), Some(Number::Single(31)));
        assert_eq!(parse(b"0X10", 10), Some(Number::Single(16)));
        assert_eq!(parse(b"-$10", 10), Some(Number::Single(-16)));
        assert_eq!(parse(b"--5", 10), Some(Number::Single(5)));
        assert_eq!(parse(b"-#5", 10), Some(Number::Single(-5)));
        // In base 36, 0x is a number, not a prefix.
        assert_eq!(parse(b"0x", 36), Some(Number::Single(33)));
    }

    #[test]
    fn non_numbers_are_rejected() {
        for tok in [&b"abc"[..], b"-", b"$", b"1x", b"12a", b".", b"'", b".5", b"1..2", b"0x", b"-.", b"--"] {
            assert_eq!(parse(tok, 10), None, "{}", String::from_utf8_lossy(tok));
        }
    }

    #[test]
    fn values_wrap_to_32_bits() {
        assert_eq!(parse(b"4294967295", 10), Some(Number::Single(-1)));
        assert_eq!(parse(b"4294967296", 10), Some(Number::Single(0)));
    }
}
