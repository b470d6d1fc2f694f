//! Times as the bench panel shows them. The statistics themselves are
//! `compiler::stats`, the same summary the native bench reports give, so the
//! compare view sets like against like.

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
    if unit == "ns" {
        format!("{v:.0} {unit}")
    } else if v < 10.0 {
        format!("{v:.2} {unit}")
    } else if v < 100.0 {
        format!("{v:.1} {unit}")
    } else {
        format!("{v:.0} {unit}")
    }
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
