//! Confirmation re-runs: a regression verdict stands only when fresh runs
//! of the same code agree with it.
//!
//! On a shared machine a single run of unchanged code lands beyond the
//! test's bound now and then (2 in 50 on this project's loaded 2-core VM,
//! `benchmarks/README.md`, "Regression verdicts"), because the machine's
//! load changes from minute to minute in ways the speed probe does not
//! fully take out. A real slowdown shows in every run; a false alarm is a
//! bad moment, and a fresh run a moment later rarely has one too.
//!
//! The rule, with `n` confirmations allowed (`bench --confirm N`): a first
//! run that is no regression passes at once. A first run that is one is
//! followed by fresh runs, each judged against the same earlier runs, and
//! the regression stands when more than half of all `1 + n` runs show one
//! (the first among them): when `need(n)` = ⌈n / 2⌉ of the
//! confirmations do. The runs stop as soon as the outcome is decided, so
//! a regression that every run shows costs ⌈n / 2⌉ extra runs, and code
//! that passes costs none. With `n = 1` both runs must agree; with the
//! default `n = 2`, two of three. If a run's false alarm had probability
//! `p` and a real slowdown's detection `d`, independently, `n = 1` makes
//! them `p²` and `d²`, `n = 2` about `2p²` and `d²(3 - 2d)`: for `p = 4%`,
//! `d = 98%`, 0.3% and 99.9%.
//!
//! Guarantees: [`decide`] takes at most `n` confirmations, never one after
//! the outcome is decided, and none when the first run is no regression;
//! with `n = 0` the first verdict is the outcome.

/// How many of `n` confirmations must show the regression as well:
/// ⌈n / 2⌉ (with the first run, more than half of all runs).
pub fn need(n: u32) -> u32 {
    n - n / 2
}

/// The outcome for a first run whose verdict was `first`, taking up to `n`
/// confirmations from `next` (each the verdict of one fresh run, `true`
/// for a regression, with whatever it returns beside). Returns whether the
/// regression stands and what each confirmation returned, in order.
pub fn decide<T, E>(first: bool, n: u32, mut next: impl FnMut() -> Result<(bool, T), E>) -> Result<(bool, Vec<T>), E> {
    let mut taken = Vec::new();
    if !first {
        return Ok((false, taken));
    }
    let need = need(n);
    let mut agree = 0;
    for left in (0..n).rev() {
        if agree >= need || agree + left + 1 < need {
            break;
        }
        let (regressed, it) = next()?;
        agree += regressed as u32;
        taken.push(it);
    }
    Ok((agree >= need, taken))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outcome and how many confirmations were taken, from a script of
    /// confirmation verdicts.
    fn run(first: bool, n: u32, script: &[bool]) -> (bool, usize) {
        let mut it = script.iter();
        let res: Result<_, ()> = decide(first, n, || Ok((*it.next().expect("asked for one run too many"), ())));
        let (stands, taken) = res.unwrap();
        (stands, taken.len())
    }

    #[test]
    fn a_pass_is_never_rerun() {
        assert_eq!(run(false, 2, &[]), (false, 0));
        assert_eq!(run(false, 0, &[]), (false, 0));
    }

    #[test]
    fn without_confirmations_the_first_verdict_stands() {
        assert_eq!(run(true, 0, &[]), (true, 0));
    }

    #[test]
    fn one_confirmation_must_agree() {
        assert_eq!(run(true, 1, &[true]), (true, 1));
        assert_eq!(run(true, 1, &[false]), (false, 1));
    }

    #[test]
    fn two_of_three_stop_as_soon_as_decided() {
        assert_eq!(run(true, 2, &[true]), (true, 1));
        assert_eq!(run(true, 2, &[false, true]), (true, 2));
        assert_eq!(run(true, 2, &[false, false]), (false, 2));
        // Three of four: two of three confirmations.
        assert_eq!(run(true, 3, &[false, false]), (false, 2));
        assert_eq!(run(true, 3, &[true, false, true]), (true, 3));
        assert_eq!(run(true, 3, &[true, true]), (true, 2));
        assert_eq!((need(0), need(1), need(2), need(3), need(4)), (0, 1, 1, 2, 2));
    }

    #[test]
    fn a_failed_run_ends_the_confirmation() {
        let mut calls = 0;
        let res: Result<(bool, Vec<()>), &str> = decide(true, 2, || {
            calls += 1;
            Err("the program failed")
        });
        assert_eq!((res, calls), (Err("the program failed"), 1));
    }
}
