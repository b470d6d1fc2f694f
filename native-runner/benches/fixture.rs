//! A generator of realistic Forth programs of a given number of lines.
//! Loading one runs no colon definition (so that a machine that runs
//! nothing can load it):
//! constants, variables and buffers, and colon definitions with loops,
//! conditionals, return-stack use and calls to earlier words, in the
//! proportions of ordinary application code. Deterministic for a size.

use std::fmt::Write as _;

/// A program of about `lines` lines that defines words only, ending with a
/// `MAIN` that calls the last ones.
pub fn program(lines: usize) -> String {
    let mut out = String::new();
    let mut seed = 0x2545_F491_4F6C_DD1Du64 ^ lines as u64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut words: Vec<(String, u32)> = Vec::new(); // name, inputs (all leave one item)
    let mut n_lines = 0;
    let mut k = 0;
    while n_lines < lines {
        k += 1;
        match next(10) {
            0 => {
                let _ = writeln!(out, "{} constant c{k}", next(1000));
                words.push((format!("c{k}"), 0));
                n_lines += 1;
            }
            1 => {
                let _ = writeln!(out, "variable v{k}  \\ set by the program at run time");
                let _ = writeln!(out, ": get{k} ( -- n ) v{k} @ ;");
                words.push((format!("get{k}"), 0));
                n_lines += 2;
            }
            2 => {
                let _ = writeln!(out, "256 buffer: buf{k}");
                let _ = writeln!(out, ": fill{k} ( n -- n ) 64 0 do dup i + buf{k} i cells + ! loop ;");
                let _ = writeln!(out, ": sum{k} ( n -- n ) drop 0 64 0 do buf{k} i cells + @ + loop ;");
                words.push((format!("fill{k}"), 1));
                words.push((format!("sum{k}"), 1));
                n_lines += 3;
            }
            _ => {
                let _ = writeln!(out, ": w{k} ( a b -- c )");
                let _ = writeln!(out, "  over over > if swap then   \\ keep the larger on top");
                let _ = writeln!(out, "  >r dup 1+ r@ * swap r> - ");
                let _ = writeln!(out, "  {} 0 do i over + 2/ loop", 2 + next(6));
                let mut body = String::from("  ");
                for _ in 0..2 {
                    if let Some((w, ins)) = words.get(next(words.len().max(1) as u64) as usize) {
                        match ins {
                            0 => {
                                let _ = write!(body, "{w} + ");
                            }
                            _ => {
                                let _ = write!(body, "{w} ");
                            }
                        }
                    }
                }
                let _ = writeln!(out, "{body}");
                let _ = writeln!(out, "  begin dup 100 > while 2/ repeat");
                let _ = writeln!(out, "  case 1 of 10 endof 2 of 20 endof dup endcase ;");
                words.push((format!("w{k}"), 2));
                n_lines += 7;
            }
        }
    }
    out.push_str(": main 1 2");
    for (w, ins) in words.iter().rev().take(4) {
        let _ = write!(out, " {}", if *ins == 2 { format!("{w} 3") } else { w.clone() });
    }
    out.push_str(" . ;\n");
    out
}
