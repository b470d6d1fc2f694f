//! Property test for the float-stack cache: random well-formed programs of
//! float words (stack shuffles, exact arithmetic on small halves,
//! comparisons steering `IF`, counted loops (whose floats may stay in
//! locals across the back edge), calls between words, float
//! variables, `FDEPTH`) print the same unoptimized (`-O0`), optimized
//! (`-O3`), and, where gforth 0.7.3 with 32-bit cells is available, as
//! gforth prints. Values stay exact in binary64 so that gforth's x87
//! arithmetic cannot round differently. Set `FLOAT_SEED` to try others.

mod common;
#[path = "common/harness.rs"]
mod harness;

use std::path::Path;
use std::process::Command;

struct Gen {
    x: u64,
    out: String,
}

impl Gen {
    fn below(&mut self, n: u64) -> u64 {
        self.x ^= self.x << 13;
        self.x ^= self.x >> 7;
        self.x ^= self.x << 17;
        self.x % n
    }

    fn lit(&mut self) -> String {
        let k = self.below(17) as i64 - 8;
        if self.below(2) == 0 {
            format!("{k}E ")
        } else {
            format!("{k}.5E ")
        }
    }

    /// Emits code that leaves the float depth at `to`, starting from `d`,
    /// with at most `budget` more words.
    fn code(&mut self, mut d: u32, to: u32, budget: u32, words: &[(String, u32, u32)]) {
        for _ in 0..budget {
            let pick = self.below(16);
            let text = match pick {
                0 | 1 => {
                    d += 1;
                    self.lit()
                }
                2 if d >= 1 => {
                    d += 1;
                    "FDUP ".into()
                }
                3 if d >= 2 => "FSWAP ".into(),
                4 if d >= 2 => {
                    d += 1;
                    "FOVER ".into()
                }
                5 if d >= 3 => ["FROT ", "FROT FROT "][self.below(2) as usize].into(),
                6 if d >= 2 => {
                    d -= 1;
                    ["F+ ", "F- ", "F* ", "FMAX ", "FMIN ", "FNIP "][self.below(6) as usize].into()
                }
                7 if d >= 1 => ["FNEGATE ", "FABS ", "FLOOR ", "FROUND ", "FTRUNC "][self.below(5) as usize].into(),
                8 if d >= 2 => {
                    // A comparison steering two branches with the same effect.
                    let mut t = ["F< ", "F= "][self.below(2) as usize].to_string();
                    t.push_str("IF ");
                    self.out.push_str(&t);
                    self.code(d - 2, d - 2, 3, words);
                    self.out.push_str("ELSE ");
                    self.code(d - 2, d - 2, 3, words);
                    self.out.push_str("THEN ");
                    d -= 2;
                    String::new()
                }
                9 if d >= 1 => {
                    // Loops whose floats stay in locals across the back edge.
                    let n = self.below(4);
                    let body = match self.below(4) {
                        0 | 1 => "I S>F F+",
                        2 if d >= 2 => "FSWAP I S>F F+ FNEGATE",
                        _ if d >= 2 => "FOVER F+ FSWAP",
                        _ => "FDUP F0< IF FNEGATE THEN 0.5E F+",
                    };
                    format!("{n} 0 ?DO {body} LOOP ")
                }
                10 if d >= 1 => {
                    d -= 1;
                    ["F>S . ", "F. ", "FDROP "][self.below(3) as usize].into()
                }
                11 => "FDEPTH . ".into(),
                12 if d >= 1 => "fv F! fv F@ ".into(),
                13 if d >= 1 => "FDUP F0< IF FNEGATE THEN ".into(),
                14 | 15 if !words.is_empty() => {
                    let (name, fin, fout) = words[self.below(words.len() as u64) as usize].clone();
                    if d >= fin {
                        d = d - fin + fout;
                        format!("{name} ")
                    } else {
                        String::new()
                    }
                }
                _ => String::new(),
            };
            self.out.push_str(&text);
        }
        while d < to {
            let l = self.lit();
            self.out.push_str(&l);
            d += 1;
        }
        while d > to {
            self.out.push_str(if d >= 2 { "F+ " } else { "F. " });
            d -= 1;
        }
    }
}

fn program(seed: u64) -> String {
    let mut g = Gen { x: seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1, out: String::new() };
    g.out.push_str("FVARIABLE fv\n");
    let mut words: Vec<(String, u32, u32)> = Vec::new();
    for i in 0..6 {
        let fin = g.below(3) as u32;
        let fout = g.below(3) as u32;
        let name = format!("w{i}");
        g.out.push_str(&format!(": {name} "));
        let budget = 4 + g.below(10) as u32;
        let known = words.clone();
        g.code(fin, fout, budget, &known);
        g.out.push_str(";\n");
        words.push((name, fin, fout));
    }
    g.out.push_str(": main 1E 2.5E ");
    let known = words.clone();
    g.code(2, 0, 12, &known);
    g.out.push_str("FDEPTH . CR ;\n");
    g.out
}

#[test]
fn float_programs_agree_at_every_level_and_with_gforth() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("float-programs");
    std::fs::create_dir_all(&dir).unwrap();
    let first: u64 = std::env::var("FLOAT_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let gforth = harness::gforth32();
    let mut failures = Vec::new();
    for seed in first..first + 30 {
        let src = program(seed);
        let f = dir.join(format!("f{seed}.fs"));
        let o0 = match harness::run_at_both_levels(&f, seed, &src) {
            Ok(o0) => o0,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        if let Some(g) = &gforth {
            let theirs = Command::new(g).arg(&f).args(["-e", "main bye"]).stdin(std::process::Stdio::null()).output();
            let theirs = String::from_utf8_lossy(&theirs.unwrap().stdout).into_owned();
            if theirs != o0.1 {
                failures.push(format!("seed {seed}: gforth differs\n{src}\nours:   {}\ngforth: {theirs}", o0.1));
            }
        }
    }
    assert!(failures.is_empty(), "{} of 30 programs disagree:\n\n{}", failures.len(), failures.join("\n\n"));
}
