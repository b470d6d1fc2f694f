//! Stack-effect inference: which definitions have a static stack effect.
//!
//! A definition is *static* when every path through it consumes the same
//! number of items and leaves the same number, and nothing it calls looks at
//! the stack below its own arguments. A static definition can then keep all
//! its stack items in wasm locals and take and return them as parameters and
//! results: `: SQUARE DUP * ;` becomes `(param i32) (result i32)`.
//!
//! The analysis is abstract interpretation of the stack depth over the
//! control-flow graph. Calls use the effects of their callees; a word that
//! calls itself (`RECURSE`) is first analysed without its recursive paths,
//! and the effect found is then checked with the recursive calls included.
//!
//! Needs: a verified function. Guarantees: a `Some` effect is sound for every
//! path; `None` means the memory-stack calling convention must be kept.

use std::collections::HashMap;

use crate::host_words::HostWord;
use crate::ir::{Function, Op, Term, Xt};
use crate::primitives::Prim;
use crate::xt_numbering::host_word_of;

/// A static stack effect: items consumed and items produced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Effect {
    /// Items taken from the stack.
    pub inputs: u32,
    /// Items left on the stack.
    pub outputs: u32,
}

impl Effect {
    /// `( inputs -- outputs )`.
    pub const fn new(inputs: u32, outputs: u32) -> Self {
        Effect { inputs, outputs }
    }
}

impl std::fmt::Display for Effect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "( {} -- {} )", self.inputs, self.outputs)
    }
}

/// The effect of a primitive, if static and local to its arguments.
pub fn prim_effect(p: Prim) -> Option<Effect> {
    match p {
        // DEPTH's effect is static, but its result depends on every item on
        // the stack, including those a caller keeps in locals.
        Prim::Depth => None,
        _ => p.effect().map(|(i, o)| Effect::new(u32::from(i), u32::from(o))),
    }
}

/// The largest literal `n` for which `n PICK` and `n ROLL` count as static.
pub const MAX_CONSTANT_INDEX: i32 = 31;

/// The effect of `PICK` or `ROLL` right after a literal `n` (the emitter
/// turns such a pair into moves within its stack cache): `n PICK` is
/// `( xn .. x0 n -- xn .. x0 xn )`, `n ROLL` is `( xn .. x0 n -- xn-1 .. x0 xn )`.
pub fn constant_index_effect(prev: Option<&Op>, p: Prim) -> Option<Effect> {
    let Some(&Op::Lit(n)) = prev else { return None };
    if !(0..=MAX_CONSTANT_INDEX).contains(&n) {
        return None;
    }
    let items = n as u32 + 1;
    match p {
        Prim::Pick => Some(Effect::new(items + 1, items + 1)),
        Prim::Roll => Some(Effect::new(items + 1, items)),
        _ => None,
    }
}

/// The effect of a host word that touches only its own arguments.
pub fn host_effect(h: HostWord) -> Option<Effect> {
    use HostWord::*;
    let (i, o) = match h {
        Emit | Throw => (1, 0),
        Type => (2, 0),
        Cr | Abort | Bye | Quit => (0, 0),
        Key => (0, 1),
        Accept => (2, 1),
        AbortQuoteRuntime => (3, 0),
        DoesRuntime | CompileComma | Literal => (1, 0),
        Word => (1, 1),
        Char => (0, 1),
        Parse => (1, 2),
        ParseName => (0, 2),
        Find => (1, 2),
        ToNumber => (4, 4),
        Refill => (0, 1),
        // FILE ACCESS and BLOCK words that touch only their arguments.
        OpenFile | CreateFile => (3, 2),
        CloseFile | FlushFile => (1, 1),
        ReadFile => (3, 2),
        ReadLine => (3, 3),
        WriteFile | WriteLine => (3, 1),
        FilePosition | FileSize => (1, 3),
        RepositionFile | ResizeFile => (3, 1),
        DeleteFile => (2, 1),
        RenameFile => (4, 1),
        FileStatus => (2, 2),
        Block | Buffer => (1, 1),
        Update | SaveBuffers | EmptyBuffers => (0, 0),
        List => (1, 0),
        // Tools words that touch only their arguments.
        NameToString => (1, 2),
        NameToInterpret => (1, 1),
        NameToCompile => (1, 2),
        Dump => (2, 0),
        Compare => (4, 1),
        Search | Substitute => (4, 3),
        Unescape => (3, 2),
        Replaces => (4, 0),
        MStarSlash => (4, 2),
        Ms => (1, 0),
        TimeAndDate => (0, 6),
        KeyQuestion => (0, 1),
        // Floating point: the float stack is in memory, only data items count.
        FSin | FCos | FTan | FSinCos | FAsin | FAcos | FAtan | FAtan2 | FSinh | FCosh | FTanh | FAsinh | FAcosh
        | FAtanh | FExp | FExpm1 | FLn | FLnp1 | FLog | FAlog | FPow | FDot | FEDot | FSDot | FDotS => (0, 0),
        FProx | Precision => (0, 1),
        SetPrecision => (1, 0),
        Represent => (2, 3),
        ToFloat => (2, 1),
        // Extended characters.
        XCSize | XCharPlus | XCharMinus | XCWidth => (1, 1),
        XSize | XCStorePlus | XWidth => (2, 1),
        XCFetchPlus | EKeyToXChar => (1, 2),
        XCStorePlusQ => (3, 3),
        XCComma | XEmit | XHold => (1, 0),
        PlusXSlashString | XBackslashStringMinus | TrailingGarbage => (2, 2),
        XKey | XKeyQuestion => (0, 1),
        // gforth's words (not the stack pointers: they see the whole stack).
        Utime | Stdin | Stdout | Stderr | InfileId | OutfileId => (0, 1),
        ToInfileId | ToOutfileId => (1, 0),
        Cputime => (0, 4),
        ParenGetenv => (4, 1),
        KeyFile | KeyQuestionFile | FileEofQuestion => (1, 1),
        Exception => (2, 1),
        FDotRdp => (3, 0),
        FToStrRdp => (3, 2),
        FToBufRdp => (4, 0),
        _ => return None,
    };
    Some(Effect::new(i, o))
}

/// What is known about callees: the effect of each xt whose effect is static.
pub type Known = HashMap<Xt, Effect>;

/// The effect of calling `xt`, from the host-word table or `known`.
pub fn call_effect(xt: Xt, known: &Known) -> Option<Effect> {
    match host_word_of(xt) {
        Some(h) => host_effect(h),
        None => known.get(&xt).copied(),
    }
}

/// How the analysis treats a call of the function to itself.
#[derive(Clone, Copy)]
enum SelfCalls {
    /// Paths through a recursive call are not followed.
    Skip,
    /// Recursive calls have this effect.
    Assume(Effect),
}

/// Why a definition's effect is not static: the first obstacle the
/// analysis met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dynamic {
    /// A primitive whose effect depends on the run (`?DUP`, `DEPTH`,
    /// `EXECUTE`, `PICK` or `ROLL` with an index computed at run time...).
    Prim(Prim),
    /// A call of a word whose effect is not static (or not known yet).
    Call(Xt),
    /// Two paths reach the same point with different depths (the arms of
    /// an `IF`, or a loop body that changes the depth).
    Depths,
    /// Paths return with different depths.
    Exits,
    /// No path returns.
    NoReturn,
    /// The recursive calls do not keep the effect the other paths have.
    Recursion,
}

/// Infers `func`'s effect, or `None` if it is dynamic.
pub fn infer(func: &Function, known: &Known) -> Option<Effect> {
    infer_or_why(func, known).ok()
}

/// Infers `func`'s effect, or says why it is dynamic.
pub fn infer_or_why(func: &Function, known: &Known) -> Result<Effect, Dynamic> {
    let first = analyse(func, known, SelfCalls::Skip)?;
    let checked = analyse(func, known, SelfCalls::Assume(first))?;
    if checked == first {
        Ok(first)
    } else {
        Err(Dynamic::Recursion)
    }
}

/// Depth at the entry of each block (relative to the function's entry), if
/// the function is static; the emitter uses it to place stack slots.
pub fn block_depths(func: &Function, known: &Known, effect: Effect) -> Option<Vec<Option<i64>>> {
    walk(func, known, SelfCalls::Assume(effect)).ok().map(|(_, _, depths)| depths)
}

/// What an op needs on the return stack and how it changes its depth, for
/// the ops that touch it (`>R`, `R>`, `R@` and their pairs).
pub fn return_stack_effect(op: &Op) -> Option<(u32, i32)> {
    match op {
        Op::Prim(Prim::ToR) => Some((0, 1)),
        Op::Prim(Prim::TwoToR) => Some((0, 2)),
        Op::Prim(Prim::RFrom) => Some((1, -1)),
        Op::Prim(Prim::TwoRFrom) => Some((2, -2)),
        Op::Prim(Prim::RFetch) => Some((1, 0)),
        Op::Prim(Prim::TwoRFetch) => Some((2, 0)),
        Op::Prim(Prim::RDrop) => Some((1, -1)),
        Op::Prim(Prim::TwoRDrop) => Some((2, -2)),
        _ => None,
    }
}

/// Records depth `d` at the entry of each successor, queueing those seen for
/// the first time; `None` if a successor was already reached at another depth.
fn flow_into<T: Copy + PartialEq>(
    depth_in: &mut [Option<T>],
    work: &mut Vec<usize>,
    succs: &[crate::ir::BlockId],
    d: T,
) -> Option<()> {
    for s in succs {
        match depth_in[s.index()] {
            None => {
                depth_in[s.index()] = Some(d);
                work.push(s.index());
            }
            Some(x) if x == d => {}
            Some(_) => return None,
        }
    }
    Some(())
}

/// Return-stack depth at the entry of each block, if the definition's use of
/// the return stack (`>R`, `R>`, `R@` and their pairs) can live in locals:
/// every path agrees on the depth, never pops what it did not push, and
/// leaves nothing behind at `EXIT`. The standard makes items a caller pushed
/// inaccessible to its callees, so calls do not count.
pub fn return_depths(func: &Function) -> Option<Vec<Option<u32>>> {
    let n = func.blocks.len();
    let mut depth_in: Vec<Option<u32>> = vec![None; n];
    depth_in[0] = Some(0);
    let mut work = vec![0usize];
    let mut used = false;
    while let Some(b) = work.pop() {
        let mut d = depth_in[b].expect("queued blocks have a depth");
        let block = &func.blocks[b];
        for op in &block.ops {
            let Some((need, delta)) = return_stack_effect(op) else { continue };
            used = true;
            if d < need {
                return None;
            }
            d = (d as i32 + delta) as u32;
        }
        if block.term == Term::Return && d != 0 {
            return None;
        }
        flow_into(&mut depth_in, &mut work, &block.term.successors(), d)?;
    }
    used.then_some(depth_in)
}

/// How many items below its entry every run of `func` reads before it does
/// anything else: the pure stack operations at the start of its entry
/// block, and that block's branch flag. Unlike an effect's inputs (which
/// count items that only some path reads), these are read on every path,
/// so checking at entry that the stack holds them reports exactly the
/// underflow the first of those reads would meet.
pub fn sure_inputs(func: &Function) -> u32 {
    let Some(block) = func.blocks.first() else { return 0 };
    let (mut d, mut min) = (0i64, 0i64);
    let mut prev = None;
    let mut whole = true;
    for op in &block.ops {
        let e = match *op {
            Op::Lit(_) | Op::FetchLit(_) | Op::LocalGet(_) => Effect::new(0, 1),
            Op::LocalSet(_) => Effect::new(1, 0),
            Op::Prim(p) if constant_index_effect(prev, p).is_some() => {
                constant_index_effect(prev, p).unwrap_or_default()
            }
            Op::Prim(p) if p.is_pure() => prim_effect(p).unwrap_or_default(),
            _ => {
                whole = false;
                break;
            }
        };
        prev = Some(op);
        d -= i64::from(e.inputs);
        min = min.min(d);
        d += i64::from(e.outputs);
    }
    if whole && matches!(block.term, Term::Branch { .. }) {
        min = min.min(d - 1);
    }
    u32::try_from(-min).unwrap_or(0)
}

fn analyse(func: &Function, known: &Known, self_calls: SelfCalls) -> Result<Effect, Dynamic> {
    let (min, exit, _) = walk(func, known, self_calls)?;
    let exit = exit.ok_or(Dynamic::NoReturn)?;
    let inputs = u32::try_from(-min).map_err(|_| Dynamic::Exits)?;
    let outputs = u32::try_from(exit - min).map_err(|_| Dynamic::Exits)?;
    Ok(Effect::new(inputs, outputs))
}

/// Walks the graph; returns the lowest depth reached, the depth at every
/// return (which must agree), and each block's entry depth.
#[allow(clippy::type_complexity)]
fn walk(
    func: &Function,
    known: &Known,
    self_calls: SelfCalls,
) -> Result<(i64, Option<i64>, Vec<Option<i64>>), Dynamic> {
    let n = func.blocks.len();
    let mut depth_in: Vec<Option<i64>> = vec![None; n];
    depth_in[0] = Some(0);
    let mut work = vec![0usize];
    let mut min = 0i64;
    let mut exit: Option<i64> = None;
    while let Some(b) = work.pop() {
        let mut d = depth_in[b].expect("queued blocks have a depth");
        let block = &func.blocks[b];
        let mut cut = false;
        let mut prev = None;
        for op in &block.ops {
            let e = match *op {
                Op::Prim(p) if constant_index_effect(prev, p).is_some() => {
                    constant_index_effect(prev, p).unwrap_or_default()
                }
                Op::Lit(_) | Op::FetchLit(_) | Op::LoopIndex(_) | Op::LoopLimit(_) | Op::LocalGet(_) => {
                    Effect::new(0, 1)
                }
                Op::StoreLit(_) | Op::LocalSet(_) => Effect::new(1, 0),
                Op::DoInit(_) => Effect::new(2, 0),
                Op::Popcount => Effect::new(1, 1),
                Op::Select => Effect::new(3, 1),
                Op::Vector(ref v) => Effect::new(v.items.len() as u32, v.items.len() as u32),
                Op::Prim(p) | Op::DivU(p) | Op::AtOffset(p, _) => prim_effect(p).ok_or(Dynamic::Prim(p))?,
                Op::Call(xt) if xt == func.xt => match self_calls {
                    SelfCalls::Skip => {
                        cut = true;
                        break;
                    }
                    SelfCalls::Assume(e) => e,
                },
                Op::Call(xt) => call_effect(xt, known).ok_or(Dynamic::Call(xt))?,
            };
            prev = Some(op);
            d -= i64::from(e.inputs);
            min = min.min(d);
            d += i64::from(e.outputs);
        }
        if cut {
            continue;
        }
        let pops = match block.term {
            Term::Branch { .. } => 1,
            Term::Loop { plus: true, .. } => 1,
            _ => 0,
        };
        d -= pops;
        min = min.min(d);
        if block.term == Term::Return {
            match exit {
                None => exit = Some(d),
                Some(e) if e == d => {}
                Some(_) => return Err(Dynamic::Exits),
            }
        }
        flow_into(&mut depth_in, &mut work, &block.term.successors(), d).ok_or(Dynamic::Depths)?;
    }
    Ok((min, exit, depth_in))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::Definition;
    use crate::xt_numbering::host_xt;

    fn def(build: impl FnOnce(&mut Definition)) -> Function {
        let mut d = Definition::new(1000, "T".into());
        build(&mut d);
        d.check_closed(";").unwrap();
        d.finish()
    }

    fn prims(d: &mut Definition, ps: &[Prim]) {
        for &p in ps {
            d.op(Op::Prim(p));
        }
    }

    /// The return-stack words are known by name here, not by a column of
    /// their row: a primitive whose stack comment names the return stack
    /// (`R:`) must be one of them, or keep a frame of its own that the
    /// items `>R` moved to locals never meet (the address locals' frame).
    #[test]
    fn every_primitive_that_names_the_return_stack_has_its_effect_here() {
        for &p in Prim::ALL {
            let named = p.doc().contains("R:");
            let known = return_stack_effect(&Op::Prim(p)).is_some();
            let own_frame = matches!(p, Prim::LocalsAllot | Prim::LocalsFree);
            assert_eq!(named, known || own_frame, "{}: {}", p.name(), p.doc());
        }
    }

    #[test]
    fn sure_inputs_count_only_what_every_run_reads_first() {
        // : T 1 ROT ; reads two items below its entry, as its effect says.
        let t = def(|d| {
            d.op(Op::Lit(1));
            d.op(Op::Prim(Prim::Rot));
        });
        assert_eq!(sure_inputs(&t), 2);
        assert_eq!(infer(&t, &Known::new()), Some(Effect::new(2, 3)));
        // : T 3 PICK 0= IF DROP THEN ; reads four items; the flag is its own
        // 0= result, and the DROP is on one path only.
        let pick = def(|d| {
            d.op(Op::Lit(3));
            d.op(Op::Prim(Prim::Pick));
            d.op(Op::Prim(Prim::ZeroEq));
            d.if_();
            d.op(Op::Prim(Prim::Drop));
            d.then().unwrap();
        });
        assert_eq!(sure_inputs(&pick), 4);
        // : T 0 IF DROP 5 THEN ; consumes an item on a path never taken.
        let phantom = def(|d| {
            d.op(Op::Lit(0));
            d.if_();
            prims(d, &[Prim::Drop]);
            d.op(Op::Lit(5));
            d.then().unwrap();
        });
        assert_eq!(sure_inputs(&phantom), 0);
        assert_eq!(infer(&phantom, &Known::new()), Some(Effect::new(1, 1)));
        // : T 0 / DROP ; divides (which may fault) before the DROP reads below.
        let div = def(|d| {
            d.op(Op::Lit(0));
            prims(d, &[Prim::Div, Prim::Drop]);
        });
        assert_eq!(sure_inputs(&div), 0);
        // : T TYPE DROP ; prints before it reads below its arguments.
        let call = def(|d| {
            d.op(Op::Call(host_xt(HostWord::Type)));
            prims(d, &[Prim::Drop]);
        });
        assert_eq!(sure_inputs(&call), 0);
    }

    #[test]
    fn file_and_block_words_are_static_but_interpreting_words_are_not() {
        // : LINE ( fid -- u flag ior ) PAD 80 ROT READ-LINE ;
        let line = def(|d| {
            d.op(Op::Prim(Prim::Pad));
            d.op(Op::Lit(80));
            d.op(Op::Prim(Prim::Rot));
            d.op(Op::Call(host_xt(HostWord::ReadLine)));
        });
        assert_eq!(infer(&line, &Known::new()), Some(Effect::new(1, 3)));
        // : B ( u -- c ) BLOCK C@ ;
        let b = def(|d| {
            d.op(Op::Call(host_xt(HostWord::Block)));
            d.op(Op::Prim(Prim::CFetch));
        });
        assert_eq!(infer(&b, &Known::new()), Some(Effect::new(1, 1)));
        // LOAD and N>R may do anything to the stack.
        for h in [HostWord::Load, HostWord::IncludeFile, HostWord::NToR, HostWord::TraverseWordlist] {
            assert_eq!(host_effect(h), None, "{}", h.name());
        }
    }

    #[test]
    fn straight_line_words() {
        let sq = def(|d| prims(d, &[Prim::Dup, Prim::Mul]));
        assert_eq!(infer(&sq, &Known::new()), Some(Effect::new(1, 1)));
        let rot3 = def(|d| prims(d, &[Prim::Rot, Prim::Rot, Prim::Drop]));
        assert_eq!(infer(&rot3, &Known::new()), Some(Effect::new(3, 2)));
    }

    #[test]
    fn branches_must_agree() {
        // : ABS2 DUP 0< IF NEGATE THEN ;  is ( 1 -- 1 )
        let abs2 = def(|d| {
            prims(d, &[Prim::Dup, Prim::ZeroLt]);
            d.if_();
            prims(d, &[Prim::Negate]);
            d.then().unwrap();
        });
        assert_eq!(infer(&abs2, &Known::new()), Some(Effect::new(1, 1)));
        // : BAD IF 1 THEN ;  leaves 0 or 1 items: dynamic.
        let bad = def(|d| {
            d.if_();
            d.op(Op::Lit(1));
            d.then().unwrap();
        });
        assert_eq!(infer(&bad, &Known::new()), None);
    }

    #[test]
    fn recursion_is_resolved() {
        // : FIB DUP 2 < IF EXIT THEN DUP 1- RECURSE SWAP 2 - RECURSE + ;
        let fib = def(|d| {
            prims(d, &[Prim::Dup]);
            d.op(Op::Lit(2));
            prims(d, &[Prim::Lt]);
            d.if_();
            d.exit();
            d.then().unwrap();
            prims(d, &[Prim::Dup, Prim::OneMinus]);
            d.op(Op::Call(1000));
            prims(d, &[Prim::Swap]);
            d.op(Op::Lit(2));
            prims(d, &[Prim::Sub]);
            d.op(Op::Call(1000));
            prims(d, &[Prim::Add]);
        });
        assert_eq!(infer(&fib, &Known::new()), Some(Effect::new(1, 1)));
    }

    #[test]
    fn loops_and_calls() {
        // : SUMTO 0 SWAP 0 DO I + LOOP ;  is ( 1 -- 1 )
        let sum = def(|d| {
            d.op(Op::Lit(0));
            prims(d, &[Prim::Swap]);
            d.op(Op::Lit(0));
            d.do_(false);
            d.loop_index(0, "I").unwrap();
            prims(d, &[Prim::Add]);
            d.loop_(false).unwrap();
        });
        assert_eq!(infer(&sum, &Known::new()), Some(Effect::new(1, 1)));
        let mut known = Known::new();
        known.insert(1000, Effect::new(1, 1));
        let caller = def(|d| {
            d.op(Op::Call(1000));
            d.op(Op::Call(host_xt(HostWord::Emit)));
        });
        assert_eq!(infer(&Function { xt: 1001, ..caller }, &known), Some(Effect::new(1, 0)));
    }

    #[test]
    fn balanced_return_stack_use_can_live_in_locals() {
        let ok = def(|d| prims(d, &[Prim::ToR, Prim::Dup, Prim::RFetch, Prim::Add, Prim::RFrom, Prim::Add]));
        assert_eq!(return_depths(&ok).map(|v| v[0]), Some(Some(0)));
        // R> DROP reaches into the caller's return stack.
        let trick = def(|d| prims(d, &[Prim::RFrom, Prim::Drop]));
        assert_eq!(return_depths(&trick), None);
        // Leaving an item behind at EXIT is not balanced.
        let left = def(|d| prims(d, &[Prim::ToR]));
        assert_eq!(return_depths(&left), None);
        let none = def(|d| prims(d, &[Prim::Dup]));
        assert_eq!(return_depths(&none), None);
    }

    #[test]
    fn stack_inspecting_words_are_dynamic() {
        for p in [Prim::Depth, Prim::Pick, Prim::QuestionDup, Prim::Execute] {
            let f = def(|d| prims(d, &[p]));
            assert_eq!(infer(&f, &Known::new()), None, "{}", p.name());
        }
        let ev = def(|d| d.op(Op::Call(host_xt(HostWord::Evaluate))));
        assert_eq!(infer(&ev, &Known::new()), None);
    }

    #[test]
    fn literal_pick_and_roll_are_static() {
        // : P3 3 PICK ;  is ( 4 -- 5 ),  : R2 2 ROLL ;  is ( 3 -- 3 ).
        let p3 = def(|d| {
            d.op(Op::Lit(3));
            prims(d, &[Prim::Pick]);
        });
        assert_eq!(infer(&p3, &Known::new()), Some(Effect::new(4, 5)));
        let r2 = def(|d| {
            d.op(Op::Lit(2));
            prims(d, &[Prim::Roll]);
        });
        assert_eq!(infer(&r2, &Known::new()), Some(Effect::new(3, 3)));
        // Too large, negative, or not right after the literal: dynamic.
        for (n, gap) in [(MAX_CONSTANT_INDEX + 1, false), (-1, false), (1, true)] {
            let f = def(|d| {
                d.op(Op::Lit(n));
                if gap {
                    prims(d, &[Prim::Dup, Prim::Drop]);
                }
                prims(d, &[Prim::Pick]);
            });
            assert_eq!(infer(&f, &Known::new()), None, "{n} {gap}");
        }
    }
}
