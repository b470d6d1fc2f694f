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

/// The modules compiled into the cache at `cache` (`.cwasm` files).
fn compiled_modules(cache: &Path) -> usize {
    std::fs::read_dir(cache).unwrap().flatten().filter(|e| e.path().extension().is_some_and(|x| x == "cwasm")).count()
}

#[test]
fn building_emits_batch_modules_only_for_words_run_while_loading() {
    let dir = scratch("batch_emission");
    let cache = dir.join("cache");
    let _ = std::fs::remove_dir_all(&cache);
    let build_in_cache = |name: &str, src: &str| {
        let path = dir.join(format!("{name}.fs"));
        std::fs::write(&path, src).unwrap();
        let out = dir.join(format!("{name}.wasm"));
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_native-runner"))
            .args([
                "build",
                "--cache-dir",
                cache.to_str().unwrap(),
                path.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "build {name}: {}", text(&o.stderr));
        let ran = runner(&["run", out.to_str().unwrap()]);
        assert_eq!(ran.status.code(), Some(0), "run {name}: {}", text(&ran.stderr));
        text(&ran.stdout)
    };
    // The first build boots from source and caches the system; the second
    // restores it (and compiles the merged prelude once).
    build_in_cache("first", ": main 1 . ;\n");
    build_in_cache("second", ": main 2 . ;\n");
    let booted = compiled_modules(&cache);
    // Definitions that nothing runs while the file loads are linked from
    // their IR: no batch module is compiled for them.
    let defines = ": sq dup * ;\n: cube dup sq * ;\n: main 3 cube . ;\n";
    assert_eq!(build_in_cache("defines", defines), "27 ");
    assert_eq!(compiled_modules(&cache), booted, "a file that only defines words compiled a batch module");
    // A word run while loading is emitted (with what was defined before
    // it) and runs.
    let runs = ": sq dup * ;\n4 sq constant sixteen\n: main sixteen . ;\n";
    assert_eq!(build_in_cache("runs", runs), "16 ");
    assert_eq!(compiled_modules(&cache), booted + 1, "a word run while loading needs exactly one batch module");
}
