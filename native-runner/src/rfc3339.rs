//! RFC 3339 timestamps in UTC (`2026-11-26T00:30:05Z`), from the system clock.
//!
//! The civil date comes from Howard Hinnant's `civil_from_days` algorithm,
//! exact for every day since 1970.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current time, to the second.
pub fn now() -> String {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    format_unix(secs)
}

/// Seconds since the Unix epoch as RFC 3339 UTC.
pub fn format_unix(secs: u64) -> String {
    let [sec, min, hour, day, month, year] = compiler::civil_time(i64::try_from(secs).unwrap_or(i64::MAX));
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{min:02}:{sec:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(format_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_unix(1_795_653_005), "2026-11-26T00:30:05Z");
    }
}
