//! The optimizer's batch pipeline: the passes that run on each definition
//! when its batch is emitted, in order, in one table.
//!
//! Inlining works across definitions and runs first (`Forth::flush`); then
//! every definition goes through [`FUNCTION_PASSES`], each pass when the
//! [`Switch`] that enables it is on. A pass that changed something leaves a
//! remark ([`crate::remarks`]), which `native-runner explain` and the
//! playground show. In debug and test builds the IR is verified after
//! every pass, so a pass that breaks an invariant is named.
//!
//! Adding a pass: its file under `passes/`, and one row here.
//!
//! Guarantees: the passes run in the table's order; a pass whose switch is
//! off does not run; the remarks name exactly the passes that changed the
//! definition.

use std::ops::Range;

use crate::interpreter::Config;
use crate::ir::Function;
use crate::passes;
use crate::passes::effects::Known;
use crate::remarks::Remark;

/// The setting that turns a pass on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switch {
    /// `-O1` and above ([`Config::optimize`]).
    Optimize,
    /// `-O2` and above, off with `--no-inline` ([`Config::inline`]).
    Inline,
    /// `-O2` and above, off with `--no-tail-loops` ([`Config::tail_loops`]).
    TailLoops,
    /// `-O2` and above, off with `--no-vectorize` ([`Config::vectorize`]).
    Vectorize,
    /// `-O2` and above with a factor of 2 or more (`--unroll`,
    /// [`Config::unroll`]).
    Unroll,
}

impl Switch {
    /// Whether `cfg` turns it on.
    pub fn on(self, cfg: &Config) -> bool {
        match self {
            Switch::Optimize => cfg.optimize,
            Switch::Inline => cfg.inline,
            Switch::TailLoops => cfg.tail_loops,
            Switch::Vectorize => cfg.vectorize,
            Switch::Unroll => cfg.unroll > 1,
        }
    }
}

/// What a pass over one definition sees besides the definition.
pub struct Context<'a> {
    /// The effects of the definitions emitted before.
    pub known: &'a Known,
    /// The settings.
    pub cfg: &'a Config,
    /// The addresses of data space (where variables live).
    pub space: Range<u32>,
}

/// One pass over one definition.
pub struct FunctionPass {
    /// Its name in remarks.
    pub name: &'static str,
    /// What turns it on.
    pub switch: Switch,
    /// Runs it; returns how many times it changed the definition.
    run: fn(&mut Function, &Context) -> usize,
    /// The remark for `n` changes.
    remark: fn(usize, &Context) -> String,
}

/// "1 thing" or "3 things".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The passes over each definition, in the order they run.
pub const FUNCTION_PASSES: &[FunctionPass] = &[
    FunctionPass {
        name: "qdup-branch",
        switch: Switch::Optimize,
        run: |f, _| passes::qdup_branch::qdup_branches(f),
        remark: |n, _| format!("{} before a branch became DUP with a DROP on one side", count(n, "?DUP", "?DUPs")),
    },
    FunctionPass {
        name: "tail-loops",
        switch: Switch::TailLoops,
        run: |f, cx| passes::tail_loop::tail_calls_to_loops(f, cx.known),
        remark: |n, _| format!("{} became a loop", count(n, "self tail call", "self tail calls")),
    },
    FunctionPass {
        name: "self-inline",
        switch: Switch::Inline,
        run: |f, cx| passes::self_inline::inline_self_calls(f, cx.known),
        remark: |n, _| format!("its own body pasted in place of {}", count(n, "recursive call", "recursive calls")),
    },
    FunctionPass {
        name: "popcount",
        switch: Switch::Optimize,
        run: |f, _| passes::idiom::popcount_loops(f),
        remark: |n, _| {
            format!("{} became popcnt", count(n, "Kernighan bit-counting loop", "Kernighan bit-counting loops"))
        },
    },
    FunctionPass {
        name: "unsigned-division",
        switch: Switch::Optimize,
        run: |f, cx| passes::ranges::unsigned_divisions(f, cx.known),
        remark: |n, _| {
            format!(
                "{} of a value proven non-negative by a positive divisor became unsigned",
                count(n, "division", "divisions")
            )
        },
    },
    FunctionPass {
        name: "promote",
        switch: Switch::Optimize,
        run: |f, cx| passes::promote::promote_variables(f, cx.known, cx.space.clone()),
        remark: |n, _| format!("{} kept in a local across a loop", count(n, "variable", "variables")),
    },
    FunctionPass {
        name: "if-convert",
        switch: Switch::Optimize,
        run: |f, cx| passes::if_convert::convert_branches(f, cx.known),
        remark: |n, _| format!("{} became selects", count(n, "branch with pure sides", "branches with pure sides")),
    },
    FunctionPass {
        name: "vectorize",
        switch: Switch::Vectorize,
        run: |f, _| passes::vectorize::vectorize_loops(f),
        remark: |n, _| format!("{} four trips at a time with wasm SIMD", count(n, "loop runs", "loops run")),
    },
    FunctionPass {
        name: "unroll",
        switch: Switch::Unroll,
        run: |f, cx| passes::unroll::unroll_loops(f, cx.cfg.unroll),
        remark: |n, cx| format!("{} {} times", count(n, "inner loop unrolled", "inner loops unrolled"), cx.cfg.unroll),
    },
];

/// Runs every pass of [`FUNCTION_PASSES`] that `cx.cfg` turns on over `f`,
/// in order, and returns a remark for each that changed it. In debug and
/// test builds the IR is verified after each pass; an error names the pass.
pub fn run_function_passes(f: &mut Function, cx: &Context) -> Result<Vec<Remark>, String> {
    let mut remarks = Vec::new();
    for pass in FUNCTION_PASSES.iter().filter(|p| p.switch.on(cx.cfg)) {
        let n = (pass.run)(f, cx);
        if n > 0 {
            remarks.push(Remark { pass: pass.name.into(), text: (pass.remark)(n, cx) });
        }
        if cfg!(debug_assertions) {
            let errors = crate::ir::verify::verify(f);
            if !errors.is_empty() {
                return Err(format!("after the {} pass on {}: {}", pass.name, f.name, errors.join("; ")));
            }
        }
    }
    Ok(remarks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_levels_gate_passes() {
        let mut names: Vec<&str> = FUNCTION_PASSES.iter().map(|p| p.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), FUNCTION_PASSES.len());
        let off = Config {
            optimize: false,
            inline: false,
            tail_loops: false,
            vectorize: false,
            unroll: 1,
            ..Config::default()
        };
        assert!(FUNCTION_PASSES.iter().all(|p| !p.switch.on(&off)));
        assert!(FUNCTION_PASSES.iter().all(|p| p.switch.on(&Config::default())));
    }

    #[test]
    fn counts_read_as_english() {
        assert_eq!(count(1, "loop", "loops"), "1 loop");
        assert_eq!(count(3, "loop", "loops"), "3 loops");
    }
}
