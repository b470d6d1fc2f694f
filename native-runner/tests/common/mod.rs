//! Shared by the integration tests: a generator of random well-formed
//! Forth programs.
//!
//! The generator tracks the stack depth, so every program is valid: stack
//! shuffles, arithmetic, comparisons, `>R`/`R>`, `IF ELSE THEN`, `?DO LOOP`
//! with `I`, `BEGIN UNTIL`, a `CREATE`d buffer, and calls to earlier words
//! with known effects. Divisions use non-zero literal divisors. Every value
//! stays a 32-bit cell, so gforth with 32-bit cells prints the same.
//!
//! Also the helpers the property and differential tests share: running the
//! runner, and finding the reference gforth.

// Each test crate uses only part of this module.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `native-runner` with the shared module cache: exit code, stdout, stderr.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .args(args)
        .arg("--cache-dir")
        .arg(Path::new(env!("CARGO_TARGET_TMPDIR")).join("module-cache"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Writes program `seed`'s `src` to `path` and runs `main` at `-O0` and
/// `-O3`: the `-O0` result, or why the two disagree.
pub fn run_at_both_levels(path: &Path, seed: u64, src: &str) -> Result<(i32, String, String), String> {
    std::fs::write(path, src).unwrap();
    let fs = path.to_str().unwrap();
    let o0 = run(&["run", "-O0", fs, "-e", "main"]);
    let o3 = run(&["run", "-O3", fs, "-e", "main"]);
    assert_eq!(o0.0, 0, "seed {seed}: the generator made an invalid program:\n{src}\n{}", o0.2);
    if o0 != o3 {
        return Err(format!("seed {seed}: -O0 and -O3 differ\n{src}\n-O0: {o0:?}\n-O3: {o3:?}"));
    }
    Ok(o0)
}

/// gforth 0.7.3 with 32-bit cells, if `.ci/setup` could install it.
pub fn gforth32() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/tools/gforth32");
    p.exists().then_some(p)
}

/// xorshift64*: small, deterministic, good enough to pick program shapes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn lit(&mut self) -> i64 {
        match self.below(4) {
            0 => self.below(10) as i64,
            1 => self.below(1000) as i64 - 500,
            2 => [i32::MAX as i64, i32::MIN as i64, -1, 65535][self.below(4) as usize],
            _ => self.below(100_000) as i64,
        }
    }
}

struct Word {
    name: String,
    inputs: u32,
    outputs: u32,
}

struct Gen {
    rng: Rng,
    words: Vec<Word>,
    loop_depth: u32,
}

impl Gen {
    /// Appends code that changes the depth from `d` to the returned depth,
    /// never going below zero; `budget` bounds the size.
    fn code(&mut self, out: &mut String, mut d: u32, budget: u32) -> u32 {
        for _ in 0..budget {
            match self.rng.below(22) {
                0..=3 => {
                    let _ = write!(out, "{} ", self.rng.lit());
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
                    let (op, grows) =
                        [("swap ", 0), ("over ", 1), ("nip ", -1), ("tuck ", 1)][self.rng.below(4) as usize];
                    out.push_str(op);
                    d = (d as i32 + grows) as u32;
                }
                7 if d >= 3 => out.push_str(["rot ", "-rot "][self.rng.below(2) as usize]),
                8..=10 if d >= 2 => {
                    out.push_str(
                        ["+ ", "- ", "* ", "and ", "or ", "xor ", "= ", "< ", "u< ", "max ", "min "]
                            [self.rng.below(11) as usize],
                    );
                    d -= 1;
                }
                11 if d >= 1 => {
                    out.push_str(["negate ", "1+ ", "2* ", "abs ", "0= ", "invert ", "2/ "][self.rng.below(7) as usize])
                }
                12 if d >= 1 => {
                    let div = self.rng.below(19) as i64 - 9;
                    // Neither 0 nor -1: MIN-INT -1 / is THROW -11 (as in gforth), not a value.
                    let div = if div == 0 || div == -1 { 7 } else { div };
                    let _ = write!(out, "{div} {} ", ["/", "mod"][self.rng.below(2) as usize]);
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
                    let n = self.rng.below(5);
                    let _ = write!(out, "{n} 0 ?do ");
                    self.loop_depth += 1;
                    let body_d = self.code(out, d, 3);
                    balance(out, body_d, d);
                    if self.rng.below(2) == 0 {
                        out.push_str(if d >= 1 { "i + " } else { "i drop " });
                    }
                    self.loop_depth -= 1;
                    out.push_str("loop ");
                }
                16 => {
                    let _ = write!(out, "{} begin 1- dup 0= until drop ", 1 + self.rng.below(4));
                }
                17 if !self.words.is_empty() => {
                    let w = &self.words[self.rng.below(self.words.len() as u64) as usize];
                    if d >= w.inputs {
                        let _ = write!(out, "{} ", w.name);
                        d = d - w.inputs + w.outputs;
                    }
                }
                18 if d >= 1 => {
                    let _ =
                        write!(out, "dup buf {} cells + ! buf {} cells + @ + ", self.rng.below(8), self.rng.below(8));
                }
                19 if d >= 2 => {
                    out.push_str("2dup + >r * r> xor ");
                    d -= 1;
                }
                _ => {}
            }
        }
        d
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

pub fn program(seed: u64) -> String {
    let mut g = Gen { rng: Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1), words: Vec::new(), loop_depth: 0 };
    let mut src = String::from("create buf 8 cells allot  buf 8 cells erase\n");
    for k in 0..12 {
        let inputs = g.rng.below(3) as u32;
        let mut body = String::new();
        let outputs = g.code(&mut body, inputs, 12);
        let name = format!("w{k}");
        let _ = writeln!(src, ": {name} {body};");
        g.words.push(Word { name, inputs, outputs });
    }
    src.push_str(": main\n");
    for w in &g.words {
        let mut args = String::new();
        for _ in 0..w.inputs {
            let _ = write!(args, "{} ", g.rng.lit());
        }
        let _ = write!(src, "  {args}{} ", w.name);
        for _ in 0..w.outputs {
            src.push_str(". ");
        }
        src.push_str("cr\n");
    }
    src.push_str(";\n");
    src
}
