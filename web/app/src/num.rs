//! Numbers as text with a fixed number of decimals, made from integers: the
//! page formats no float through `core::fmt` (its `{:.1}` and `Display`
//! for `f64` bring about 12 KB of float-printing code into the page's wasm).
//! SVG coordinates, times and percentages all go through [`fixed`].
//!
//! Guarantee: for finite values below 10^15 the text is what `{:.N}`
//! prints, except that a value exactly halfway between two readings rounds
//! away from zero (`{:.N}` rounds it to even) and minus zero has no sign.

/// `v` with `digits` decimals (at most 9); `NaN`, `inf` and `-inf` as Rust
/// prints them.
pub fn fixed(v: f64, digits: u32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.into();
    }
    let scale = 10u64.pow(digits.min(9));
    // Integers are exact in an f64 below 2^53; beyond that a reading to the
    // unit is all there is to print.
    let (int, frac) = if v.abs() * scale as f64 >= 9.0e15 {
        (v.abs().round() as u64, 0)
    } else {
        let n = (v.abs() * scale as f64).round() as u64;
        (n / scale, n % scale)
    };
    let sign = if v < 0.0 && (int, frac) != (0, 0) { "-" } else { "" };
    if digits == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = digits.min(9) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn as_format_prints_them() {
        for (v, d) in
            [(0.0, 1), (4.56789, 2), (12.0, 1), (99.95, 0), (1e6 / 3.0, 3), (-2.5e-3, 4), (560.0, 1), (0.04, 1)]
        {
            assert_eq!(fixed(v, d), format!("{v:.*}", d as usize), "{v} to {d}");
        }
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(1e300, 1), format!("{}.0", u64::MAX));
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(fixed(f64::NEG_INFINITY, 0), "-inf");
    }
}
