//! The boot snapshot (`compiler::boot_snapshot`), end to end: the first
//! run with a cache boots from source and stores the booted system; later
//! runs start from it and behave exactly as a boot from source does (the
//! same output, the same linked module, byte for byte); a damaged
//! snapshot is reported, replaced, and changes nothing else.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "common/harness.rs"]
mod harness;

use harness::text;

/// Runs `native-runner` with `args` (which name their own cache).
fn runner(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_native-runner")).args(args).output().unwrap()
}

fn snapshots(cache: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(cache)
        .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "snapshot")).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Builds `src` into `out` with the cache in `cache`; returns the module
/// and the runner's stderr.
fn build(cache: &Path, src: &Path, out: &Path) -> (Vec<u8>, String) {
    let o =
        runner(&["build", "--cache-dir", cache.to_str().unwrap(), src.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "build {}: {}", src.display(), text(&o.stderr));
    (std::fs::read(out).unwrap(), text(&o.stderr))
}

fn run(cache: &Path, src: &Path) -> (i32, String, String) {
    let o = runner(&["run", "--cache-dir", cache.to_str().unwrap(), src.to_str().unwrap()]);
    (o.status.code().unwrap_or(-1), text(&o.stdout), text(&o.stderr))
}

fn compiled_modules(cache: &Path) -> usize {
    std::fs::read_dir(cache).unwrap().flatten().filter(|e| e.path().extension().is_some_and(|x| x == "cwasm")).count()
}

#[test]
fn the_prelude_is_restored_as_one_module() {
    let dir = harness::scratch_dir("boot_snapshot", "one_module");
    let cache = dir.join("cache");
    let _ = std::fs::remove_dir_all(&cache);
    let src = harness::repo().join("tests/run/loop_words.fs");
    let want = std::fs::read_to_string(src.with_extension("out")).unwrap();
    let (code, out, err) = run(&cache, &src);
    assert_eq!((code, out.as_str()), (0, want.as_str()), "from source: {err}");
    let after_boot = compiled_modules(&cache);
    // The kernel, the prelude's batches, the program's.
    assert!(after_boot >= 4, "{after_boot} modules compiled by a boot from source");
    let (code, out, err) = run(&cache, &src);
    assert_eq!((code, out.as_str()), (0, want.as_str()), "from the snapshot: {err}");
    // The program's modules are the same bytes as before, so the one new
    // module is the prelude's batches merged (`compiler::merge_batches`).
    assert_eq!(compiled_modules(&cache), after_boot + 1, "a restore compiles the merged prelude and nothing else");
}

#[test]
fn a_restored_system_is_the_booted_system() {
    let dir = harness::scratch_dir("boot_snapshot", "same");
    let cache = dir.join("cache");
    let _ = std::fs::remove_dir_all(&cache);
    let repo = harness::repo();
    let sample = repo.join("tests/build/word_sets.fs");
    let (from_source, _) = build(&cache, &sample, &dir.join("a.wasm"));
    assert_eq!(snapshots(&cache).len(), 1, "the first boot stores a snapshot");
    let (restored, _) = build(&cache, &sample, &dir.join("b.wasm"));
    assert!(from_source == restored, "the module linked after a restore differs from the one linked after a boot");
    // Programs that reach into the system's state: SEE and WORDS of
    // prelude words, deferred I/O, interpreted strings from the heap.
    for name in ["gforth_deferred_io.fs", "gforth_system_allocate.fs", "gforth_squote_persist.fs"] {
        let src = repo.join("tests/run").join(name);
        let want = std::fs::read_to_string(src.with_extension("out")).unwrap();
        let (code, out, err) = run(&cache, &src);
        assert_eq!((code, out.as_str()), (0, want.as_str()), "{name}: {err}");
    }
}

#[test]
fn a_damaged_snapshot_is_reported_and_replaced() {
    let dir = harness::scratch_dir("boot_snapshot", "damaged");
    let cache = dir.join("cache");
    let _ = std::fs::remove_dir_all(&cache);
    let src = harness::repo().join("tests/run/gforth_deferred_io.fs");
    let want = std::fs::read_to_string(src.with_extension("out")).unwrap();
    assert_eq!(run(&cache, &src).1, want);
    let [snap] = snapshots(&cache).try_into().expect("one snapshot");
    let good = std::fs::read(&snap).unwrap();
    let mut bad = good.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x55;
    for damaged in [bad, good[..good.len() / 3].to_vec(), b"not a snapshot".to_vec()] {
        std::fs::write(&snap, &damaged).unwrap();
        let (code, out, err) = run(&cache, &src);
        assert_eq!((code, out.as_str()), (0, want.as_str()), "{err}");
        assert!(err.contains("warning: boot snapshot:") && err.contains("booting from source"), "{err}");
        let again = std::fs::read(&snap).unwrap();
        assert!(again != damaged && again.len() == good.len(), "the snapshot is made again");
        let (_, _, err) = run(&cache, &src);
        assert!(!err.contains("boot snapshot"), "the new snapshot is used without a warning: {err}");
    }
}
