//! `native-runner provenance`: the header report and its filters, `embed`,
//! `verify` (with `--write` keeping every other byte), and checking a
//! module's provenance section, including a tampered module.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn runner(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_native-runner")).args(args).output().unwrap()
}

fn ok(args: &[&str]) -> String {
    let o = runner(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}{}", text(&o.stdout), text(&o.stderr));
    text(&o.stdout)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn scratch(name: &str, file: &str, contents: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("provenance").join(name);
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(file);
    std::fs::write(&p, contents).unwrap();
    p
}

fn sample() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/provenance/sample.fs")).unwrap()
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

#[test]
fn report_counts_agents_and_filters() {
    let f = scratch("report", "s.fs", &sample());
    let p = f.to_str().unwrap();
    let all = json(&ok(&["provenance", p, "--format", "json"]));
    assert_eq!(all["total_definitions"], 4);
    assert_eq!(all["headed"], 3);
    assert_eq!(all["verified"], 0);
    assert_eq!(all["agents"], serde_json::json!(["agent-a", "agent-b"]));
    assert_eq!(all["words"][0]["status"], "changed since SPEC_HASH");
    let a = json(&ok(&["provenance", p, "--format", "json", "--agent", "agent-a"]));
    let names: Vec<&str> = a["words"].as_array().unwrap().iter().map(|w| w["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["square", "lies"]);
    let pat = json(&ok(&["provenance", p, "--format", "json", "--pattern", "arith/sum"]));
    assert_eq!(pat["words"][0]["name"], "sum-to");
    assert_eq!(pat["total_definitions"], 1);
    let fails = json(&ok(&["provenance", p, "--format", "json", "--failures"]));
    assert_eq!(fails["words"].as_array().unwrap().len(), 1, "only the edited square");
    let t = ok(&["provenance", p]);
    assert!(t.contains("definitions: 4 (3 with headers)"), "{t}");
    assert!(t.contains("agents:      agent-a, agent-b"), "{t}");
}

#[test]
fn embed_extract_verify_round_trip() {
    let f = scratch("roundtrip", "s.fs", &sample());
    let p = f.to_str().unwrap();
    ok(&[
        "provenance",
        "embed",
        p,
        "--word",
        "square",
        "--agent",
        "gen-9",
        "--pattern",
        "arith/sq",
        "--timestamp",
        "2026-01-02T03:04:05Z",
        "--performance-target",
        "1ms",
    ]);
    let after = std::fs::read_to_string(&f).unwrap();
    assert!(after.contains("\\ GENERATED_BY: gen-9\n\\ PATTERN_ID: arith/sq\n"), "{after}");
    assert!(after.contains("\\ TIMESTAMP: 2026-01-02T03:04:05Z\n\\ PERFORMANCE_TARGET: 1ms\n: square"), "{after}");
    let r = json(&ok(&["provenance", p, "--format", "json", "--agent", "gen-9"]));
    let w = &r["words"][0];
    assert_eq!(w["spec_hash_matches"], true);
    assert_eq!(w["headers"]["SPEC_HASH"], w["spec_hash"]);
    assert_eq!(w["status"], "not verified");

    // square and sum-to pass; lies has a wrong stack comment.
    let v = runner(&["provenance", "verify", p, "--write", "--format", "json"]);
    assert_eq!(v.status.code(), Some(1), "{}", text(&v.stderr));
    let v = json(&text(&v.stdout));
    assert_eq!((v["passed"].as_u64(), v["failed"].as_u64()), (Some(2), Some(1)));
    let sq = &v["words"][0]["verification"];
    assert_eq!((sq["stack_balanced"].as_bool(), sq["compiled"].as_bool()), (Some(true), Some(true)));
    assert_eq!((sq["tests_passed"].as_u64(), sq["tests_total"].as_u64()), (Some(2), Some(2)));
    assert_eq!(sq["performance_met"], true);
    let lies = &v["words"][2];
    assert_eq!(lies["verification"]["stack_balanced"], false);
    assert!(lies["notes"][0].as_str().unwrap().contains("declares ( 2 -- 1 ) but the inferred effect is ( 1 -- 0 )"));

    let r = json(&ok(&["provenance", p, "--format", "json"]));
    assert_eq!(r["verified"], 2);
    assert_eq!(r["verified_share"], 0.5);
    let only = json(&ok(&["provenance", p, "--format", "json", "--verified-only"]));
    assert_eq!(only["words"].as_array().unwrap().len(), 2);

    // An edit after verification is detected through SPEC_HASH.
    let edited =
        std::fs::read_to_string(&f).unwrap().replace(": square ( n -- n*n ) dup * ;", ": square ( n -- n*n ) dup + ;");
    std::fs::write(&f, edited).unwrap();
    let r = json(&ok(&["provenance", p, "--format", "json", "--failures"]));
    let names: Vec<&str> = r["words"].as_array().unwrap().iter().map(|w| w["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["square", "lies"]);
    assert_eq!(r["words"][0]["status"], "changed since SPEC_HASH");
    // And verification now finds the broken test.
    let v = json(&text(&runner(&["provenance", "verify", p, "--format", "json"]).stdout));
    assert_eq!(v["words"][0]["verification"]["tests_passed"], 0);
}

/// The file with its `\ VERIFIED:` lines removed.
fn without_verified(s: &str) -> String {
    s.split_inclusive('\n').filter(|l| !l.starts_with("\\ VERIFIED:")).collect()
}

#[test]
fn write_changes_only_verified_lines() {
    let src = "\\ GENERATED_BY: x\r\n\\ VERIFIED: stale\r\n: a ( n -- n ) 1+ ;  \\ trailing text \t\r\n\r\n\\ GENERATED_BY: y\n: b ( -- n ) 7 ;\t\nT{ 1 a -> 2 }T  T{ b -> 7 }T\r\n\\ GENERATED_BY: z\n: c ( n -- ) drop ;";
    let f = scratch("write", "w.fs", src);
    let p = f.to_str().unwrap();
    let o = runner(&["provenance", "verify", p, "--write"]);
    assert_eq!(o.status.code(), Some(1), "c has no test: {}", text(&o.stdout));
    let after = std::fs::read_to_string(&f).unwrap();
    assert_eq!(without_verified(&after), without_verified(src));
    let verified: Vec<&str> = after.lines().filter(|l| l.starts_with("\\ VERIFIED:")).collect();
    assert_eq!(verified.len(), 3, "{after}");
    assert!(after.contains(
        "\\ VERIFIED: stack_balanced=true, tests_passed=1/1, type_checked=true, compiled=true, verified_at="
    ));
    assert!(after.contains("tests_passed=0/0"), "c: {after}");
    // The replaced line kept its CRLF; the inserted one uses its definition's line end.
    assert!(after.starts_with("\\ GENERATED_BY: x\r\n\\ VERIFIED: stack_balanced=true"));
    assert!(after.ends_with("Z\n: c ( n -- ) drop ;"), "{after}");
    let leftovers = std::fs::read_dir(f.parent().unwrap())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0, "no temporary file is left behind");
}

/// Headers exactly as generators write them: comma-separated VERIFIED
/// with `tests_passed=N/M` and `type_checked`, a 12-digit SPEC_HASH prefix,
/// a named optimization level and a unitless performance target.
#[test]
fn the_generators_header_format_is_read_and_its_failures_found() {
    let word = ": sq ( n -- n*n ) dup * ;";
    let hash = &compiler::provenance::spec_hash(word)[..12];
    let src = format!(
        "\\ GENERATED_BY: model-x\n\\ PATTERN_ID: RECURSIVE_004\n\\ TIMESTAMP: 2025-01-15T10:23:45Z\n\
         \\ VERIFIED: stack_balanced=true, tests_passed=3/3, type_checked=true, compiled=true\n\
         \\ SPEC_HASH: {hash}\n\\ OPTIMIZATION_LEVEL: Aggressive\n\\ PERFORMANCE_TARGET: 0.9\n{word}\n\n\
         \\ GENERATED_BY: model-x\n\\ PATTERN_ID: RECURSIVE_004\n\
         \\ VERIFIED: stack_balanced=true, tests_passed=2/3, type_checked=true, compiled=true\n\
         : cube ( n -- n ) dup sq * ;\nT{{ 2 sq -> 4 }}T T{{ 2 cube -> 8 }}T\n"
    );
    let f = scratch("seed", "seed.fs", &src);
    let p = f.to_str().unwrap();
    let r = json(&ok(&["provenance", p, "--format", "json"]));
    let (sq, cube) = (&r["words"][0], &r["words"][1]);
    assert_eq!(sq["status"], "verified");
    assert_eq!(sq["spec_hash_matches"], true);
    assert_eq!(
        (sq["verification"]["tests_passed"].as_u64(), sq["verification"]["tests_total"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(sq["verification"]["type_checked"], true);
    assert_eq!(cube["status"], "failed");
    let fails = json(&ok(&["provenance", p, "--format", "json", "--failures"]));
    let names: Vec<&str> = fails["words"].as_array().unwrap().iter().map(|w| w["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["cube"]);
    let pattern = json(&ok(&["provenance", p, "--format", "json", "--pattern", "RECURSIVE_004", "--verified-only"]));
    assert_eq!(pattern["total_definitions"], 1);
    // Verifying writes the same format; the unitless target is noted, not failed.
    let v = runner(&["provenance", "verify", p, "--write", "--format", "json"]);
    assert_eq!(v.status.code(), Some(0), "{}{}", text(&v.stdout), text(&v.stderr));
    let v = json(&text(&v.stdout));
    assert!(v["words"][0]["notes"].to_string().contains("PERFORMANCE_TARGET 0.9 has no time unit"), "{v}");
    let after = std::fs::read_to_string(&f).unwrap();
    assert!(
        after.contains(
            "\\ VERIFIED: stack_balanced=true, tests_passed=1/1, type_checked=true, compiled=true, verified_at="
        ),
        "{after}"
    );
}

#[test]
fn verify_reports_load_errors_and_missing_words() {
    let f = scratch(
        "loaderr",
        "e.fs",
        "\\ GENERATED_BY: q\n: ok ( -- n ) 1 ;\nnonsense-word\n\\ GENERATED_BY: q\n: late ( -- ) ;\nT{ ok -> 1 }T\n",
    );
    let o = runner(&["provenance", "verify", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(
        out.contains("load error: ") && out.contains("e.fs:3:1: error: nonsense-word: undefined word (THROW -13)"),
        "{out}"
    );
    assert!(out.contains("ok: PASS"), "{out}");
    assert!(
        out.contains("late: FAIL (stack_balanced=false, tests_passed=0/0, type_checked=false, compiled=false"),
        "{out}"
    );
}

#[test]
fn embed_refuses_unknown_words_and_bad_targets() {
    let f = scratch("embederr", "x.fs", ": a ;\n");
    let p = f.to_str().unwrap();
    let o = runner(&["provenance", "embed", p, "--word", "zz", "--agent", "a"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("no colon definition named zz"), "{}", text(&o.stderr));
    let o = runner(&["provenance", "embed", p, "--word", "a", "--agent", "a", "--performance-target", "soon"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), ": a ;\n");
}

#[test]
fn module_provenance_is_checked_and_tampering_detected() {
    let src = scratch("module", "m.fs", ": main 6 7 * . cr ;\n");
    let wasm = src.with_extension("wasm");
    let (s, w) = (src.to_str().unwrap(), wasm.to_str().unwrap());
    let o = runner(&["build", s, "-o", w]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = ok(&["provenance", w, "--source", s]);
    assert!(out.contains("ok: module code_sha256") && out.contains("ok: source"), "{out}");
    let doc = json(&ok(&["provenance", w, "--format", "json"]));
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["provenance"]["entry"], "MAIN");

    // Flip one byte in the middle of the code section.
    let mut bytes = std::fs::read(&wasm).unwrap();
    let code = wasmparser::Parser::new(0)
        .parse_all(&bytes)
        .find_map(|p| match p.unwrap() {
            wasmparser::Payload::CodeSectionStart { unchecked_range, .. } => Some(unchecked_range),
            _ => None,
        })
        .unwrap();
    bytes[((code.start + code.end) / 2) as usize] ^= 0x01;
    let bad = wasm.with_file_name("tampered.wasm");
    std::fs::write(&bad, &bytes).unwrap();
    let o = runner(&["provenance", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("MISMATCH: module code_sha256: recorded"), "{}", text(&o.stdout));
    assert!(text(&o.stderr).contains("does not match its provenance: module code_sha256, module content_sha256"));

    std::fs::write(&src, ": main 6 7 * . cr ; \\ edited\n").unwrap();
    let o = runner(&["provenance", w, "--source", s]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("MISMATCH: source"), "{}", text(&o.stdout));

    let o = runner(&["provenance", s, "--source", s]);
    assert_eq!(o.status.code(), Some(2), "--source needs a module");
}

#[test]
fn a_wrong_stack_comment_is_a_warning_at_load_time() {
    let f = scratch("warning", "w.fs", ": lies ( a b -- c ) drop ;\n: fine ( a b -- c ) + ;\n1 2 lies . 1 2 fine .\n");
    let o = runner(&["run", f.to_str().unwrap()]);
    assert_eq!((o.status.code(), text(&o.stderr).as_str()), (Some(0), ""), "off by default");
    let o = runner(&["run", f.to_str().unwrap(), "--warn-stack-comments"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "1 3 ");
    let err = text(&o.stderr);
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [format!(
            "{}:1:1: warning: lies: the stack comment declares ( 2 -- 1 ) but the inferred effect is ( 1 -- 0 )",
            f.display()
        )],
        "{err}"
    );
}
