//! The playground's teaching examples (`public/examples/NAME.fs`) print
//! `NAME.out` when run natively; the Chromium tests check the same outputs
//! in the page. `BLESS=1` rewrites the outputs (they agree with gforth32
//! for every example gforth 0.7.3 can run, which is all but `locals`,
//! written with the standard `{: :}` that 0.7.3 lacks).

use std::path::{Path, PathBuf};
use std::process::Command;

#[test]
fn every_teaching_example_prints_its_expected_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("public").join("examples");
    let mut examples: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "fs"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 15, "the gallery has at least 15 teaching programs");
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("examples");
    std::fs::create_dir_all(&work).unwrap();
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for fs in examples {
        let out =
            Command::new(env!("CARGO_BIN_EXE_native-runner")).arg("run").arg(&fs).current_dir(&work).output().unwrap();
        let name = fs.file_name().unwrap().to_string_lossy().into_owned();
        if !out.status.success() || !out.stderr.is_empty() {
            failures.push(format!(
                "{name}: exit {:?}, stderr {}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        let expected = fs.with_extension("out");
        if bless {
            std::fs::write(&expected, &out.stdout).unwrap();
        } else if std::fs::read(&expected).ok().as_deref() != Some(&out.stdout[..]) {
            failures.push(format!("{name} printed:\n{}", String::from_utf8_lossy(&out.stdout)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
