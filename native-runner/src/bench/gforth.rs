//! gforth-fast as a reference: the same Forth source, run by the fastest
//! engine of gforth, timed as a whole process (see `process`).
//!
//! The command is `--gforth CMD` (split at spaces, so `env
//! GFORTH32_ENGINE=gforth-fast gforth32` works), else `gforth-fast` when it
//! is on the `PATH`. gforth runs `CMD FILE.fs -e "ENTRY bye"`. Its output
//! must equal ours like any reference's; a 64-bit gforth may print other
//! checksums for programs that rely on 32-bit wrap-around, and then the
//! program's gforth time is left out, with the reason.

use std::path::Path;
use std::process::Command;

/// The gforth command to use, if any: the one given, else `gforth-fast`
/// found on the `PATH`; `none` turns gforth off.
pub fn command(given: Option<&str>) -> Option<Vec<String>> {
    match given {
        Some("none") => None,
        Some(cmd) => Some(cmd.split_whitespace().map(str::to_string).collect()).filter(|v: &Vec<_>| !v.is_empty()),
        None => on_path("gforth-fast").then(|| vec!["gforth-fast".to_string()]),
    }
}

fn on_path(exe: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(exe).is_file()))
}

/// How reports name the command.
pub fn describe(cmd: &[String]) -> String {
    cmd.join(" ")
}

/// Runs `file`'s `entry` under gforth once: its output and wall time.
pub fn run_once(cmd: &[String], file: &Path, entry: &str) -> anyhow::Result<(Vec<u8>, u64)> {
    let mut c = Command::new(&cmd[0]);
    c.args(&cmd[1..]).arg(file).args(["-e", &format!("{entry} bye")]);
    super::process::run_once(&mut c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_split_at_spaces_and_none_turns_gforth_off() {
        assert_eq!(command(Some("none")), None);
        assert_eq!(command(Some("  ")), None);
        assert_eq!(
            command(Some("env GFORTH32_ENGINE=gforth-fast gforth32")).unwrap(),
            ["env", "GFORTH32_ENGINE=gforth-fast", "gforth32"]
        );
    }
}
