//! Shared by the integration tests and by the `opt_equivalence` fuzz target
//! (which includes this file by path): a generator of random well-formed
//! Forth programs.
//!
//! The generator tracks the stack depth, so every program is valid: stack
//! shuffles, arithmetic, comparisons, `>R`/`R>`, `IF ELSE THEN`, `?DO LOOP`
//! with `I`, `BEGIN UNTIL`, a `CREATE`d buffer, calls to earlier words with
//! known effects, `EXECUTE`, `CATCH` of words that `THROW`, defining words
//! made with `CREATE ... DOES>`, counted self tail calls (`RECURSE`) and
//! counted recursion with one or two self calls that are not tail calls,
//! `PICK` with a literal, strings (`S" ... TYPE`, `."`),
//! `EVALUATE` of generated straight-line code, divisions of values that
//! are never negative (masked, or counted up from 0), and loops that fetch
//! a variable (`vv`'s first cell) while storing to it, beside it or
//! through an address computed from the index that may hit it, and loops over a
//! cell array that the optimizer vectorizes. Every value stays a 32-bit
//! cell, so gforth with 32-bit cells prints the same. A `THROW` is only
//! reached under a `CATCH`, and divisors are non-zero literals, unless
//! [`Options::errors`] asks for programs that may stop with an error.
//!
//! Choices come from a [`Choose`]: a seeded [`Rng`] in the tests, the fuzzer's
//! bytes in the fuzz target.

#![allow(dead_code)]

use std::fmt::Write as _;

/// Where the generator's choices come from.
pub trait Choose {
    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64;
}

/// xorshift64*: small, deterministic, good enough to pick program shapes.
pub struct Rng(pub u64);

impl Choose for Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

/// What kind of programs to make.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Allow errors the program does not catch: any divisor (0 is THROW
    /// -10) and `THROW` outside `CATCH`.
    pub errors: bool,
}

struct Word {
    name: String,
    inputs: u32,
    outputs: u32,
    /// Whether calling it may THROW.
    throws: bool,
}

struct Gen<'a, C: Choose> {
    ch: &'a mut C,
    opts: Options,
    words: Vec<Word>,
    loop_depth: u32,
    /// Whether the word being generated may THROW (its callers must CATCH).
    may_throw: bool,
    /// Generating the text of an `EVALUATE` string: straight-line code only.
    in_string: bool,
}

impl<C: Choose> Gen<'_, C> {
    fn below(&mut self, n: u64) -> u64 {
        self.ch.below(n)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    fn lit(&mut self) -> i64 {
        match self.below(4) {
            0 => self.below(10) as i64,
            1 => self.below(1000) as i64 - 500,
            2 => self.pick(&[i32::MAX as i64, i32::MIN as i64, -1, 65535]),
            _ => self.below(100_000) as i64,
        }
    }

    /// A loop that `-O2` runs four trips at a time (`passes/vectorize.rs`):
    /// a reduction of `vbuf`'s cells into the top item, by address or by
    /// index, or a map from `vbuf` to itself at byte offsets that may
    /// overlap, for 0 to 23 trips. It keeps the depth.
    fn vector_loop(&mut self, out: &mut String, d: u32) {
        let n = self.below(24);
        let (src, dst) = (self.below(17), self.below(17));
        if d >= 1 && self.below(2) == 0 {
            let op = self.pick(&["+ ", "xor ", "max ", "min ", "or ", "- ", "3 * + ", "100 > - ", "dup * + "]);
            if self.below(2) == 0 {
                let _ = write!(out, "vbuf {src} + dup {n} cells + swap ?do i @ {op}1 cells +loop ");
            } else {
                let _ = write!(out, "{n} 0 ?do vbuf {src} + i cells + @ {op}loop ");
            }
        } else {
            let f = self.pick(&["", "3 * 7 + ", "2/ ", "negate ", "i xor ", "255 and "]);
            let st = self.pick(&["!", "+!"]);
            let _ = write!(out, "{n} 0 ?do vbuf {src} + i cells + @ {f}vbuf {dst} + i cells + {st} loop ");
        }
    }

    /// A short text without quotes.
    fn text(&mut self) -> String {
        let n = self.below(8);
        (0..n).map(|_| self.pick(b"abz 09-") as char).collect()
    }

    /// Appends code that changes the depth from `d` to the returned depth,
    /// never going below zero; `budget` bounds the size.
    fn code(&mut self, out: &mut String, mut d: u32, budget: u32) -> u32 {
        for _ in 0..budget {
            // Control structures and strings cannot go into an EVALUATE string
            // (it is interpreted, and its text is between quotes).
            let kinds = if self.in_string { 13 } else { 32 };
            match self.below(kinds) {
                0..=3 => {
                    let _ = write!(out, "{} ", self.lit());
                    d += 1;
                }
                4 if d >= 1 => {
                    out.push_str("dup ");
                    d += 1;
                }
                5 if d >= 1 => {
                    out.push_str("drop ");
                    d -= 1;
                }
                6 if d >= 2 => {
                    let (op, grows) = self.pick(&[("swap ", 0), ("over ", 1), ("nip ", -1), ("tuck ", 1)]);
                    out.push_str(op);
                    d = (d as i32 + grows) as u32;
                }
                7 if d >= 3 => out.push_str(self.pick(&["rot ", "-rot "])),
                8..=10 if d >= 2 => {
                    out.push_str(
                        self.pick(&["+ ", "- ", "* ", "and ", "or ", "xor ", "= ", "< ", "u< ", "max ", "min "]),
                    );
                    d -= 1;
                }
                11 if d >= 1 => out.push_str(self.pick(&["negate ", "1+ ", "2* ", "abs ", "0= ", "invert ", "2/ "])),
                12 if d >= 1 => {
                    let div = self.below(19) as i64 - 9;
                    // Neither 0 nor -1: MIN-INT -1 / is THROW -11 (as in gforth), not a value.
                    let div = if !self.opts.errors && (div == 0 || div == -1) { 7 } else { div };
                    let _ = write!(out, "{div} {} ", self.pick(&["/", "mod"]));
                }
                13 if d >= 1 => {
                    out.push_str(">r ");
                    let inner = self.code(out, d - 1, 3);
                    d = inner + 1;
                    out.push_str("r> ");
                }
                14 if d >= 1 => {
                    // IF ... ELSE ... THEN with arms of equal effect.
                    out.push_str("if ");
                    let after = self.code(out, d - 1, 3);
                    out.push_str("else ");
                    let other = self.code(out, d - 1, 3);
                    balance(out, other, after);
                    out.push_str("then ");
                    d = after;
                }
                15 if self.loop_depth < 2 => {
                    let n = self.below(5);
                    let _ = write!(out, "{n} 0 ?do ");
                    self.loop_depth += 1;
                    let body_d = self.code(out, d, 3);
                    balance(out, body_d, d);
                    if self.below(2) == 0 {
                        out.push_str(if d >= 1 { "i + " } else { "i drop " });
                    }
                    self.loop_depth -= 1;
                    out.push_str("loop ");
                }
                16 => {
                    let _ = write!(out, "{} begin 1- dup 0= until drop ", 1 + self.below(4));
                }
                17 | 18 if !self.words.is_empty() => d = self.call(out, d),
                19 if d >= 1 => {
                    let (a, b) = (self.below(8), self.below(8));
                    let _ = write!(out, "dup buf {a} cells + ! buf {b} cells + @ + ");
                }
                20 if d >= 2 => {
                    out.push_str("2dup + >r * r> xor ");
                    d -= 1;
                }
                21 if d >= 1 => {
                    out.push_str(self.pick(&[". ", "u. ", "127 and 32 max emit "]));
                    d -= 1;
                }
                22 => {
                    let t = self.text();
                    if self.below(2) == 0 {
                        let _ = write!(out, "s\" {t}\" type ");
                    } else {
                        let _ = write!(out, ".\" {t}\" ");
                    }
                }
                23 => {
                    self.in_string = true;
                    let mut s = String::new();
                    let after = self.code(&mut s, d, 4);
                    self.in_string = false;
                    let _ = write!(out, "s\" {}\" evaluate ", s.trim_end());
                    d = after;
                }
                24 if d >= 1 && (self.opts.errors || self.may_throw) => {
                    let code = 1 + self.below(99);
                    let _ = write!(out, "dup {} and 0= if {code} throw then ", self.pick(&[1, 3, 7]));
                    self.may_throw = true;
                }
                25 if d >= 1 => {
                    let _ = write!(
                        out,
                        "dup {} c! {} c@ + ",
                        self.pick(&["buf", "buf 3 +"]),
                        self.pick(&["buf", "buf 1+"])
                    );
                }
                27 if d >= 1 => {
                    let _ = write!(out, "{} pick ", self.below(u64::from(d.min(4))));
                    d += 1;
                }
                26 if d >= 1 => {
                    let i = self.below(8);
                    let _ = write!(out, "dup buf {i} cells + +! ");
                }
                28 if d >= 1 => {
                    // Division of a value proven non-negative (passes::ranges).
                    let mask = self.pick(&[255, 65535, 127, i32::MAX]);
                    let div = self.pick(&[1, 2, 3, 7, 8, 10, 65521]);
                    let _ = write!(out, "{mask} and {div} {}", self.pick(&["mod ", "/ ", "/mod + "]));
                }
                29 if d >= 1 && self.loop_depth < 2 => {
                    // A division of a loop index counted up from 0.
                    let (n, div) = (self.below(6), self.pick(&[3, 4, 9]));
                    let _ = write!(out, "{n} 0 ?do i {div} /mod + + loop ");
                }
                30 if d >= 1 && self.loop_depth < 2 => {
                    // A loop that fetches vv's first cell (passes::promote).
                    let n = self.below(6);
                    let body = match self.below(4) {
                        0 => format!("vv @ {} + vv ! ", self.lit()),
                        1 => format!("dup vv @ + vv {} cells + ! ", self.below(8)),
                        2 => format!("dup i + vv i {} + cells + ! vv @ + ", self.below(4)),
                        _ => "i vv +! vv @ xor ".to_string(),
                    };
                    let _ = write!(out, "{n} 0 ?do {body}loop vv @ + ");
                }
                31 if self.loop_depth < 2 => self.vector_loop(out, d),
                _ => {}
            }
        }
        d
    }

    /// Appends a call to an earlier word, directly, through `EXECUTE`, or
    /// under `CATCH`; returns the new depth.
    fn call(&mut self, out: &mut String, d: u32) -> u32 {
        let k = self.below(self.words.len() as u64) as usize;
        let w = &self.words[k];
        if d < w.inputs {
            return d;
        }
        let (name, inputs, outputs, throws) = (w.name.clone(), w.inputs, w.outputs, w.throws);
        let catch = throws && !self.opts.errors && !self.may_throw;
        if (catch || self.below(4) == 0) && !self.in_string {
            // On a THROW, CATCH restores the depth but not the items: print
            // the code, drop the argument slots, push zeros for the results.
            let _ = write!(out, "['] {name} catch dup if . ");
            out.push_str(&"drop ".repeat(inputs as usize));
            out.push_str(&"0 ".repeat(outputs as usize));
            out.push_str("else drop then ");
        } else {
            if throws {
                self.may_throw = true;
            }
            if self.below(4) == 0 && !self.in_string {
                let _ = write!(out, "['] {name} execute ");
            } else {
                let _ = write!(out, "{name} ");
            }
        }
        d - inputs + outputs
    }

    /// A colon definition or a `CREATE ... DOES>` word, added to `src` and
    /// to the words later code may call.
    fn word(&mut self, src: &mut String, k: usize) {
        let inputs = self.below(3) as u32;
        let mut body = String::new();
        self.may_throw = self.below(3) == 0;
        let name = format!("w{k}");
        if self.below(4) == 0 {
            // The child finds its data field's value on top of its arguments.
            let outputs = self.code(&mut body, inputs + 1, 8);
            let _ = writeln!(src, ": def{k} create , does> @ {body};");
            let _ = writeln!(src, "{} def{k} {name}", self.lit());
            self.words.push(Word { name, inputs, outputs, throws: self.may_throw });
        } else if self.below(5) == 0 {
            // A counted self tail call (-O2 turns it into a loop); the count
            // sits on the return stack while the loop body runs.
            let mut inner = String::new();
            let d = self.code(&mut inner, 0, 6);
            balance(&mut inner, d, 0);
            let outputs = self.code(&mut body, 1, 4);
            let _ = writeln!(src, ": {name} 15 and dup 0> if 1- >r {inner}r> recurse exit then {body};");
            self.words.push(Word { name, inputs: 1, outputs, throws: self.may_throw });
        } else if self.below(4) == 0 {
            // One or two self calls that are not tail calls (-O2 pastes the
            // body in their place), with the argument kept on the return
            // stack across them and the results mixed after.
            let outputs = self.code(&mut body, 1, 4);
            let calls = 1 + self.below(2) as u32;
            let second = if calls == 2 { "r@ 2 - recurse " } else { "" };
            let mut mix = String::new();
            let d = self.code(&mut mix, calls * outputs + 1, 4);
            balance(&mut mix, d, outputs);
            let _ = writeln!(src, ": {name} 7 and dup 1 > if dup >r 1- recurse {second}r> {mix}exit then {body};");
            self.words.push(Word { name, inputs: 1, outputs, throws: self.may_throw });
        } else {
            let outputs = self.code(&mut body, inputs, 12);
            let _ = writeln!(src, ": {name} {body};");
            self.words.push(Word { name, inputs, outputs, throws: self.may_throw });
        }
    }
}

/// Appends code that brings the depth from `from` to `to`.
fn balance(out: &mut String, from: u32, to: u32) {
    for _ in to..from {
        out.push_str("+ ");
    }
    for _ in from..to {
        out.push_str("0 ");
    }
    if from > to && to == 0 {
        // `+` needs two items; fold the last one away instead.
        out.truncate(out.len() - 2);
        out.push_str("drop ");
    }
}

/// A program of `n_words` words and a `MAIN` that calls each and prints
/// what it leaves.
pub fn program_from(ch: &mut impl Choose, opts: Options, n_words: usize) -> String {
    let mut g = Gen { ch, opts, words: Vec::new(), loop_depth: 0, may_throw: false, in_string: false };
    let mut src = String::from(
        "create buf 8 cells allot  buf 8 cells erase\ncreate vv 8 cells allot  vv 8 cells erase\n\
         create vbuf 40 cells allot\n\
         : vinit  40 0 do  i 7 * 3 xor 20 -  vbuf i cells + !  loop ;  vinit\n",
    );
    for k in 0..n_words {
        g.word(&mut src, k);
    }
    src.push_str(": main\n");
    g.may_throw = false;
    for k in 0..g.words.len() {
        let mut line = String::new();
        for _ in 0..g.words[k].inputs {
            let _ = write!(line, "{} ", g.lit());
        }
        let mut call = String::new();
        // Force this word: `call` picks a random one, so make it the only one.
        let saved = std::mem::take(&mut g.words);
        g.words.push(Word { name: saved[k].name.clone(), ..saved[k] });
        let d = g.call(&mut call, saved[k].inputs);
        g.words = saved;
        let _ = write!(src, "  {line}{call}");
        src.push_str(&". ".repeat(d as usize));
        src.push_str("cr\n");
    }
    src.push_str(";\n");
    src
}

/// The program for a seed: twelve words, no uncaught errors.
pub fn program(seed: u64) -> String {
    program_from(&mut Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1), Options::default(), 12)
}
