//! Times as the bench panel shows them. The statistics themselves are
//! `compiler::stats`, the same summary the native bench reports give, so the
//! compare view sets like against like.

use crate::num::fixed;

/// Nanoseconds as a short human reading: `812 ns`, `3.41 µs`, `12.0 ms`, `1.52 s`.
pub fn human_ns(ns: f64) -> String {
    let (v, unit) = if ns < 1e3 {
        (ns, "ns")
    } else if ns < 1e6 {
        (ns / 1e3, "µs")
    } else if ns < 1e9 {
        (ns / 1e6, "ms")
    } else {
        (ns / 1e9, "s")
    };
    let digits = match v {
        _ if unit == "ns" => 0,
        v if v < 10.0 => 2,
        v if v < 100.0 => 1,
        _ => 0,
    };
    format!("{} {unit}", fixed(v, digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_readings() {
        assert_eq!(human_ns(812.0), "812 ns");
        assert_eq!(human_ns(3_410.0), "3.41 µs");
        assert_eq!(human_ns(12_000_000.0), "12.0 ms");
        assert_eq!(human_ns(1_520_000_000.0), "1.52 s");
    }
}
