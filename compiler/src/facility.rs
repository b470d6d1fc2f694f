//! The FACILITY word set's host words that need the outside world: `MS`,
//! `TIME&DATE` and `KEY?`. They reach it through [`Machine`], so each host
//! decides how to wait, what time it is and whether input is waiting.
//! (Structures, `AT-XY`, `PAGE` and the `EKEY` words are in the prelude.)
//!
//! Guarantee: a clock before 1970 or after 9999 is clamped, never a panic.

use crate::interpreter::Forth;
use crate::machine::{Fault, Machine};

/// The UTC calendar date and time of `secs` seconds after 1970-01-01:
/// `(second, minute, hour, day, month, year)`, the order of `TIME&DATE`.
/// Uses Howard Hinnant's `civil_from_days` algorithm.
pub fn civil_time(secs: i64) -> [i32; 6] {
    let secs = secs.clamp(0, 253_402_300_799);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    [(rem % 60) as i32, (rem / 60 % 60) as i32, (rem / 3600) as i32, day as i32, month as i32, year as i32]
}

impl Forth {
    /// `MS`.
    pub(crate) fn ms_word(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let u = self.pop(m)?;
        m.sleep_ms(u as u32)
    }

    /// `TIME&DATE`.
    pub(crate) fn time_and_date_word(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let secs = (m.wall_clock_ms() / 1000.0).floor() as i64;
        for v in civil_time(secs) {
            self.push(m, v)?;
        }
        Ok(())
    }

    /// `KEY?`.
    pub(crate) fn key_question_word(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let ready = m.key_ready();
        self.push(m, if ready { -1 } else { 0 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_time_of_known_instants() {
        assert_eq!(civil_time(0), [0, 0, 0, 1, 1, 1970]);
        // 2000-02-29 12:34:56 UTC, a leap day.
        assert_eq!(civil_time(951_827_696), [56, 34, 12, 29, 2, 2000]);
        // 2026-11-26 00:00:00 UTC.
        assert_eq!(civil_time(1_795_651_200), [0, 0, 0, 26, 11, 2026]);
        assert_eq!(civil_time(-5)[5], 1970);
    }
}
