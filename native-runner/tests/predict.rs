//! `native-runner predict`, `calibrate` and `profile`: exact operation and
//! call counts from the instrumented build, targets and `--enforce`, model
//! files, the profile's top words, and the predictions (with suggestions)
//! of `tests/predict/`, which the browser façade must make alike.

use std::path::{Path, PathBuf};
use std::process::Output;

#[path = "common/harness.rs"]
mod harness;

use harness::{output as runner, text};

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", text(&o.stdout), text(&o.stderr)))
}

fn scratch(name: &str) -> PathBuf {
    harness::scratch_dir("predict", name)
}

/// 100 calls of SQ, each one DUP and one *, inside a counted loop.
const LOOP: &str = ": sq ( n -- n ) dup * ;\n: main ( -- ) 0 100 0 do i sq + loop . cr ;\n";

fn program(dir: &Path, src: &str) -> String {
    let p = dir.join("p.fs");
    std::fs::write(&p, src).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn counts_are_exact() {
    let p = program(&scratch("counts"), LOOP);
    let o = runner(&["predict", &p, "--no-inline", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let doc = json(&o);
    let words = doc["prediction"]["words"].as_array().unwrap();
    let sq = words.iter().find(|w| w["name"] == "sq").unwrap();
    assert_eq!(sq["calls"], 100);
    let main = words.iter().find(|w| w["name"] == "main").unwrap();
    assert_eq!(main["calls"], 1);
    let ops = &doc["prediction"]["ops"];
    // sq: 100 × (DUP, *); main: 100 × (I, call, +) plus the loop's tests:
    // its 100 trips are known, so each unrolled round of 4 tests once.
    assert!(ops["call"].as_f64().unwrap() >= 100.0);
    assert!(ops["branch"].as_f64().unwrap() >= 25.0);
    assert!(ops["arith"].as_f64().unwrap() >= 200.0, "{ops}");
    assert!(doc["prediction"]["predicted_ns"].as_f64().unwrap() > 0.0);
    assert_eq!(doc["performance_met"], serde_json::Value::Null, "no target given");
    // The module is the one `build` writes.
    let w = scratch("counts").join("p.wasm");
    let b = runner(&["build", &p, "-o", w.to_str().unwrap(), "--no-inline"]);
    assert_eq!(b.status.code(), Some(0));
    assert_eq!(doc["prediction"]["module_bytes"].as_u64(), Some(std::fs::metadata(&w).unwrap().len()));
}

/// Each program of `tests/predict/` beside its prediction as `predict
/// --format json` gives it (`NAME.json`, the `prediction` object), which
/// `web/tests/performance.test.mjs` requires of the browser façade too, so
/// both hosts make the same rows, numbers and suggestions. `BLESS=1`
/// rewrites them. The programs run from their folder, loaded by file name,
/// as the façade loads them.
#[test]
fn predictions_match_their_golden_files() {
    let dir = harness::repo().join("tests").join("predict");
    let programs = harness::forth_files(&dir);
    assert!(!programs.is_empty(), "the golden programs are there");
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for fs in programs {
        let name = fs.file_name().unwrap().to_str().unwrap();
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_native-runner"))
            .args(["predict", name, "--format", "json"])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{name}: {}", text(&o.stderr));
        let got = serde_json::to_string_pretty(&json(&o)["prediction"]).unwrap() + "\n";
        let golden = fs.with_extension("json");
        if bless {
            std::fs::write(&golden, &got).unwrap();
        } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(&got[..]) {
            failures.push(format!("{name}:\n{got}"));
        }
    }
    assert!(failures.is_empty(), "predictions differ (BLESS=1 to accept):\n{}", failures.join("\n"));
}

/// The text output lists a hot word's suggestion under it, and `profile`
/// gives the same suggestion.
#[test]
fn hot_words_get_suggestions() {
    let dir = harness::repo().join("tests").join("predict");
    let p = dir.join("mixed.fs");
    let p = p.to_str().unwrap();
    let o = runner(&["predict", p]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("      suggestion: a chain of dependent operations is "), "{out}");
    assert!(out.contains("(reads below its arguments: PICK with an index computed at run time)"), "{out}");
    let o = runner(&["profile", p, "--runs", "1", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let doc = json(&o);
    let hot = doc["words"].as_array().unwrap().iter().find(|w| w["name"] == "digit-sum").unwrap();
    assert!(hot["suggestion"].as_str().unwrap().starts_with("a chain of dependent operations is "), "{hot}");
}

#[test]
fn targets_and_enforce() {
    let p = program(&scratch("targets"), LOOP);
    let o = runner(&["predict", &p, "--target-ns", "0.001", "--no-inline"]);
    assert_eq!(o.status.code(), Some(0), "a miss without --enforce still exits 0");
    assert!(text(&o.stdout).contains("performance_met: false"), "{}", text(&o.stdout));
    let err = text(&o.stderr);
    assert!(err.contains("missed a target; the predicted time is dominated by "), "{err}");
    assert!(err.contains("sq (") || err.contains("main ("), "{err}");
    let o = runner(&["predict", &p, "--target-ns", "0.001", "--enforce"]);
    assert_eq!(o.status.code(), Some(4));
    let o = runner(&["predict", &p, "--max-module-bytes", "100", "--enforce", "--format", "json"]);
    assert_eq!(o.status.code(), Some(4));
    assert_eq!(json(&o)["targets"][0]["met"], false);
    let o = runner(&[
        "predict",
        &p,
        "--target-ns",
        "1e12",
        "--max-module-bytes",
        "10000000",
        "--max-memory",
        "1000000000",
        "--target-ratio-c",
        "1e9",
        "--c-ns",
        "1000",
        "--enforce",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let doc = json(&o);
    assert_eq!(doc["performance_met"], true);
    assert_eq!(doc["targets"].as_array().unwrap().len(), 4);
    let o = runner(&["predict", &p, "--target-ratio-c", "2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("needs --c-ns or a C twin"), "{}", text(&o.stderr));
}

/// The C twin of `--target-ratio-c` is built as `bench` builds twins: with
/// `$CC` when it is set.
#[test]
fn the_c_twin_is_built_with_cc() {
    let dir = scratch("cc");
    let p = program(&dir, LOOP);
    std::fs::write(dir.join("p.c"), "int main(void) { return 0; }\n").unwrap();
    let run = |cc: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_native-runner"))
            .args(["predict", &p, "--target-ratio-c", "1000", "--format", "json"])
            .env("CC", cc)
            .output()
            .unwrap()
    };
    let o = run("no-such-compiler-here");
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("cannot run no-such-compiler-here"), "{}", text(&o.stderr));
    let o = run("cc");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(json(&o)["targets"].as_array().is_some_and(|t| !t.is_empty()));
}

#[test]
fn errors_are_clear() {
    let dir = scratch("errors");
    let p = program(&dir, ": main 1 0 / . ;\n");
    let o = runner(&["predict", &p]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("running MAIN failed: ") && text(&o.stderr).contains("THROW -10"),
        "{}",
        text(&o.stderr)
    );
    let bad = dir.join("bad-model.json");
    std::fs::write(&bad, "{\"format\":\"fastforth.cost-model/2\",\"ns_per_op\":{\"arith\":1}}").unwrap();
    let o = runner(&["predict", &program(&dir, LOOP), "--model", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("has no cost for class divide"), "{}", text(&o.stderr));
}

#[test]
fn calibrate_writes_a_model_that_predict_reads() {
    let dir = scratch("calibrate");
    let progs = [
        ("arith", ": main 0 20000 0 do i 3 * xor 7 + loop . ;"),
        ("mem", "create b 64 allot : main 20000 0 do i b ! b @ drop loop ;"),
        ("calls", ": f ( n -- n ) 1+ ; : main 0 20000 0 do f loop . ;"),
        ("branch", ": main 0 20000 0 do i 1 and if 1+ else 2 + then loop . ;"),
        ("stack", ": main 1 2 3 20000 0 do rot swap over drop loop . . . ;"),
        ("host", ": main 200 0 do 32 emit loop ;"),
        ("mixed", "create b 64 allot : g ( n -- n ) dup b +! ; : main 0 10000 0 do i g + loop . ;"),
        ("divide", ": main 0 20000 1 do 1000000 i / + loop . ;"),
        ("bulk", "create b 65536 allot : main 100 0 do b 65536 i fill loop ;"),
    ];
    let suite = dir.join("suite");
    for (name, src) in progs {
        std::fs::create_dir_all(suite.join(name)).unwrap();
        std::fs::write(suite.join(name).join(format!("{name}.fs")), src).unwrap();
    }
    let model = dir.join("model.json");
    let o = runner(&["calibrate", suite.to_str().unwrap(), "-o", model.to_str().unwrap(), "--runs", "1"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("| arith |") && out.contains("median absolute error: "), "{out}");
    let m: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&model).unwrap()).unwrap();
    assert_eq!(m["format"], "fastforth.cost-model/2");
    assert_eq!(m["samples"].as_array().unwrap().len(), 9);
    assert!(m["ns_per_op"].as_object().unwrap().values().all(|v| v.as_f64().unwrap() >= 0.0));
    let o = runner(&["predict", suite.join("calls/calls.fs").to_str().unwrap(), "--model", model.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let too_few = dir.join("few");
    std::fs::create_dir_all(too_few.join("one")).unwrap();
    std::fs::write(too_few.join("one/one.fs"), ": main ;").unwrap();
    let o = runner(&["calibrate", too_few.to_str().unwrap(), "-o", model.to_str().unwrap(), "--runs", "1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("needs at least 6 programs"), "{}", text(&o.stderr));
}

/// HOT runs a 20000-step loop per call, CHEAP one increment: HOT takes
/// nearly all the time (about 0.2 s in all).
const HOT: &str = ": cheap ( n -- n ) 1+ ;\n: hot ( n -- n ) 20000 0 do dup 7 * xor 13 + loop ;\n\
                   : main ( -- ) 0 3000 0 do cheap hot loop . cr ;\n";

#[test]
fn profile_samples_self_time() {
    let p = program(&scratch("profile"), HOT);
    let o = runner(&["profile", &p, "--no-inline", "--runs", "1", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let doc = json(&o);
    assert_eq!(doc["self_time"]["method"], "sampled");
    let n = doc["self_time"]["samples"].as_u64().unwrap();
    assert!(n >= 20, "a 0.2 s run at 1 ms ticks: {doc}");
    let words = doc["words"].as_array().unwrap();
    assert!(words.len() <= 10);
    // The hot word dominates the samples; call counts stay exact.
    assert_eq!(words[0]["name"], "hot", "{doc}");
    assert!(words[0]["share"].as_f64().unwrap() > 0.8, "{doc}");
    let cheap = words.iter().find(|w| w["name"] == "cheap").unwrap();
    assert_eq!((cheap["calls"].as_u64(), words[0]["calls"].as_u64()), (Some(3000), Some(3000)));
    assert!(cheap["share"].as_f64().unwrap() < words[0]["share"].as_f64().unwrap());
    let shares: f64 = words.iter().map(|w| w["share"].as_f64().unwrap()).sum();
    assert!(shares <= 1.0 + 1e-9, "{shares}");
    let samples: u64 = words.iter().map(|w| w["samples"].as_u64().unwrap()).sum();
    assert!(samples <= n);
    let self_ns: Vec<f64> = words.iter().map(|w| w["self_ns"].as_f64().unwrap()).collect();
    assert!(self_ns.windows(2).all(|w| w[0] >= w[1]), "sorted by self time: {self_ns:?}");
    // The model's attribution is beside it, and agrees on the hot word.
    assert!(words[0]["model_share"].as_f64().unwrap() > 0.5, "{doc}");
    let o = runner(&["profile", &p, "--top", "2", "--runs", "1", "--no-inline"]);
    let out = text(&o.stdout);
    assert_eq!(out.lines().count(), 6, "title, method, header and two words, the hot one with a suggestion: {out}");
    assert!(out.lines().nth(1).unwrap().starts_with("self time sampled: "), "{out}");
    assert!(out.lines().nth(3).unwrap().starts_with("hot "), "{out}");
    assert!(out.lines().nth(4).unwrap().starts_with("    suggestion: "), "{out}");
}
