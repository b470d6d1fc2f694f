//! `native-runner build` and running what it built.
//!
//! For every `tests/build/NAME.fs`, the linked module must validate, be
//! byte-identical when built twice, and print `NAME.out` when run, which is
//! also what `run NAME.fs -e MAIN` prints.

use std::path::{Path, PathBuf};

#[path = "common/harness.rs"]
mod harness;

use harness::{output as runner, text};

fn scratch(name: &str) -> PathBuf {
    harness::scratch_dir("build", name)
}

fn programs() -> Vec<PathBuf> {
    let v = harness::forth_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/build"));
    assert!(!v.is_empty());
    v
}

fn build(src: &Path, out: &Path) -> Vec<u8> {
    let o = runner(&["build", src.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "build {}: {}", src.display(), text(&o.stderr));
    std::fs::read(out).unwrap()
}

#[test]
fn built_modules_validate_are_deterministic_and_run() {
    let dir = scratch("programs");
    for src in programs() {
        let name = src.file_stem().unwrap().to_str().unwrap().to_string();
        let a = build(&src, &dir.join(format!("{name}.a.wasm")));
        let b = build(&src, &dir.join(format!("{name}.b.wasm")));
        assert!(a == b, "{name}: two builds differ");
        wasmparser::validate(&a).unwrap_or_else(|e| panic!("{name}: invalid module: {e}"));
        let want = std::fs::read_to_string(src.with_extension("out")).unwrap();
        let ran = runner(&["run", dir.join(format!("{name}.a.wasm")).to_str().unwrap()]);
        assert_eq!(ran.status.code(), Some(0), "{name}: {}", text(&ran.stderr));
        assert_eq!(text(&ran.stdout), want, "{name}: the built module's output");
        let direct = runner(&["run", src.to_str().unwrap(), "-e", "main"]);
        assert_eq!(text(&direct.stdout), want, "{name}: the source's output");
    }
}

#[test]
fn unreachable_words_are_left_out() {
    let dir = scratch("reach");
    let wasm = build(&programs()[0], &dir.join("s.wasm"));
    let names = wasmparser::Parser::new(0).parse_all(&wasm).filter_map(Result::ok).any(|p| matches!(p, wasmparser::Payload::CustomSection(c) if c.name() == "name" && c.data().windows(11).any(|w| w == b"unused-word")));
    assert!(!names, "unused-word should not be linked");
}

#[test]
fn a_missing_entry_word_is_a_clear_error() {
    let dir = scratch("noentry");
    let src = dir.join("p.fs");
    std::fs::write(&src, ": hello ;\n").unwrap();
    let o = runner(&["build", src.to_str().unwrap(), "-o", dir.join("p.wasm").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stderr), "error: the entry word MAIN is not defined (use --entry WORD)\n");
}

#[test]
fn a_file_that_is_not_a_built_module_is_refused() {
    let dir = scratch("notours");
    let bad = dir.join("x.wasm");
    std::fs::write(&bad, b"\0asm\x01\0\0\0").unwrap();
    let o = runner(&["run", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("not a FastForth image"), "{}", text(&o.stderr));
}

#[test]
fn another_entry_word_can_be_run() {
    let dir = scratch("entry");
    let wasm = dir.join("s.wasm");
    build(&programs()[0], &wasm);
    let o = runner(&["run", wasm.to_str().unwrap(), "--entry", "tick", "-e", "counter @ ."]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "1 ");
}

/// The number of `return_call` instructions in a module's code.
fn return_calls(wasm: &[u8]) -> usize {
    let mut n = 0;
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let Ok(wasmparser::Payload::CodeSectionEntry(body)) = payload {
            let mut ops = body.get_operators_reader().unwrap();
            while !ops.eof() {
                n += usize::from(matches!(ops.read().unwrap(), wasmparser::Operator::ReturnCall { .. }));
            }
        }
    }
    n
}

#[test]
fn a_definition_ending_in_a_call_returns_through_it() {
    let dir = scratch("return_call");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/run/return_call.fs");
    let main = dir.join("p.fs");
    let program = std::fs::read_to_string(&src).unwrap();
    std::fs::write(&main, format!("{program}\n: main 3 chain . ;\n")).unwrap();
    let at = |level: &str| {
        let out = dir.join(format!("p{level}.wasm"));
        let o = runner(&["build", level, main.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let run = runner(&["run", out.to_str().unwrap()]);
        assert_eq!(text(&run.stdout), "105 ", "{}", text(&run.stderr));
        return_calls(&std::fs::read(out).unwrap())
    };
    // MIX, PICK-PATH (both arms), PICK-PATH-ODD and CHAIN end in calls;
    // -O0 keeps every word on the memory stack, with plain calls.
    let (o2, o0) = (at("-O2"), at("-O0"));
    assert!(o2 >= o0 + 5, "-O2: {o2}, -O0: {o0}");
}
