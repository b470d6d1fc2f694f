//! `native-runner bench`, the JSON report schema, ahead-of-time builds and
//! the module cache, end to end through the command line.
//!
//! Programs are tiny and iterations few, so this stays fast; the numbers
//! are not checked, only their presence, shape and consistency.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use compiler::digest::hex;
use sha2::{Digest, Sha256};

fn runner() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_native-runner"));
    c.env("HOME", scratch("home"));
    c
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench").join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fresh(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Runs `bench` without gforth (whether it is installed varies by machine;
/// `references_*` below test it with stand-ins).
fn bench(args: &[&str], cache: &Path) -> Output {
    runner().arg("bench").args(args).args(["--gforth", "none", "--cache-dir"]).arg(cache).output().unwrap()
}

const SUM_FS: &str = ": MAIN 0 10000 0 DO I + LOOP . CR ;\n";
const SUM_C: &str = "#include <stdio.h>\nint main(void) { int s = 0; for (int i = 0; i < 10000; i++) s += i; printf(\"%d \\n\", s); return 0; }\n";

/// A folder with one benchmark `sum` (source, C twin, expected output).
fn suite(name: &str, expected: &str) -> PathBuf {
    let dir = fresh(name);
    std::fs::write(dir.join("sum.fs"), SUM_FS).unwrap();
    std::fs::write(dir.join("sum.c"), SUM_C).unwrap();
    std::fs::write(dir.join("sum.expected"), expected).unwrap();
    dir
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status.code(), text(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn schema_errors(report: &serde_json::Value) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/bench-report.v1.json");
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    v.iter_errors(report).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn folder_report_is_valid_json_with_c_twin_and_ab() {
    let dir = suite("folder", "49995000 \n");
    let cache = scratch("cache");
    let o = bench(
        &[dir.to_str().unwrap(), "--format", "json", "--iterations", "3", "--warmup", "1", "--opt", "0", "--opt", "2"],
        &cache,
    );
    let r = json(&o);
    assert_eq!(schema_errors(&r), Vec::<String>::new());
    assert_eq!(r["schema"], "fastforth.bench/1");
    for key in ["tool_version", "git_revision", "wasmtime_version", "target_triple", "cpu_model", "os", "timestamp"] {
        assert!(!r["provenance"][key].as_str().unwrap().is_empty(), "{key}");
    }
    if cfg!(target_os = "linux") {
        assert_eq!(r["provenance"]["load_average"].as_array().unwrap().len(), 3);
    }
    let res = r["results"].as_array().unwrap();
    assert_eq!(res.len(), 2, "one result per configuration");
    assert_eq!((res[0]["config"].as_str(), res[1]["config"].as_str()), (Some("O0"), Some("O2")));
    for x in res {
        assert_eq!(x["name"], "sum");
        assert_eq!(x["entry"], "MAIN");
        assert_eq!(x["output_verified"], true);
        assert_eq!(x["verified_against"].as_array().unwrap().len(), 2, "{x}");
        assert_eq!(x["steady"]["iterations"], 3);
        assert_eq!(x["steady"]["samples_ns"].as_array().unwrap().len(), 3);
        assert!(x["c"]["ratio"].as_f64().unwrap() > 0.0);
        assert_eq!(x["source_sha256"].as_str().unwrap(), hex(&Sha256::digest(SUM_FS)));
        assert!(x["phases_ns"]["compile"].as_u64().unwrap() > 0);
        assert!(x["memory"]["linear_memory_pages"].as_u64().unwrap() > 0);
        // The model's prediction sits beside the measurement, with its error.
        let p = &x["prediction"];
        let (predicted, median) = (p["predicted_ns"].as_f64().unwrap(), x["steady"]["median_ns"].as_f64().unwrap());
        assert!(predicted > 0.0, "{p}");
        assert!((p["error_pct"].as_f64().unwrap() - (predicted - median) / median * 100.0).abs() < 1e-6, "{p}");
        assert_eq!(p["same_module"], true, "the counted build is the timed module");
        // 10000 trips: every one tests at -O0; at -O2 the trips are known
        // and a multiple of 4, so each unrolled round of 4 tests once.
        let tests = if x["config"] == "O0" { 10000.0 } else { 2500.0 };
        assert!(p["ops"]["branch"].as_f64().unwrap() >= tests, "the loop's tests are counted: {p}");
        assert!(p["model"].as_str().unwrap().contains("benchmarks/programs"), "the built-in model: {p}");
    }
    assert_ne!(res[0]["module_sha256"], res[1]["module_sha256"], "-O0 and -O2 link different code");
    // The options come from the module's own provenance section.
    assert_eq!(res[0]["compiler_options"]["inline"], "false");
    assert_eq!(res[1]["compiler_options"]["inline"], "true");
    assert_eq!(res[1]["compiler_options"]["memory_bytes"], "16777216");
    // A JSON document that breaks the schema is caught: the validator is live.
    let mut broken = r.clone();
    broken["results"][0]["steady"]["median_ns"] = serde_json::json!(-1);
    broken["provenance"].as_object_mut().unwrap().remove("timestamp");
    broken["results"][1]["prediction"].as_object_mut().unwrap().remove("error_pct");
    assert_eq!(schema_errors(&broken).len(), 3);
}

#[test]
fn text_and_markdown_reports() {
    let dir = suite("formats", "49995000 \n");
    let cache = scratch("cache");
    let t = bench(&[dir.join("sum.fs").to_str().unwrap(), "--iterations", "2", "--warmup", "0"], &cache);
    assert!(t.status.success(), "{}", text(&t.stderr));
    let t = text(&t.stdout);
    for want in [
        "sum [O2] entry MAIN",
        "first iteration (cold)",
        "steady state (2 iterations)",
        "output verified against sum.expected",
        "Cranelift compile (cold)",
        "  predicted: ",
        "% against the median; model median error ",
        "median absolute prediction error: ",
    ] {
        assert!(t.contains(want), "{want} missing from:\n{t}");
    }
    let out = dir.join("report.md");
    let m = bench(
        &[dir.to_str().unwrap(), "--iterations", "2", "--format", "markdown", "-o", out.to_str().unwrap()],
        &cache,
    );
    assert!(m.status.success(), "{}", text(&m.stderr));
    assert!(m.stdout.is_empty(), "--output takes the report");
    let md = std::fs::read_to_string(out).unwrap();
    assert!(md.starts_with("| program | ours median (s) |"), "{md}");
    assert!(md.contains("| sum | ") && md.contains("**geometric mean**"), "{md}");
    assert!(md.contains(" | predicted (s) | error | module (bytes) |"), "{md}");
    assert!(md.contains("Median absolute prediction error: "), "{md}");
    // --no-predict leaves the prediction out, and its columns.
    let m = bench(&[dir.to_str().unwrap(), "--iterations", "1", "--format", "markdown", "--no-predict"], &cache);
    assert!(m.status.success(), "{}", text(&m.stderr));
    let md = text(&m.stdout);
    assert!(!md.contains("predicted") && !md.contains("prediction error"), "{md}");
}

#[test]
fn a_model_file_is_used_and_a_bad_one_refused() {
    let dir = suite("model", "49995000 \n");
    let cache = scratch("cache");
    let prog = dir.join("sum.fs");
    // A model where only branches cost, 1000 ns each: the prediction is
    // 1000 × the executed branches, exactly.
    let mut costs = serde_json::Map::new();
    for c in ["arith", "divide", "memory", "branch", "call", "stack", "host", "bulk", "latency", "slots"] {
        costs.insert(c.into(), serde_json::json!(if c == "branch" { 1000.0 } else { 0.0 }));
    }
    let model = dir.join("model.json");
    let doc = serde_json::json!({"format": "fastforth.cost-model/2", "ns_per_op": costs, "calibrated_on": "a test"});
    std::fs::write(&model, doc.to_string()).unwrap();
    let args = [prog.to_str().unwrap(), "--iterations", "1", "--warmup", "0", "--format", "json", "--model"];
    let r = json(&bench(&[&args[..], &[model.to_str().unwrap()]].concat(), &cache));
    let p = &r["results"][0]["prediction"];
    assert_eq!(p["model"], "a test");
    assert_eq!(p["predicted_ns"].as_f64().unwrap(), 1000.0 * p["ops"]["branch"].as_f64().unwrap());
    assert_eq!(r["provenance"]["options"]["model"].as_str(), model.to_str());
    assert_eq!(schema_errors(&r), Vec::<String>::new());
    std::fs::write(&model, "{}").unwrap();
    let o = bench(&[&args[..], &[model.to_str().unwrap()]].concat(), &cache);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("not a cost model"), "{}", text(&o.stderr));
}

#[test]
fn a_regression_against_a_baseline_has_its_own_exit_code() {
    let dir = suite("baseline", "49995000 \n");
    let cache = scratch("cache");
    let base = dir.join("base.json");
    let prog = dir.join("sum.fs");
    let args = [prog.to_str().unwrap(), "--iterations", "3", "--warmup", "0"];
    let o = bench(&[&args[..], &["--save-baseline", base.to_str().unwrap()]].concat(), &cache);
    assert!(o.status.success(), "{}", text(&o.stderr));
    // Doctor the baseline: thirty samples of 1 ns make any real run a
    // significant slowdown (three samples alone could never be).
    let mut b: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    b["results"][0]["steady"]["samples_ns"] = serde_json::json!(vec![1; 30]);
    std::fs::write(&base, b.to_string()).unwrap();
    let o = bench(&[&args[..], &["--baseline", base.to_str().unwrap(), "--format", "json"]].concat(), &cache);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(err.contains("significantly slower than the baseline by more than 5%: sum [O2]"), "{err}");
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(schema_errors(&r), Vec::<String>::new());
    let cmp = &r["results"][0]["baseline"];
    assert_eq!(cmp["regressed"], true);
    assert!(cmp["verdict"]["p_value"].as_f64().unwrap() < 0.01, "{cmp}");
    assert!(cmp["against"].as_str().unwrap().starts_with("baseline "), "{cmp}");
    // The first verdict was confirmed by a fresh run (`--confirm 2`: two of
    // three runs), which is in the report with its own verdict.
    assert!(err.contains("sum [O2] looks slower; measuring it again to confirm"), "{err}");
    let confirmations = cmp["confirmations"].as_array().unwrap();
    assert_eq!(confirmations.len(), 1, "{cmp}");
    assert_eq!(confirmations[0]["verdict"]["regressed"], true, "{cmp}");
    assert_eq!(confirmations[0]["samples_ns"].as_array().unwrap().len(), 3, "{cmp}");
    assert_eq!(r["provenance"]["options"]["confirm"], 2);
    let o = bench(&[&args[..], &["--baseline", base.to_str().unwrap(), "--confirm", "1"]].concat(), &cache);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("confirmation 1: p10 +") && out.contains("regression confirmed: 1 of 1 re-runs"), "{out}");
    // Without confirmation, the first verdict stands alone.
    let o = bench(
        &[&args[..], &["--baseline", base.to_str().unwrap(), "--confirm", "0", "--format", "json"]].concat(),
        &cache,
    );
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stderr));
    assert!(!text(&o.stderr).contains("measuring it again"), "{}", text(&o.stderr));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(r["results"][0]["baseline"].get("confirmations").is_none(), "{r}");
    for bad in ["-1", "two"] {
        let flag = format!("--confirm={bad}");
        let o = bench(&[&args[..], &["--baseline", base.to_str().unwrap(), &flag]].concat(), &cache);
        assert_eq!(o.status.code(), Some(2), "--confirm {bad}");
        assert!(text(&o.stderr).contains("--confirm"), "{}", text(&o.stderr));
    }
    // A baseline far slower than today is no regression.
    b["results"][0]["steady"]["samples_ns"] = serde_json::json!(vec![u64::MAX / 4; 30]);
    std::fs::write(&base, b.to_string()).unwrap();
    let o = bench(&[&args[..], &["--baseline", base.to_str().unwrap(), "--tolerance", "7"]].concat(), &cache);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("faster (noise threshold 7%"), "{out}");
    // Not a report at all.
    std::fs::write(&base, "{\"schema\":\"other/9\"}").unwrap();
    let o = bench(&[&args[..], &["--baseline", base.to_str().unwrap()]].concat(), &cache);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("schema is other/9"), "{}", text(&o.stderr));
}

#[test]
fn a_machine_that_got_slower_as_a_whole_is_no_regression() {
    let dir = suite("speed", "49995000 \n");
    let cache = scratch("cache");
    let base = dir.join("base.json");
    let prog = dir.join("sum.fs");
    let args = [prog.to_str().unwrap(), "--iterations", "20", "--warmup", "1"];
    let o = bench(&[&args[..], &["--save-baseline", base.to_str().unwrap()]].concat(), &cache);
    assert!(o.status.success(), "{}", text(&o.stderr));
    // Doctor the baseline: the machine ran ten times as fast then, the code
    // and the probe alike. Ten, not two or three: a loaded machine's speed
    // drifts by a factor of two between two runs of this test.
    let mut b: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    let r = &mut b["results"][0];
    let tenth =
        |v: &serde_json::Value| v.as_array().unwrap().iter().map(|x| x.as_u64().unwrap() / 10).collect::<Vec<_>>();
    let probe = tenth(&r["speed_probe_ns"]);
    assert_eq!(probe.len(), 20, "a probe beside every sample");
    r["speed_probe_ns"] = serde_json::json!(probe);
    r["steady"]["samples_ns"] = serde_json::json!(tenth(&r["steady"]["samples_ns"]));
    std::fs::write(&base, b.to_string()).unwrap();
    let cmp = |extra: &[&str]| {
        let base = ["--baseline", base.to_str().unwrap(), "--tolerance", "25", "--format", "json"];
        let o = bench(&[&args[..], &base[..], extra].concat(), &cache);
        let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        (o.status.code(), r["results"][0]["baseline"].clone())
    };
    // Scaled by the probe, the samples are what they were.
    let (code, c) = cmp(&[]);
    assert_eq!(code, Some(0), "{c}");
    let f = c["machine_speed_factor"].as_f64().unwrap();
    assert!((4.0..25.0).contains(&f), "the machine is about ten times as slow: {c}");
    // Raw times see a slowdown of 10.
    let (code, c) = cmp(&["--no-speed-adjust"]);
    assert_eq!(code, Some(3), "{c}");
    assert!(c.get("machine_speed_factor").is_none(), "{c}");
}

#[test]
fn wrong_output_fails_before_timing() {
    let dir = suite("wrong", "42 \n");
    let o = bench(&[dir.to_str().unwrap(), "--iterations", "1", "--format", "json"], &scratch("cache"));
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("error: sum:") && err.contains("differs from sum.expected"), "{err}");
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["results"].as_array().unwrap().len(), 0, "no time counts for a wrong program");
}

#[test]
fn compare_c_with_one_program_and_a_built_module() {
    let dir = suite("module", "49995000 \n");
    let cache = scratch("cache");
    let wasm = dir.join("sum.wasm");
    let b =
        runner().args(["build", dir.join("sum.fs").to_str().unwrap(), "-o", wasm.to_str().unwrap()]).output().unwrap();
    assert!(b.status.success(), "{}", text(&b.stderr));
    let c = dir.join("sum.c");
    let o = bench(
        &[wasm.to_str().unwrap(), "--iterations", "2", "--format", "json", "--compare-c", c.to_str().unwrap()],
        &cache,
    );
    let r = json(&o);
    let x = &r["results"][0];
    // The sources come from the module's provenance section.
    let fs = dir.join("sum.fs");
    let sha = hex(&Sha256::digest(std::fs::read(&fs).unwrap()));
    assert_eq!(x["config"].as_str(), Some("artifact"));
    assert_eq!((x["source"].as_str(), x["source_sha256"].as_str()), (fs.to_str(), Some(sha.as_str())), "{x}");
    assert_eq!(x["sources"], serde_json::json!([{"file": fs.to_str(), "sha256": sha}]));
    assert_eq!(x["compiler_options"]["register_signatures"], "true", "{x}");
    assert_eq!(x["module_sha256"].as_str().unwrap(), hex(&Sha256::digest(std::fs::read(&wasm).unwrap())));
    assert_eq!(x["c"]["output_matches"], true);
    assert!(x["prediction"].is_null(), "a built module has no source to count");
    assert_eq!(schema_errors(&r), Vec::<String>::new());
}

#[test]
fn aot_builds_run_and_cross_compile() {
    let dir = suite("aot", "49995000 \n");
    let fs = dir.join("sum.fs");
    let cwasm = dir.join("sum.cwasm");
    let b = runner().args(["build", "--aot", fs.to_str().unwrap()]).output().unwrap();
    assert!(b.status.success(), "{}", text(&b.stderr));
    let r = runner().args(["run", cwasm.to_str().unwrap(), "--no-cache"]).output().unwrap();
    assert_eq!((text(&r.stdout), r.status.code()), ("49995000 \n".to_string(), Some(0)), "{}", text(&r.stderr));
    // A truncated .cwasm is refused, never loaded.
    let bytes = std::fs::read(&cwasm).unwrap();
    std::fs::write(&cwasm, &bytes[..bytes.len() - 100]).unwrap();
    let r = runner().args(["run", cwasm.to_str().unwrap()]).output().unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(text(&r.stderr).contains("FFCWASM1"), "{}", text(&r.stderr));
    // Cross-compiled code is an aarch64 ELF; this host refuses to run it.
    let arm = dir.join("sum-arm.cwasm");
    let b = runner()
        .args([
            "build",
            fs.to_str().unwrap(),
            "--aot",
            "--target",
            "aarch64-unknown-linux-gnu",
            "-o",
            arm.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(b.status.success(), "{}", text(&b.stderr));
    let code = std::fs::read(&arm).unwrap();
    assert_eq!(u16::from_le_bytes([code[18], code[19]]), 183, "EM_AARCH64");
    if cfg!(target_arch = "x86_64") {
        let r = runner().args(["run", arm.to_str().unwrap()]).output().unwrap();
        assert_eq!(r.status.code(), Some(2));
        assert!(text(&r.stderr).contains("cannot load the precompiled code"), "{}", text(&r.stderr));
    }
    let b = runner().args(["build", fs.to_str().unwrap(), "--aot", "--target", "nonsense-target"]).output().unwrap();
    assert_eq!(b.status.code(), Some(2));
    assert!(text(&b.stderr).contains("nonsense-target"), "{}", text(&b.stderr));
}

/// Every file in the cache folder.
fn files_in(cache: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(cache).unwrap().map(|e| e.unwrap().path()).collect();
    v.sort();
    v
}

/// The module entries of the cache (the boot snapshot beside them has its
/// own tests, in `boot_snapshot.rs`).
fn entries(cache: &Path) -> Vec<PathBuf> {
    files_in(cache).into_iter().filter(|f| f.extension().is_some_and(|x| x == "cwasm")).collect()
}

fn valid_entry(p: &Path) -> bool {
    compiler::digest::checked_payload_before(&std::fs::read(p).unwrap()).is_ok()
}

#[test]
fn corrupt_cache_entries_are_reported_discarded_and_rebuilt() {
    let dir = suite("corrupt", "49995000 \n");
    let cache = fresh("corrupt-cache");
    let run = || {
        runner()
            .args(["run", dir.join("sum.fs").to_str().unwrap(), "-e", "MAIN", "--cache-dir"])
            .arg(&cache)
            .output()
            .unwrap()
    };
    let o = run();
    assert_eq!(text(&o.stdout), "49995000 \n");
    let files = entries(&cache);
    assert!(!files.is_empty());
    // Without the boot snapshot the next run boots from source, which
    // loads every entry the first run made (a restore would load the
    // prelude merged into a module of its own instead of its batches).
    for f in std::fs::read_dir(&cache).unwrap().flatten() {
        if f.path().extension().is_some_and(|x| x == "snapshot") {
            std::fs::remove_file(f.path()).unwrap();
        }
    }
    // Truncate one entry and flip a byte in every other.
    for (i, f) in files.iter().enumerate() {
        let mut b = std::fs::read(f).unwrap();
        if i == 0 {
            b.truncate(b.len() / 2);
        } else {
            let k = b.len() - 7;
            b[k] ^= 0x40;
        }
        std::fs::write(f, b).unwrap();
    }
    let o = run();
    assert_eq!((text(&o.stdout), o.status.code()), ("49995000 \n".to_string(), Some(0)));
    let err = text(&o.stderr);
    assert_eq!(err.matches("warning: module cache: discarded a corrupt entry").count(), files.len(), "{err}");
    assert_eq!(entries(&cache), files, "every entry was rebuilt under its key");
    assert!(files.iter().all(|f| valid_entry(f)));
    let o = run();
    assert!(o.stderr.is_empty(), "rebuilt entries load cleanly: {}", text(&o.stderr));
}

#[test]
fn concurrent_processes_fill_one_cache_safely() {
    let dir = suite("concurrent", "49995000 \n");
    let cache = fresh("concurrent-cache");
    for _round in 0..2 {
        let kids: Vec<_> = (0..3)
            .map(|_| {
                runner()
                    .args(["run", dir.join("sum.fs").to_str().unwrap(), "-e", "MAIN", "--cache-dir"])
                    .arg(&cache)
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for k in kids {
            let o = k.wait_with_output().unwrap();
            assert_eq!((text(&o.stdout), text(&o.stderr)), ("49995000 \n".to_string(), String::new()));
        }
    }
    let all = files_in(&cache);
    let whole = |f: &PathBuf| f.extension().is_some_and(|x| x == "cwasm" || x == "snapshot");
    assert!(all.iter().all(whole), "no temporary file left: {all:?}");
    let files = entries(&cache);
    assert!(!files.is_empty());
    assert!(files.iter().all(|f| valid_entry(f)));
}

#[test]
fn info_describes_the_runner_and_its_cache() {
    let cache = fresh("info-cache");
    std::fs::write(cache.join("x.cwasm"), [0u8; 100]).unwrap();
    let o = runner().args(["info", "--cache-dir"]).arg(&cache).env("FASTFORTH_CACHE_MAX", "64M").output().unwrap();
    assert!(o.status.success());
    let t = text(&o.stdout);
    for want in [
        "native-runner 0.",
        "wasmtime 48.",
        "Cranelift: opt level speed, target ",
        "-O1: stack-effect inference",
        "unroll (each definition): ",
        "(entries: 1, size: 100 bytes, limit: 64 MiB, set by FASTFORTH_CACHE_MAX)",
    ] {
        assert!(t.contains(want), "{want} missing from:\n{t}");
    }
}

#[test]
fn cache_info_and_clean_see_and_delete_only_the_caches_files() {
    let cache = fresh("cache-command");
    for (name, len) in [("a.cwasm", 3000), ("b.cwasm", 3000), ("boot-k.snapshot", 3000), ("notes.txt", 10)] {
        std::fs::write(cache.join(name), vec![0u8; len]).unwrap();
    }
    let cmd = |args: &[&str]| {
        let o = runner().arg("cache").args(args).arg("--cache-dir").arg(&cache).output().unwrap();
        assert!(o.status.success(), "{}", text(&o.stderr));
        text(&o.stdout)
    };
    let json: serde_json::Value = serde_json::from_str(&cmd(&["info", "--json", "--cache-max", "1M"])).unwrap();
    assert_eq!(json["summary"]["modules"], 2);
    assert_eq!(json["summary"]["snapshots"], 1);
    assert_eq!(json["summary"]["bytes"], 9000);
    assert_eq!(json["limit_bytes"], 1 << 20);
    assert!(cmd(&["info"]).contains("entries: 2 compiled modules, 1 boot snapshots"));
    // 9,000 bytes are over 7K, and trimming stops at 80% of it (5,734): two
    // of the three go.
    assert!(cmd(&["clean", "--trim", "--cache-max", "7K"]).starts_with("removed 2 files"));
    assert!(cmd(&["clean"]).starts_with("removed 1 files"));
    let left: Vec<_> = std::fs::read_dir(&cache).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["notes.txt"], "a file that is not the cache's stays");
    let o = runner().args(["cache", "info", "--cache-max", "lots"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("is not a size such as 512M or 2G"), "{}", text(&o.stderr));
}

#[test]
fn runs_keep_the_cache_within_its_limit() {
    let cache = fresh("cache-limit");
    let dir = suite("cache-limit-src", "49995000 \n");
    for _ in 0..2 {
        let o = runner()
            .args(["run", dir.join("sum.fs").to_str().unwrap(), "-e", "main bye", "--cache-max", "300K", "--cache-dir"])
            .arg(&cache)
            .output()
            .unwrap();
        assert_eq!(text(&o.stdout), "49995000 \n", "{}", text(&o.stderr));
        let total: u64 = std::fs::read_dir(&cache).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();
        assert!(total <= 300 << 10, "the folder holds {total} bytes");
    }
}

#[test]
fn link_carries_the_source_and_the_report() {
    let dir = suite("link", "49995000 \n");
    let fs = dir.join("sum.fs");
    let o = bench(
        &[
            fs.to_str().unwrap(),
            "--iterations",
            "2",
            "--format",
            "json",
            "-O1",
            "--max-nesting",
            "9",
            "--link",
            "https://play.example/#old",
        ],
        &scratch("cache"),
    );
    let r = json(&o);
    let err = text(&o.stderr);
    let link = err.lines().find_map(|l| l.strip_prefix("link: ")).expect("a link line");
    assert!(link.starts_with("https://play.example/#share="), "{link}");
    let shared = compiler::share_link::decode(link).unwrap();
    assert_eq!(shared.source, SUM_FS);
    assert_eq!(shared.native_report.unwrap(), r, "the link carries the same report");
    // The limits it was measured with, so the playground builds the same module.
    let limits: compiler::Limits = serde_json::from_value(shared.settings.unwrap()["limits"].clone()).unwrap();
    assert_eq!(limits, compiler::Limits { opt_level: 1, max_nesting: 9, ..compiler::Limits::default() });
    let o = bench(&[fs.to_str().unwrap(), fs.to_str().unwrap(), "--link", "https://play.example/"], &scratch("cache"));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_time_budget_samples_until_it_is_spent() {
    let dir = suite("time", "49995000 \n");
    let o = bench(&[dir.join("sum.fs").to_str().unwrap(), "--time", "0.01", "--format", "json"], &scratch("cache"));
    let r = json(&o);
    let s = &r["results"][0]["steady"];
    let samples: Vec<u64> = s["samples_ns"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect();
    assert_eq!(s["iterations"].as_u64().unwrap(), samples.len() as u64);
    assert!(samples.iter().sum::<u64>() >= 10_000_000, "{samples:?}");
    // Stopping as soon as the budget is spent: without the last sample it was not.
    assert!(samples[..samples.len() - 1].iter().sum::<u64>() < 10_000_000);
    assert_eq!(r["provenance"]["options"]["time_s"], 0.01);
}

/// A stand-in for gforth: a script that prints `out` whatever it is asked.
fn fake_gforth(dir: &Path, name: &str, out: &str) -> String {
    use std::os::unix::fs::PermissionsExt as _;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\nprintf '{out}'\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.to_str().unwrap().to_string()
}

/// Whether clang can compile C to wasm here (it is optional).
fn clang_wasm_works() -> bool {
    let dir = scratch("clang-probe");
    let c = dir.join("p.c");
    std::fs::write(&c, "#include <stdio.h>\nint main(void) { return 0; }\n").unwrap();
    Command::new("clang")
        .args(["--target=wasm32-wasi", "-O2", "-o"])
        .arg(dir.join("p.wasm"))
        .arg(&c)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn references_gforth_and_c_compiled_to_wasm() {
    let dir = suite("references", "49995000 \n");
    let cache = scratch("cache");
    let gforth = fake_gforth(&dir, "gforth-good", "49995000 \\n");
    let run = |gforth: &str, wasm_cc: Option<&str>, format: &str| {
        let mut c = runner();
        c.args(["bench", dir.to_str().unwrap(), "--iterations", "2", "--warmup", "0", "--format", format]);
        c.args(["--gforth", gforth, "--cache-dir"]).arg(&cache);
        if let Some(cc) = wasm_cc {
            c.env("WASM_CC", cc);
        }
        c.output().unwrap()
    };
    // gforth's output matches: it gets a column and a ratio; clang is absent.
    let r = json(&run(&gforth, Some("/nonexistent/clang"), "json"));
    assert_eq!(schema_errors(&r), Vec::<String>::new());
    let x = &r["results"][0];
    assert_eq!(x["gforth"]["output_matches"], true, "{x}");
    assert!(x["gforth"]["ratio"].as_f64().unwrap() > 0.0);
    assert_eq!(x["gforth"]["compiler"], gforth);
    assert!(x.get("c_wasm").is_none(), "{x}");
    let why = r["provenance"]["options"]["c_wasm_compiler"].as_str().unwrap();
    assert!(why.starts_with("unavailable: ") && why.contains("/nonexistent/clang"), "{why}");
    assert_eq!(r["provenance"]["options"]["gforth"], gforth);
    // Another output: left out with a warning, and the run still succeeds.
    let bad = fake_gforth(&dir, "gforth-bad", "1 \\n");
    let o = run(&bad, Some("/nonexistent/clang"), "markdown");
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("warning: sum: gforth printed other output"), "{}", text(&o.stderr));
    assert!(!text(&o.stdout).contains("gforth-fast (s)"), "{}", text(&o.stdout));
    // With clang, the same C runs as wasm on our engine and must agree.
    if clang_wasm_works() {
        let o = run(&gforth, None, "markdown");
        let md = text(&o.stdout);
        assert!(o.status.success(), "{}", text(&o.stderr));
        for col in ["C -O2 (s)", "clang C→wasm (s)", "ours / C→wasm", "gforth-fast (s)", "ours / gforth-fast"] {
            assert!(md.contains(col), "{col}: {md}");
        }
        let r = json(&run(&gforth, None, "json"));
        assert_eq!(r["results"][0]["c_wasm"]["output_matches"], true);
        assert!(r["results"][0]["c_wasm"]["compiler"].as_str().unwrap().contains("wasm32-wasi"));
    } else {
        eprintln!("clang cannot compile to wasm32-wasi here: the C→wasm half of this test was skipped");
    }
}

#[test]
fn time_limits_compile_no_checks_where_signals_interrupt() {
    let dir = suite("uninterruptible", "49995000 \n");
    let o = bench(
        &[dir.join("sum.fs").to_str().unwrap(), "--iterations", "1", "--format", "json", "--timeout", "0"],
        &scratch("cache"),
    );
    let r = json(&o);
    assert_eq!(r["provenance"]["options"]["interruptible"], false);
    assert_eq!(r["provenance"]["options"]["checks"], "none");
    // No C twin here: clang is not even probed.
    assert_eq!(r["provenance"]["options"]["c_wasm_compiler"], "unavailable: no program has a C twin");
    let o = bench(&[dir.join("sum.fs").to_str().unwrap(), "--iterations", "1", "--format", "json"], &scratch("cache"));
    let r = json(&o);
    assert_eq!(r["provenance"]["options"]["interruptible"], true);
    let linux = cfg!(all(target_os = "linux", any(target_arch = "x86_64", target_arch = "aarch64")));
    assert_eq!(r["provenance"]["options"]["checks"], if linux { "none" } else { "epoch" });
    let run = runner()
        .args(["run", dir.join("sum.fs").to_str().unwrap(), "--timeout", "0", "-e", "MAIN BYE"])
        .output()
        .unwrap();
    assert_eq!(text(&run.stdout), "49995000 \n", "{}", text(&run.stderr));
}
