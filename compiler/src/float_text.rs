//! Floating-point numbers as text: `>FLOAT`, float literals, `REPRESENT`,
//! and the displays `F.`, `FE.` and `FS.`.
//!
//! Input follows Forth 2012: `>FLOAT` accepts `[sign] (digits [. digits0] |
//! . digits) [exponent]` where the exponent is `E`, `e`, `D` or `d` with an
//! optional sign and optional digits, or a sign and digits alone; a string of
//! blanks is zero. The text interpreter takes a token as a float literal when
//! it contains `E` or `e` and `>FLOAT` accepts it (what gforth does). Values
//! are correctly rounded.
//!
//! Output matches gforth 0.7.3 byte for byte: `REPRESENT` produces the digits
//! that glibc's `ecvt` gives gforth (the value is first scaled into [1, 10)
//! by repeated multiplication by ten, then rounded to at most 17 digits,
//! ties to even), and `F.`, `FE.` and `FS.` lay those digits out as
//! gforth's `float.fs` does, including its treatment of infinities and NaNs
//! (the first three characters of `inf`, `-inf`, `nan` or `-nan`, and no
//! trailing space); `F.S` uses gforth's `f.rdp` layout (16 columns).

use crate::number::format_signed;

/// Converts a string by the rules of `>FLOAT`.
pub fn to_float(s: &[u8]) -> Option<f64> {
    if s.iter().all(|&c| c == b' ') {
        return Some(0.0);
    }
    let mut i = 0;
    let mut text = String::new();
    if let Some(&c @ (b'+' | b'-')) = s.first() {
        if c == b'-' {
            text.push('-');
        }
        i += 1;
    }
    let digits = |i: &mut usize, text: &mut String| {
        let start = *i;
        while *i < s.len() && s[*i].is_ascii_digit() {
            text.push(s[*i] as char);
            *i += 1;
        }
        *i - start
    };
    let mut n_digits = digits(&mut i, &mut text);
    if s.get(i) == Some(&b'.') {
        i += 1;
        text.push('.');
        n_digits += digits(&mut i, &mut text);
    }
    if n_digits == 0 {
        return None;
    }
    let mut exp = String::new();
    if i < s.len() {
        if matches!(s[i], b'E' | b'e' | b'D' | b'd') {
            i += 1;
        } else if !matches!(s[i], b'+' | b'-') {
            return None;
        }
        if let Some(&c @ (b'+' | b'-')) = s.get(i) {
            exp.push(c as char);
            i += 1;
        }
        let n_exp = digits(&mut i, &mut exp);
        if i != s.len() {
            return None;
        }
        if n_exp == 0 {
            exp.clear();
        }
    }
    if !exp.is_empty() {
        text.push('e');
        // Rust's parser saturates huge exponents to infinity or zero.
        text.push_str(&exp);
    }
    text.parse().ok()
}

/// Whether the text interpreter takes `tok` as a float literal (given that
/// `BASE` is decimal and it is not a word or an integer), and its value.
pub fn literal(tok: &[u8]) -> Option<f64> {
    if !tok.iter().any(|&c| c == b'e' || c == b'E') {
        return None;
    }
    to_float(tok)
}

/// What `REPRESENT` leaves: the digit string, the exponent `n` (the decimal
/// point sits `n` digits from the left), whether the number is negative, and
/// whether it is a number at all (false for infinities and NaNs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Represented {
    /// Exactly `u` bytes: digits (padded with `0`), or the name of a
    /// non-number padded with spaces.
    pub digits: Vec<u8>,
    /// Decimal exponent.
    pub n: i32,
    /// The sign bit was set.
    pub negative: bool,
    /// The digits are valid.
    pub valid: bool,
}

/// glibc's `ecvt` digit limit for doubles.
const MAX_DIGITS: usize = 17;

/// `REPRESENT` with `u` digits.
pub fn represent(r: f64, u: usize) -> Represented {
    if !r.is_finite() {
        let mut name = if r.is_nan() { "nan" } else { "inf" }.to_string();
        if r.is_sign_negative() {
            name.insert(0, '-');
        }
        let mut digits: Vec<u8> = name.into_bytes();
        digits.resize(u, b' ');
        return Represented { digits, n: 0, negative: false, valid: false };
    }
    let (value, exponent) = if r == 0.0 { (0.0, 0) } else { scale_like_x87(r.abs()) };
    let (mut digits, decpt) = if u == 0 {
        (Vec::new(), 1)
    } else {
        let text = format!("{:.*}", u.min(MAX_DIGITS) - 1, value);
        let decpt = text.bytes().take_while(u8::is_ascii_digit).count() as i32;
        (text.into_bytes().into_iter().filter(u8::is_ascii_digit).collect::<Vec<u8>>(), decpt)
    };
    let valid = !digits.is_empty();
    digits.truncate(u);
    digits.resize(u, b'0');
    Represented { digits, n: decpt + exponent, negative: r.is_sign_negative(), valid }
}

/// Scales a positive finite `r` into [1, 10) as glibc's `ecvt` does on the
/// i386 gforth: the power of ten and the products and quotients are held
/// in the x87's 64-bit significands, and only the scaled value is rounded
/// back to a double. Returns the scaled value and the decimal exponent.
fn scale_like_x87(r: f64) -> (f64, i32) {
    let one = Ext::from_f64(1.0);
    let mut value = Ext::from_f64(r);
    let mut exponent = 0;
    let min_norm = Ext::from_f64(1.0e-307);
    if value.lt(&min_norm) {
        value = value.div(&min_norm);
        exponent -= 307;
    }
    let d = value;
    let mut f = one;
    if d.lt(&one) {
        loop {
            f = f.mul10();
            exponent -= 1;
            if !d.mul(&f).lt(&one) {
                break;
            }
        }
        value = value.mul(&f);
    } else if !d.lt(&Ext::from_f64(10.0)) {
        loop {
            f = f.mul10();
            exponent += 1;
            if d.lt(&f.mul10()) {
                break;
            }
        }
        value = value.div(&f);
    }
    (value.to_f64(), exponent)
}

/// A positive x87 extended-precision number: `m * 2^e` with the top bit of
/// `m` set. Only what `scale_like_x87` needs, rounding to nearest even.
#[derive(Clone, Copy, Debug)]
struct Ext {
    m: u64,
    e: i32,
}

impl Ext {
    fn from_f64(x: f64) -> Ext {
        let bits = x.to_bits();
        let (mant, exp) = match ((bits >> 52) & 0x7ff) as i32 {
            0 => (bits & ((1 << 52) - 1), -1074),
            be => ((bits & ((1 << 52) - 1)) | (1 << 52), be - 1075),
        };
        let lz = mant.leading_zeros() as i32;
        Ext { m: mant << lz, e: exp - lz }
    }

    /// Rounds a non-zero 128-bit significand (times `2^e`, with `sticky`
    /// set if anything non-zero was already dropped) to 64 bits.
    fn round(q: u128, e: i32, sticky: bool) -> Ext {
        let shift = 64 - q.leading_zeros() as i32;
        if shift <= 0 {
            let q = q as u64;
            let lz = q.leading_zeros() as i32;
            return Ext { m: q << lz, e: e - lz };
        }
        let kept = (q >> shift) as u64;
        let dropped = q & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        let up = dropped > half || (dropped == half && (sticky || kept & 1 == 1));
        match kept.checked_add(u64::from(up)) {
            Some(m) => Ext { m, e: e + shift },
            None => Ext { m: 1 << 63, e: e + shift + 1 },
        }
    }

    fn mul(&self, o: &Ext) -> Ext {
        Ext::round(u128::from(self.m) * u128::from(o.m), self.e + o.e, false)
    }

    fn mul10(&self) -> Ext {
        self.mul(&Ext::from_f64(10.0))
    }

    fn div(&self, o: &Ext) -> Ext {
        let n = u128::from(self.m) << 64;
        let d = u128::from(o.m);
        Ext::round(n / d, self.e - 64 - o.e, n % d != 0)
    }

    fn lt(&self, o: &Ext) -> bool {
        (self.e, self.m) < (o.e, o.m)
    }

    /// Rounds to the nearest double (the scaled values are normal).
    fn to_f64(self) -> f64 {
        let r = Ext::round(u128::from(self.m), self.e, false);
        let kept = r.m >> 11;
        let dropped = r.m & 0x7ff;
        let up = dropped > 0x400 || (dropped == 0x400 && kept & 1 == 1);
        (kept + u64::from(up)) as f64 * 2f64.powi(r.e + 11)
    }
}

/// The start shared by the displays: the sign and the digits, or the
/// whole output for a non-number.
enum Start {
    Number { out: String, digits: Vec<u8>, n: i32 },
    NotANumber(String),
}

fn start(r: f64, precision: usize) -> Start {
    let rep = represent(r, precision);
    if !rep.valid {
        let shown = &rep.digits[..rep.digits.len().min(3)];
        return Start::NotANumber(String::from_utf8_lossy(shown).into_owned());
    }
    let out = if rep.negative { "-".to_string() } else { String::new() };
    Start::Number { out, digits: rep.digits, n: rep.n }
}

fn zeros(out: &mut String, n: i32) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

fn push_digits(out: &mut String, digits: &[u8]) {
    out.push_str(&String::from_utf8_lossy(digits));
}

/// What `F.` displays.
pub fn f_dot(r: f64, precision: usize) -> String {
    let (mut out, digits, n) = match start(r, precision) {
        Start::Number { out, digits, n } => (out, digits, n),
        Start::NotANumber(s) => return s,
    };
    let p = precision as i32;
    if n <= 0 {
        out.push('0');
    } else {
        push_digits(&mut out, &digits[..n.min(p) as usize]);
        zeros(&mut out, n - p);
    }
    out.push('.');
    zeros(&mut out, -n);
    let rest = &digits[(n.max(0) as usize).min(digits.len())..];
    let keep = rest.iter().rposition(|&c| c != b'0').map_or(0, |i| i + 1);
    push_digits(&mut out, &rest[..keep]);
    out.push(' ');
    out
}

/// What `FE.` displays (the exponent in `base`, as `.` shows it).
pub fn fe_dot(r: f64, precision: usize, base: u32) -> String {
    let (mut out, digits, n) = match start(r, precision) {
        Start::Number { out, digits, n } => (out, digits, n),
        Start::NotANumber(s) => return s,
    };
    let e = (n - 1).div_euclid(3) * 3;
    let before = (n - 1).rem_euclid(3) + 1;
    let shown = before.min(precision as i32) as usize;
    push_digits(&mut out, &digits[..shown]);
    zeros(&mut out, before - shown as i32);
    out.push('.');
    push_digits(&mut out, digits.get(before as usize..).unwrap_or(&[]));
    out.push('E');
    out.push_str(&format_signed(e, base));
    out.push(' ');
    out
}

/// What `FS.` displays (the exponent in `base`, as `.` shows it).
pub fn fs_dot(r: f64, precision: usize, base: u32) -> String {
    let (mut out, digits, n) = match start(r, precision) {
        Start::Number { out, digits, n } => (out, digits, n),
        Start::NotANumber(s) => return s,
    };
    push_digits(&mut out, &digits[..digits.len().min(1)]);
    out.push('.');
    push_digits(&mut out, digits.get(1..).unwrap_or(&[]));
    out.push('E');
    out.push_str(&format_signed(n - 1, base));
    out.push(' ');
    out
}

/// Moves `buf` right by `n` places within its length (dropping what falls
/// off the end) and fills the gap with `fill`: gforth's `push-right`.
fn push_right(buf: &mut [u8], n: usize, fill: u8) {
    let n = n.min(buf.len());
    buf.copy_within(..buf.len() - n, n);
    buf[..n].fill(fill);
}

/// One attempt of gforth's `f>buf-rdp-try`: lays `r` out in `buf` with
/// `digits` significant digits; returns how many digits would fit.
fn rdp_try(r: f64, buf: &mut [u8], nd: usize, np: usize, digits: usize, base: u32) -> usize {
    let ur = buf.len();
    buf[digits.min(ur)..].fill(b'0');
    let rep = represent(r, digits);
    buf[..digits.min(ur)].copy_from_slice(&rep.digits[..digits.min(ur)]);
    let used: i64 = if !rep.valid {
        if rep.negative {
            push_right(buf, 1, b'-');
        }
        ur as i64
    } else {
        let (nexp, sign) = (i64::from(rep.n), if rep.negative { -1i64 } else { 0 });
        let beforep = ur as i64 - nd as i64 - 1;
        if nd as i64 + nexp >= np as i64 && beforep + sign >= nexp.max(0) {
            // Fixed-point notation.
            let befored = beforep - nexp;
            push_right(buf, befored.max(0) as usize, b'0');
            if befored + 1 >= ur as i64 && r.abs() * 2.0 > 0.1f64.powf(nd as f64) && befored >= 1 {
                buf[befored as usize - 1] = b'1';
            }
            let beforez = (beforep - 1).min(befored);
            buf[..beforez.max(0) as usize].fill(b' ');
            if rep.negative {
                buf[(beforez - 1).max(0) as usize] = b'-';
            }
            if (beforep as usize) < ur {
                push_right(&mut buf[beforep as usize..], 1, b'.');
            }
            nexp + nd as i64
        } else {
            // Exponential notation.
            push_right(&mut buf[1..], 1, b'.');
            if rep.negative {
                push_right(buf, 1, b'-');
            }
            let exp = format!("E{}", format_signed(rep.n - 1, base).trim_end());
            let mantlen = ur as i64 - exp.len() as i64 - 1 + sign;
            if mantlen < 0 {
                buf.fill(b'*');
            } else {
                buf[ur - exp.len()..].copy_from_slice(exp.as_bytes());
            }
            mantlen
        }
    };
    used.clamp(1, ur as i64) as usize
}

/// gforth's `f.rdp` layout of `r`: `nr` characters, `nd` digits after the
/// point in fixed-point notation, fixed-point only with at least `np`
/// significant digits, else exponential notation (or `*`s if that does not
/// fit either).
pub fn f_rdp(r: f64, nr: usize, nd: usize, np: usize, base: u32) -> String {
    let mut buf = vec![b' '; nr.max(1)];
    let digits = rdp_try(r, &mut buf, nd, np, nr.max(1), base);
    rdp_try(r, &mut buf, nd, np, digits, base);
    String::from_utf8_lossy(&buf).into_owned()
}

/// What `F.S` displays, as gforth 0.7.3: the depth, then at most the top
/// nine floats (deepest first), each in 16 columns.
pub fn f_dot_s(stack: &[f64], base: u32) -> String {
    let mut out = format!("<{}> ", stack.len());
    for &r in &stack[stack.len().saturating_sub(9)..] {
        out.push_str(&f_rdp(r, 16, 5, 11, base));
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_float_follows_the_standard_syntax() {
        for (s, v) in [
            ("", Some(0.0)),
            ("   ", Some(0.0)),
            ("1+1", Some(10.0)),
            ("1-1", Some(0.1)),
            ("9.", Some(9.0)),
            (".9", Some(0.9)),
            ("9e+", Some(9.0)),
            ("9d-", Some(9.0)),
            ("-35.0E+02", Some(-3500.0)),
            ("+.35+4", Some(3500.0)),
            ("1e400", Some(f64::INFINITY)),
        ] {
            assert_eq!(to_float(s.as_bytes()), v, "{s}");
        }
        for s in [".", "E", ".E", ".E-", "+", "-", " 9", "9 ", "1e5x", "1.5.", "1ee"] {
            assert_eq!(to_float(s.as_bytes()), None, "{s}");
        }
    }

    #[test]
    fn literals_need_an_exponent_marker() {
        assert_eq!(literal(b"1E"), Some(1.0));
        assert_eq!(literal(b"-2e-1"), Some(-0.2));
        assert_eq!(literal(b"+1.E0"), Some(1.0));
        assert_eq!(literal(b"1.5"), None);
        assert_eq!(literal(b"1d3"), None);
    }

    #[test]
    fn represent_scales_like_glibc_ecvt() {
        let r = represent(99.5, 2);
        assert_eq!((r.digits.as_slice(), r.n, r.valid), (&b"99"[..], 2, true));
        assert_eq!(represent(99.5, 17).digits, b"99499999999999993");
        assert_eq!(represent(1.0 / 3.0, 20).digits, b"33333333333333330000");
        // Scaled in extended precision, 1E100 is exactly 1 (in double
        // arithmetic it would be 9.9999999999999947).
        let big = represent(1e100, 17);
        assert_eq!((big.digits.as_slice(), big.n), (&b"10000000000000000"[..], 101));
        assert_eq!(represent(1.7976931348623157e308, 17).digits, b"17976931348623157");
        let z = represent(-0.0, 5);
        assert_eq!((z.digits.as_slice(), z.n, z.negative), (&b"00000"[..], 1, true));
        let inf = represent(f64::NEG_INFINITY, 6);
        assert_eq!((inf.digits.as_slice(), inf.n, inf.valid), (&b"-inf  "[..], 0, false));
    }

    #[test]
    fn displays_match_gforth() {
        assert_eq!(f_dot(1.0, 15), "1. ");
        assert_eq!(f_dot(-0.2, 15), "-0.2 ");
        assert_eq!(f_dot(1e-10, 15), "0.0000000001 ");
        assert_eq!(f_dot(123456789012345678.0, 15), "123456789012346000. ");
        assert_eq!(f_dot(f64::INFINITY, 15), "inf");
        assert_eq!(f_dot(9.99, 2), "10. ");
        assert_eq!(fe_dot(-0.2, 15, 10), "-200.000000000000E-3 ");
        assert_eq!(fe_dot(12345.0, 15, 10), "12.3450000000000E3 ");
        assert_eq!(fs_dot(1e-10, 15, 10), "1.00000000000000E-10 ");
        assert_eq!(fs_dot(5e-324, 8, 10), "4.9406565E-324 ");
    }

    #[test]
    fn f_dot_s_lays_out_like_gforth() {
        assert_eq!(f_rdp(123456.789, 16, 5, 11, 10), "    123456.78900");
        assert_eq!(f_rdp(1.0, 16, 5, 11, 10), "1.000000000000E0");
        assert_eq!(f_rdp(-1.5e-100, 16, 5, 11, 10), "-1.50000000E-100");
        assert_eq!(f_rdp(f64::NEG_INFINITY, 16, 5, 11, 10), "-inf            ");
        assert_eq!(f_dot_s(&[1.0, 2.5], 10), "<2> 1.000000000000E0 2.500000000000E0 ");
    }
}
