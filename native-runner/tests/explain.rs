//! `native-runner explain`: each program of `tests/explain/` beside the
//! remarks it must print (`NAME.txt`; `BLESS=1` rewrites them from the
//! output), each of `tests/explain/wat/` beside the WAT `--wat` prints for
//! the word its first line names (`NAME.wat`), and the bad-input paths.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("tests").join("explain")
}

fn explain(args: &[&str]) -> Output {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("module-cache");
    Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .arg("explain")
        .args(args)
        .arg("--cache-dir")
        .arg(cache)
        .current_dir(folder())
        .output()
        .unwrap()
}

#[test]
fn remarks_match_their_golden_files() {
    check_goldens(&folder(), "txt", &|fs| vec![fs.file_name().unwrap().to_str().unwrap().to_string()]);
}

/// The programs of `dir` (sorted), each run through `args_of` and
/// compared with its file of extension `ext`, or that file rewritten with
/// `BLESS=1`.
fn check_goldens(dir: &Path, ext: &str, args_of: &dyn Fn(&Path) -> Vec<String>) {
    let mut programs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "fs"))
        .collect();
    programs.sort();
    assert!(programs.len() >= 2, "the golden programs are there");
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for fs in programs {
        let name = fs.file_name().unwrap().to_str().unwrap();
        let args = args_of(&fs);
        let out = explain(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let golden = fs.with_extension(ext);
        if bless {
            std::fs::write(&golden, &out.stdout).unwrap();
        } else if std::fs::read(&golden).ok().as_deref() != Some(&out.stdout[..]) {
            failures.push(format!("{name}:\n{}", String::from_utf8_lossy(&out.stdout)));
        }
    }
    assert!(failures.is_empty(), "output differs (BLESS=1 to accept):\n{}", failures.join("\n"));
}

/// `--wat` of the word a program's first line names (`\ explain --wat
/// WORD`), beside `NAME.wat`: a word as the linked image holds it.
#[test]
fn linked_functions_match_their_golden_files() {
    check_goldens(&folder().join("wat"), "wat", &|fs| {
        let text = std::fs::read_to_string(fs).unwrap();
        let word = text.lines().next().and_then(|l| l.strip_prefix("\\ explain --wat ")).expect("the word to show");
        let rel = format!("wat/{}", fs.file_name().unwrap().to_str().unwrap());
        vec![rel, word.trim().to_string(), "--wat".into()]
    });
}

/// The instructions `--wat` shows for a word are those of its function in
/// the image `build` makes, line for line; here MAIN, into which the
/// linker pasted BIG, a call its batch code still makes.
#[test]
fn the_wat_shown_is_the_linked_images_function() {
    let fs = folder().join("wat").join("linked.fs");
    let shown = explain(&[fs.to_str().unwrap(), "main", "--wat"]);
    assert_eq!(shown.status.code(), Some(0), "{}", String::from_utf8_lossy(&shown.stderr));
    let shown = String::from_utf8(shown.stdout).unwrap();
    let image = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("linked-{}.wasm", std::process::id()));
    let built = Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .args(["build", fs.to_str().unwrap(), "-o", image.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(built.status.code(), Some(0), "{}", String::from_utf8_lossy(&built.stderr));
    let wat = wasmprinter::print_bytes(std::fs::read(&image).unwrap()).unwrap();
    std::fs::remove_file(&image).ok();
    // The image's `$main` function, from its first line to the next item.
    let mut in_image = Vec::new();
    for line in wat.lines().skip_while(|l| !l.trim_start().starts_with("(func $main ")) {
        if !in_image.is_empty() && line.starts_with("  (") {
            break;
        }
        in_image.push(line.trim().to_string());
    }
    let in_view: Vec<String> = shown
        .lines()
        .skip(2)
        .map(|l| l.split(" ;; ").next().unwrap().trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    assert!(in_image.len() > 10, "{wat}");
    assert_eq!(in_view, in_image);
    assert!(!in_view.iter().any(|l| l.starts_with("call $big")), "BIG is pasted into MAIN at link time:\n{shown}");
    let muls = shown.lines().filter(|l| l.trim_start().starts_with("i32.mul")).collect::<Vec<_>>();
    assert_eq!(muls.len(), 10, "{shown}");
    assert!(muls.iter().all(|l| l.ends_with(";; big 10:24")), "{shown}");
}

#[test]
fn one_word_as_json() {
    let out = explain(&["passes.fs", "gcd", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema"], "fastforth.explain/1");
    let words = doc["words"].as_array().unwrap();
    assert_eq!(words.len(), 1);
    assert_eq!(words[0]["name"], "GCD");
    assert_eq!(words[0]["effect"], "( 2 -- 1 )");
    assert_eq!(words[0]["location"], "passes.fs:6:1");
    assert!(words[0]["remarks"].as_array().unwrap().iter().any(|r| r["pass"] == "qdup-branch"));
}

#[test]
fn bad_inputs_are_clear_errors() {
    let out = explain(&["passes.fs", "no-such-word"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "error: no-such-word is not a colon definition\n");
    let out = explain(&["no-such-file.fs"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.fs"), "{out:?}");
    assert!(out.stdout.is_empty());
}

#[test]
fn minus_o0_says_why_nothing_is_optimized() {
    let out = explain(&["passes.fs", "sq", "-O0"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "passes.fs:2:1: SQ ( 1 -- 1 )\n  convention: memory calling convention: -O0 infers no stack effects\n"
    );
}

/// `--wat`: the word's function, each instruction beside the token it came
/// from; a word inlined into it maps to its call site.
#[test]
fn one_word_as_annotated_wat() {
    let dir = std::env::temp_dir().join(format!("explain-wat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sq.fs");
    std::fs::write(&file, ": sq ( n -- n*n ) dup * ;\n: quad ( n -- n ) sq sq ;\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .args(["explain", file.to_str().unwrap(), "quad", "--wat"])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let head = "QUAD ( 1 -- 1 )\n;; no word MAIN to link from: as linked with entry QUAD\n(func $quad";
    assert!(text.starts_with(head), "{text}");
    let muls: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with("i32.mul")).collect();
    assert_eq!(muls.len(), 2, "{text}");
    assert!(muls[0].ends_with(";; sq 2:19") && muls[1].ends_with(";; sq 2:22"), "{text}");
    assert!(text.lines().any(|l| l.trim_start().starts_with("return") && l.ends_with(";; ; 2:25")), "{text}");
    let err = Command::new(env!("CARGO_BIN_EXE_native-runner")).args(["explain", "x.fs", "--wat"]).output().unwrap();
    assert_eq!(err.status.code(), Some(2), "--wat needs a word");
}
