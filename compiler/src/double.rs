//! The DOUBLE word set's host words: `M*/` (which needs a triple-cell
//! product) and `2VALUE` (a defining word). The arithmetic words of the set
//! are primitives (`emit/prim.rs`); the rest is in the prelude.
//!
//! Guarantee: a zero divisor is THROW -10 and a quotient outside a double is
//! THROW -11, never a panic or a wrapped result.

use crate::dictionary::Kind;
use crate::interpreter::Forth;
use crate::machine::{Fault, Machine};
use crate::primitives::Prim;
use runtime::{throw, CodeField};

/// `M*/`: `d * n / div` with a 96-bit intermediate, floored; `None` if `div`
/// is zero or the quotient does not fit a double.
pub fn m_star_slash(d: i64, n: i32, div: i32) -> Option<i64> {
    if div == 0 {
        return None;
    }
    let t = i128::from(d) * i128::from(n);
    let q = t.div_euclid(i128::from(div));
    // div_euclid rounds towards negative infinity only for positive divisors.
    let q = if div < 0 && t.rem_euclid(i128::from(div)) != 0 { q + 1 } else { q };
    i64::try_from(q).ok()
}

/// A double from its two cells.
pub fn join(lo: i32, hi: i32) -> i64 {
    (i64::from(hi) << 32) | i64::from(lo as u32)
}

impl Forth {
    /// `M*/`.
    pub(crate) fn m_star_slash_word(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let div = self.pop(m)?;
        let n = self.pop(m)?;
        let hi = self.pop(m)?;
        let lo = self.pop(m)?;
        match m_star_slash(join(lo, hi), n, div) {
            Some(q) => {
                self.push(m, q as i32)?;
                self.push(m, (q >> 32) as i32)
            }
            None if div == 0 => Err(Fault::Throw(throw::DIVISION_BY_ZERO)),
            None => Err(Fault::Throw(throw::OUT_OF_RANGE)),
        }
    }

    /// `2VALUE`: a word whose body holds two cells; executing it is `2@` of
    /// its body (a `DOES>` word whose code is the primitive `2@`).
    pub(crate) fn two_value_word(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let x2 = self.pop(m)?;
        let x1 = self.pop(m)?;
        let body = self.define_with_body(m, CodeField::Does, |body| Kind::TwoValue { body })?;
        let xt = self.dict.get(self.latest.expect("just defined")).xt;
        self.set_xt_info(m, xt, body, Some(crate::kernel::prim_xt(Prim::TwoFetch)))?;
        let mut cells = x2.to_le_bytes().to_vec();
        cells.extend_from_slice(&x1.to_le_bytes());
        self.allot_bytes(m, &cells).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn m_star_slash_is_floored_and_checked() {
        assert_eq!(m_star_slash(10, 3, 4), Some(7));
        assert_eq!(m_star_slash(-10, 3, 4), Some(-8));
        assert_eq!(m_star_slash(i64::MAX, 2, 2), Some(i64::MAX));
        assert_eq!(m_star_slash(i64::MAX, 4, 2), None);
        assert_eq!(m_star_slash(1, 1, 0), None);
        assert_eq!(join(-1, 0), 0xFFFF_FFFF);
    }
}
