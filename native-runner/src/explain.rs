//! `native-runner explain`: the optimizer's remarks on each definition of a
//! program (`compiler::remarks`), as text or JSON.
//!
//! With `--wat`, it prints the word's wasm function instead, as the image
//! linked with `--entry` (`MAIN`) holds it, each line of WAT beside the
//! source token it came from (`compiler::code_view`, what the playground's
//! code view shows).
//!
//! The files load as `run` loads them, with the program's own output
//! discarded, so that only the remarks reach standard output. An error
//! while loading is reported as `run` reports it (exit 1); a word that is
//! not a colon definition of the program, or an unknown pass, is a usage
//! error (exit 2).
//!
//! With `--ir PASS`, it prints instead the IR of each definition that pass
//! changed, before and after it (a link-time pass sees the program linked
//! with its entry, `MAIN`): the dumps the pass filetests of
//! `compiler/tests/passes/` compare.

use std::path::PathBuf;

use compiler::pipeline::Stage;
use compiler::remarks::WordRemarks;

use crate::console::Console;
use crate::provenance::Format;
use crate::session::{Limits, Session};

/// The optimizer's remarks on each definition of a program: its calling
/// convention (registers, with its stack effect, or memory, and why), the
/// words inlined into it, loops turned, unrolled or vectorized, and the
/// other rewrites. The program runs while it loads, as with `run`; its
/// output is discarded.
#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// A Forth source file.
    pub file: PathBuf,
    /// Only this colon definition [default: every definition of the program].
    pub word: Option<String>,
    /// Output format (JSON: schema `fastforth.explain/1`).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print the IR of each definition this pass changed, before and after
    /// it, instead of the remarks (`native-runner info` lists the passes).
    #[arg(long, value_name = "PASS", conflicts_with = "wat")]
    pub ir: Option<String>,
    /// Print WORD's wasm function as WAT, as the linked image holds it
    /// (after whole-program linking), each line with the source token it
    /// came from, instead of the remarks.
    #[arg(long, requires = "word")]
    pub wat: bool,
    /// With --wat, the entry word of the image: WORD is shown as the image
    /// linked with it holds it, or as linked with WORD itself as the entry
    /// if that image does not hold it [default: MAIN].
    #[arg(long, value_name = "ENTRY", requires = "wat")]
    pub entry: Option<String>,
    #[command(flatten)]
    pub limits: Limits,
}

/// Runs the subcommand; returns the process exit code.
pub fn run(args: ExplainArgs) -> anyhow::Result<i32> {
    let mut s = Session::boot(&args.limits, Console::silent())?;
    s.arm_timeout(&args.limits);
    if let Some(pass) = &args.ir {
        if let Err(why) = s.forth.trace_pass(pass) {
            eprintln!("error: {why}");
            return Ok(2);
        }
    }
    if let Some(code) = s.load(std::slice::from_ref(&args.file), &[]) {
        return Ok(code);
    }
    if let Some(pass) = &args.ir {
        return ir(&mut s, pass, args.word.as_deref());
    }
    if let (true, Some(word)) = (args.wat, args.word.as_deref()) {
        let code = match s.forth.word_code(&mut s.machine, word, args.entry.as_deref()) {
            Ok(c) => c,
            Err(d) => {
                eprintln!("error: {}", d.message);
                return Ok(2);
            }
        };
        let source = std::fs::read_to_string(&args.file).unwrap_or_default();
        print!("{}", annotated_wat(&code, &source)?);
        return Ok(0);
    }
    let words = match s.forth.explain(args.word.as_deref()) {
        Ok(w) => w,
        Err(d) => {
            eprintln!("error: {}", d.message);
            return Ok(2);
        }
    };
    match args.format {
        Format::Text => print!("{}", text(&words)),
        Format::Json => {
            let doc = serde_json::json!({ "schema": "fastforth.explain/1", "words": words });
            println!("{}", serde_json::to_string_pretty(&doc)?);
        }
    }
    Ok(0)
}

/// Prints what the traced pass did (for a link-time pass, after linking
/// the program with its entry, `MAIN`); returns the exit code.
fn ir(s: &mut Session, pass: &str, word: Option<&str>) -> anyhow::Result<i32> {
    let at_link = compiler::pipeline::PROGRAM_PASSES.iter().any(|p| p.name == pass && p.stage == Stage::Link);
    if at_link {
        let link = s.link_options(None);
        if let Err(d) = s.forth.link(&mut s.machine, &link) {
            eprintln!("error: cannot link: {}", d.message);
            return Ok(1);
        }
    } else if let Err(f) = s.forth.emit_pending(&mut s.machine) {
        eprintln!("error: cannot emit the pending definitions: {f:?}");
        return Ok(1);
    }
    let trace = s.forth.take_trace().expect("a pass is traced");
    let shown: Vec<_> =
        trace.changed.iter().filter(|(name, ..)| word.is_none_or(|w| name.eq_ignore_ascii_case(w))).collect();
    print!("{}", ir_text(&trace.pass, &shown));
    Ok(0)
}

/// The IR dumps as text: per changed definition, its IR before and after.
fn ir_text(pass: &str, changed: &[&(String, String, String)]) -> String {
    if changed.is_empty() {
        return format!("pass {pass} changed no definition\n");
    }
    let indent = |ir: &str| ir.lines().map(|l| format!("    {l}\n")).collect::<String>();
    let mut out = String::new();
    for (name, before, after) in changed {
        out += &format!("pass {pass} on {name}\n  before:\n{}  after:\n{}", indent(before), indent(after));
    }
    out
}

/// The remarks as text: one paragraph per word, `FILE:LINE:COL: WORD ( i -- o )`
/// then one indented line per remark.
pub fn text(words: &[WordRemarks]) -> String {
    let mut out = String::new();
    for w in words {
        let at = w.location.as_deref().map(|l| format!("{l}: ")).unwrap_or_default();
        let effect = w.effect.as_deref().map(|e| format!(" {e}")).unwrap_or_default();
        out.push_str(&format!("{at}{}{effect}\n", w.name));
        for r in &w.remarks {
            out.push_str(&format!("  {}: {}\n", r.pass, r.text));
        }
    }
    out
}

/// The word's function as WAT: a heading with its name and effect, a
/// comment saying which image it is from, then each line with
/// `;; TOKEN LINE:COL` when a token of `source` made it.
pub fn annotated_wat(code: &compiler::WordCode, source: &str) -> anyhow::Result<String> {
    let mut storage = String::new();
    let printed = wasmprinter::Config::new().offsets_and_lines(&code.module, &mut storage)?;
    let lines = compiler::code_view::function_lines(printed, code.body.clone(), &code.marks);
    let src: Vec<&str> = source.lines().collect();
    let token_text = |t: &compiler::source_map::Span| -> String {
        let line = src.get(t.line as usize - 1).copied().unwrap_or("");
        line.chars().skip(t.col as usize - 1).take(t.len as usize).collect()
    };
    let width = lines.iter().map(|(l, _)| l.len()).max().unwrap_or(0).min(48);
    let mut out = format!("{} {}\n;; {}\n", code.name, code.effect, code.linked);
    for (line, tok) in lines {
        match tok.and_then(|k| code.tokens.get(k as usize)) {
            Some(t) => out.push_str(&format!("{line:width$}  ;; {} {}:{}\n", token_text(t), t.line, t.col)),
            None => out.push_str(&format!("{}\n", line.trim_end())),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use compiler::remarks::Remark;

    #[test]
    fn text_has_one_paragraph_per_word() {
        let words = vec![WordRemarks {
            name: "SQ".into(),
            location: Some("a.fs:1:1".into()),
            effect: Some("( 1 -- 1 )".into()),
            remarks: vec![Remark { pass: "inline".into(), text: "inlined into MAIN".into() }],
        }];
        assert_eq!(text(&words), "a.fs:1:1: SQ ( 1 -- 1 )\n  inline: inlined into MAIN\n");
    }

    #[test]
    fn ir_dumps_name_the_pass_and_indent_each_side() {
        let one = ("SQ".to_string(), "b0:\n    return".to_string(), "b0:\n    lit 1\n    return".to_string());
        assert_eq!(
            ir_text("unroll", &[&one]),
            "pass unroll on SQ\n  before:\n    b0:\n        return\n  after:\n    b0:\n        lit 1\n        return\n"
        );
        assert_eq!(ir_text("unroll", &[]), "pass unroll changed no definition\n");
    }
}
