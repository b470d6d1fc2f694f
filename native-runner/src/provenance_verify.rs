//! `native-runner provenance verify`: check every headed word of a Forth
//! file for real, and optionally record the result in its `\ VERIFIED:` line.
//!
//! For each word with provenance headers:
//! - `compiled`: after loading the file (its `T{ ... }T` tests blanked out,
//!   so no test harness is needed), the word is a colon definition; a load
//!   error stops loading, so words after it are not compiled;
//! - `stack_balanced`: the compiler's inferred static effect has as many
//!   inputs and outputs as the stack comment after the name declares;
//! - `type_checked`: the compiler inferred a static stack effect for the
//!   word (the same inputs and outputs on every path: a Forth word's type);
//! - `tests_passed`/`tests_total`: every `T{ code -> expected }T` test (of
//!   the file, or of `--tests FILE` loaded after it) whose code names the
//!   word is run: `code` on an empty stack, then `expected` on an empty
//!   stack, and the two stacks must be equal with no error;
//! - `performance_met` (only with `PERFORMANCE_TARGET`): the code of the
//!   word's first passing test, compiled into a counted loop, is timed after
//!   one warm-up call (in CPU time of the thread, see `counting`); the time
//!   per iteration (which includes pushing the test's arguments) must be at
//!   most the target; a target that is a bare number (generators write
//!   scores such as `0.9`) is no time, so it is noted and not checked;
//! - `verified_at`: now.

use std::path::PathBuf;
use std::time::Duration;

use compiler::provenance::{self, declared_effect, headed_definitions, Headed, Key, TestCase, Verification};
use compiler::Stop;
use serde_json::json;

use crate::console::Console;
use crate::provenance::{read_source, write_atomically, Format};
use crate::session::{Limits, Session};

/// Verify each word that has provenance headers: it compiles, its inferred
/// stack effect matches its stack comment, the T{ ... -> ... }T tests that
/// use it pass, and it meets its PERFORMANCE_TARGET. Exits 1 if any word
/// fails. --write records the results in the words' \ VERIFIED: lines,
/// changing no other byte of the file.
#[derive(clap::Args, Debug)]
pub struct VerifyArgs {
    /// The Forth source file.
    pub file: PathBuf,
    /// A file of T{ ... -> ... }T tests, loaded after FILE [default: the
    /// tests in FILE].
    #[arg(long, value_name = "FILE")]
    pub tests: Option<PathBuf>,
    /// Record the results in the \ VERIFIED: lines (atomically).
    #[arg(long)]
    pub write: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub limits: Limits,
}

/// What verification found for one word, with the reasons behind it.
struct Outcome {
    name: String,
    v: Verification,
    notes: Vec<String>,
}

/// Runs the subcommand; returns the process exit code.
pub fn run(a: &VerifyArgs) -> anyhow::Result<i32> {
    let text = read_source(&a.file)?;
    let defs = headed_definitions(&text);
    let headed: Vec<&Headed> = defs.iter().filter(|h| h.is_headed()).collect();
    let mut s = Session::boot(&a.limits, Console::silent())?;
    let file_name = a.file.to_string_lossy().into_owned();
    let mut load_error = load(&mut s, &a.limits, &file_name, &text);
    let tests = match &a.tests {
        Some(p) => {
            let t = read_source(p)?;
            if load_error.is_none() {
                load_error = load(&mut s, &a.limits, &p.to_string_lossy(), &t);
            }
            provenance::tests(&t)
        }
        None => provenance::tests(&text),
    };
    let now = crate::host::timestamp();
    let mut outcomes = Vec::new();
    for h in &headed {
        outcomes.push(verify_word(&mut s, &a.limits, h, &tests, &now));
    }
    let failed = outcomes.iter().filter(|o| !o.v.passed()).count();
    if a.format == Format::Json {
        let doc = json!({
            "file": a.file.display().to_string(),
            "load_error": load_error,
            "words": outcomes.iter().map(|o| json!({"name": o.name, "verification": o.v, "passed": o.v.passed(), "notes": o.notes})).collect::<Vec<_>>(),
            "passed": outcomes.len() - failed,
            "failed": failed,
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        if let Some(e) = &load_error {
            println!("load error: {e}");
        }
        for o in &outcomes {
            println!("{}: {} ({})", o.name, if o.v.passed() { "PASS" } else { "FAIL" }, o.v);
            for n in &o.notes {
                println!("  {n}");
            }
        }
        println!("{} word(s) verified, {failed} failed", outcomes.len() - failed);
    }
    if a.write && !outcomes.is_empty() {
        let results: Vec<(String, Verification)> = outcomes.iter().map(|o| (o.name.clone(), o.v.clone())).collect();
        let out = provenance::write_verified(&text, &results).map_err(|e| anyhow::anyhow!("{e}"))?;
        write_atomically(&a.file, out.as_bytes())?;
    }
    Ok(if failed == 0 { 0 } else { 1 })
}

/// Loads source text with its tests blanked; returns the error, if any.
fn load(s: &mut Session, limits: &Limits, name: &str, text: &str) -> Option<String> {
    s.arm_timeout(limits);
    let res = s.forth.load_source(&mut s.machine, name, provenance::without_tests(text).as_bytes());
    let res = res.and_then(|()| s.forth.end_of_input());
    match res {
        Ok(()) => None,
        Err(stop) => {
            s.forth.reset(&mut s.machine);
            Some(match stop {
                Stop::Bye => "the file executes BYE".to_string(),
                Stop::Quit => "the file executes QUIT".to_string(),
                Stop::Error(d) => d.to_string(),
            })
        }
    }
}

/// Interprets `code` on an empty stack; the stack it leaves, or the error.
fn eval(s: &mut Session, limits: &Limits, code: &str) -> Result<Vec<i32>, String> {
    s.forth.reset(&mut s.machine);
    s.arm_timeout(limits);
    let line = code.replace(['\n', '\r'], " ");
    let res = s.forth.interpret_line(&mut s.machine, "test", &line);
    let stack = s.forth.data_stack(&mut s.machine);
    s.forth.reset(&mut s.machine);
    match res {
        Ok(()) => Ok(stack),
        Err(Stop::Bye) => Err("the test executes BYE".into()),
        Err(Stop::Quit) => Err("the test executes QUIT".into()),
        Err(Stop::Error(d)) => Err(d.to_string()),
    }
}

fn uses(t: &TestCase, word: &str) -> bool {
    t.code_tokens.iter().any(|tok| tok.eq_ignore_ascii_case(word))
}

fn verify_word(s: &mut Session, limits: &Limits, h: &Headed, tests: &[TestCase], now: &str) -> Outcome {
    let name = h.def.name.clone();
    let mut notes = Vec::new();
    let inferred = if s.forth.colon_xt(&name).is_some() {
        s.forth.inferred_effect(&name).map_err(|d| d.message)
    } else {
        Err(format!("{name} is not defined after loading"))
    };
    let compiled = inferred.is_ok();
    let type_checked = matches!(inferred, Ok(Some(_)));
    let declared = h.def.stack_comment.as_deref().and_then(declared_effect);
    let stack_balanced = match (&inferred, declared) {
        (Ok(Some(e)), Some((i, o))) => {
            if (e.inputs, e.outputs) != (i, o) {
                notes.push(format!("stack comment declares ( {i} -- {o} ) but the inferred effect is {e}"));
            }
            (e.inputs, e.outputs) == (i, o)
        }
        (Ok(None), _) => {
            notes.push("the stack effect is not static (it depends on the data)".into());
            false
        }
        (Ok(Some(_)), None) => {
            notes.push("no stack comment with fixed item counts after the name".into());
            false
        }
        (Err(e), _) => {
            notes.push(e.clone());
            false
        }
    };
    let mine: Vec<&TestCase> = tests.iter().filter(|t| uses(t, &name)).collect();
    let mut passed = Vec::new();
    for t in &mine {
        let got = eval(s, limits, &t.code);
        let want = eval(s, limits, &t.expected);
        match (got, want) {
            (Ok(g), Ok(w)) if g == w => passed.push(*t),
            (Ok(g), Ok(w)) => notes.push(format!("test on line {}: got {g:?}, expected {w:?}", t.line + 1)),
            (Err(e), _) | (_, Err(e)) => notes.push(format!("test on line {}: {e}", t.line + 1)),
        }
    }
    if mine.is_empty() {
        notes.push("no T{ ... }T test uses this word".into());
    }
    let target = h.get(Key::PerformanceTarget).filter(|t| {
        let unitless = t.trim().parse::<f64>().is_ok();
        if unitless {
            notes.push(format!("PERFORMANCE_TARGET {t} has no time unit (such as 50ns), so it is not checked"));
        }
        !unitless
    });
    let performance_met = target.map(|target| {
        let Some(limit) = provenance::parse_time_target(target) else {
            notes.push(format!("PERFORMANCE_TARGET {target} is not a time such as 50ns"));
            return false;
        };
        let Some(t) = passed.first() else {
            notes.push("no passing test to time".into());
            return false;
        };
        match time_per_call(s, limits, &t.code) {
            Ok(ns) => {
                notes.push(format!("measured {ns:.1} ns per call (target {target})"));
                ns <= limit
            }
            Err(e) => {
                notes.push(format!("timing failed: {e}"));
                false
            }
        }
    });
    let v = Verification {
        stack_balanced: Some(stack_balanced),
        tests_passed: Some(passed.len() as u32),
        tests_total: Some(mine.len() as u32),
        type_checked: Some(type_checked),
        compiled: Some(compiled),
        performance_met,
        verified_at: Some(now.to_string()),
        other: Vec::new(),
    };
    Outcome { name, v, notes }
}

/// Times `code` in a compiled counted loop; nanoseconds per iteration.
fn time_per_call(s: &mut Session, limits: &Limits, code: &str) -> Result<f64, String> {
    let depth = eval(s, limits, code)?.len();
    let def = format!(
        ": provenance-timing-loop ( n -- ) 0 ?do {} {} loop ;",
        code.replace(['\n', '\r'], " "),
        "drop ".repeat(depth)
    );
    eval(s, limits, &def)?;
    eval(s, limits, "1 provenance-timing-loop")?;
    let mut n: u64 = 1000;
    loop {
        let start = crate::counting::Stopwatch::start();
        eval(s, limits, &format!("{n} provenance-timing-loop"))?;
        let took = start.elapsed();
        if took >= Duration::from_millis(50) || n >= 100_000_000 {
            return Ok(took.as_nanos() as f64 / n as f64);
        }
        n *= 10;
    }
}
