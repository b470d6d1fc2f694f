//! The model's suggestion for a hot word: which class of operations
//! dominates the word's predicted time, what usually makes that class
//! cheaper in this compiler, and, when the word keeps the memory stack,
//! why (the optimizer's own remark).
//!
//! A word of the system (one the program did not define) cannot be
//! changed, so its suggestion is to call it less often.
//!
//! Guarantees: a word gets a suggestion only when it is hot (at least
//! [`HOT_SHARE`] of the predicted total) and its predicted time is not
//! zero; the text depends only on the word's counts, the model and its
//! remarks, so `native-runner predict` and the playground print the same
//! sentence for the same run.

use super::{CostModel, OpClass, WordCost, ISSUE_WIDTH, N_CLASSES};
use crate::pipeline::WordRemarks;

/// The share of the predicted total from which a word counts as hot.
pub const HOT_SHARE: f64 = 0.05;

/// The prefix of the convention remark of a word that keeps the memory
/// stack (see `remarks.rs`), followed by the reason.
const MEMORY_CONVENTION: &str = "memory calling convention: ";

/// Where a word comes from, as far as the suggestion cares.
#[derive(Clone, Copy, Debug)]
pub enum Origin<'a> {
    /// A definition of the program, with the optimizer's remarks if known.
    Program(Option<&'a WordRemarks>),
    /// A word of the system (the prelude's), which the program cannot change.
    System,
}

/// The suggestion for a word whose predicted time is `share` of the total,
/// or `None` if it is not hot.
pub fn suggestion(w: &WordCost, share: f64, model: &CostModel, origin: Origin) -> Option<String> {
    if share < HOT_SHARE {
        return None;
    }
    let costs = model.costs();
    let by_class: [f64; N_CLASSES] = std::array::from_fn(|i| costs[i] * w.features[i]);
    let total: f64 = by_class.iter().sum();
    // The first of equal classes wins, so the text never depends on the
    // order in which floats happen to compare.
    let (top, top_ns) =
        by_class.iter().enumerate().fold((0, 0.0), |(bi, bv), (i, &v)| if v > bv { (i, v) } else { (bi, bv) });
    if total <= 0.0 || top_ns <= 0.0 {
        return None;
    }
    let remarks = match origin {
        Origin::System => {
            return Some(format!("a word of the system: call it less often ({} calls)", w.calls));
        }
        Origin::Program(r) => r,
    };
    let pct = format!("{:.0}%", top_ns / total * 100.0);
    let mut text = advice(OpClass::ALL[top], &pct, w, &costs);
    if let Some(why) = remarks.and_then(memory_stack_reason) {
        text.push_str(&format!("; its stack stays in memory ({why}), so its items cannot live in wasm locals"));
    }
    Some(text)
}

/// What makes the dominant class cheaper, with its share of the word's time.
fn advice(class: OpClass, pct: &str, w: &WordCost, costs: &[f64; N_CLASSES]) -> String {
    let n = |c: OpClass| w.features[c as usize];
    match class {
        OpClass::Call => format!(
            "calls are {pct} of its time ({} calls made): let small callees be inlined (straight-line words \
             are, at -O2, and words called once, at link time) or turn recursion into a loop",
            n(OpClass::Call)
        ),
        OpClass::Host => format!(
            "host calls (TYPE, EMIT, . and the like) are {pct} of its time, about {:.0} ns each: print less \
             often, for example once after the loop",
            costs[OpClass::Host as usize]
        ),
        OpClass::Divide => format!(
            "divisions are {pct} of its time: divide by a power of two with RSHIFT or 2/, or keep the dividend \
             provably non-negative and the divisor positive so that / becomes an unsigned division"
        ),
        OpClass::Memory => format!(
            "memory accesses are {pct} of its time: keep what a loop updates on the stack or in locals rather \
             than in a VARIABLE or VALUE"
        ),
        OpClass::Branch => format!(
            "branches are {pct} of its time: a small IF ... ELSE ... THEN whose sides only compute becomes a \
             select, and a loop that does more work per trip runs fewer tests"
        ),
        OpClass::Bulk => format!(
            "FILL, ERASE, MOVE and CMOVE are {pct} of its time (charged per 64 bytes touched): touch fewer \
             bytes, or touch them fewer times"
        ),
        OpClass::Stack => format!(
            "memory-stack operations are {pct} of its time: a static stack effect would keep its items in \
             wasm locals"
        ),
        OpClass::Arith | OpClass::Latency | OpClass::Slots => {
            let ops: f64 =
                [OpClass::Arith, OpClass::Divide, OpClass::Memory, OpClass::Branch].iter().map(|&c| n(c)).sum();
            if f64::from(ISSUE_WIDTH) * n(OpClass::Latency) >= ops {
                format!(
                    "a chain of dependent operations is {pct} of its time: each trip waits for the result of \
                     the last (a running hash or CRC); shorten the chain or interleave independent work"
                )
            } else {
                format!(
                    "issuing its operations is {pct} of its time: do less work per trip, for example by \
                     computing what does not change outside the loop"
                )
            }
        }
    }
}

/// Why a word keeps the memory stack, from its convention remark.
fn memory_stack_reason(r: &WordRemarks) -> Option<&str> {
    r.remarks.iter().find(|m| m.pass == "convention").and_then(|m| m.text.strip_prefix(MEMORY_CONVENTION))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Remark;

    fn model() -> CostModel {
        let mut costs = [0.0; N_CLASSES];
        costs[OpClass::Call as usize] = 2.0;
        costs[OpClass::Host as usize] = 30.0;
        costs[OpClass::Divide as usize] = 1.0;
        costs[OpClass::Slots as usize] = 0.02;
        CostModel::from_costs(&costs)
    }

    fn word(f: &[(OpClass, f64)]) -> WordCost {
        let mut features = [0.0; N_CLASSES];
        for &(c, v) in f {
            features[c as usize] = v;
        }
        WordCost { name: "W".into(), calls: 1, features }
    }

    #[test]
    fn cold_words_get_none() {
        let w = word(&[(OpClass::Call, 100.0)]);
        assert_eq!(suggestion(&w, HOT_SHARE / 2.0, &model(), Origin::Program(None)), None);
        assert_eq!(suggestion(&word(&[]), 1.0, &model(), Origin::Program(None)), None, "a word that costs nothing");
    }

    #[test]
    fn the_dominant_class_names_the_advice() {
        let w = word(&[(OpClass::Call, 100.0), (OpClass::Host, 1.0)]);
        let s = suggestion(&w, 0.5, &model(), Origin::Program(None)).unwrap();
        assert!(s.starts_with("calls are 87% of its time (100 calls made)"), "{s}");
        let w = word(&[(OpClass::Host, 10.0)]);
        let s = suggestion(&w, 0.5, &model(), Origin::Program(None)).unwrap();
        assert!(s.starts_with("host calls (TYPE, EMIT, . and the like) are 100% of its time, about 30 ns each"), "{s}");
        let s = suggestion(&word(&[(OpClass::Divide, 10.0)]), 0.5, &model(), Origin::Program(None)).unwrap();
        assert!(s.starts_with("divisions are 100%"), "{s}");
    }

    #[test]
    fn system_words_are_to_be_called_less() {
        let w = WordCost { calls: 11, ..word(&[(OpClass::Slots, 100.0)]) };
        assert_eq!(
            suggestion(&w, 0.5, &model(), Origin::System).as_deref(),
            Some("a word of the system: call it less often (11 calls)")
        );
    }

    #[test]
    fn slots_tell_latency_from_throughput() {
        // 100 ops with a latency of 50 cycles: 8 × 50 > 100, a chain.
        let chain = word(&[(OpClass::Arith, 100.0), (OpClass::Latency, 50.0), (OpClass::Slots, 400.0)]);
        let s = suggestion(&chain, 0.5, &model(), Origin::Program(None)).unwrap();
        assert!(s.starts_with("a chain of dependent operations is 100% of its time"), "{s}");
        let wide = word(&[(OpClass::Arith, 100.0), (OpClass::Latency, 2.0), (OpClass::Slots, 100.0)]);
        let s = suggestion(&wide, 0.5, &model(), Origin::Program(None)).unwrap();
        assert!(s.starts_with("issuing its operations is 100% of its time"), "{s}");
    }

    #[test]
    fn a_memory_stack_word_says_why() {
        let r = WordRemarks {
            name: "W".into(),
            location: None,
            effect: None,
            remarks: vec![Remark {
                pass: "convention".into(),
                text: "memory calling convention: DEPTH looks at the whole stack".into(),
            }],
        };
        let s = suggestion(&word(&[(OpClass::Call, 10.0)]), 0.5, &model(), Origin::Program(Some(&r))).unwrap();
        assert!(
            s.ends_with(
                "; its stack stays in memory (DEPTH looks at the whole stack), so its items cannot live in wasm locals"
            ),
            "{s}"
        );
        let mut reg = r.clone();
        reg.remarks[0].text = "register calling convention ( 1 -- 1 ): items in wasm parameters and results".into();
        let s = suggestion(&word(&[(OpClass::Call, 10.0)]), 0.5, &model(), Origin::Program(Some(&reg))).unwrap();
        assert!(!s.contains("stays in memory"), "{s}");
    }
}
