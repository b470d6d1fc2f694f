//! Facts about this build of the runner and the machine it runs on, as
//! `info` prints them and every bench report records them.
//!
//! Guarantees: gathering never fails; a fact that cannot be found (no git
//! at build time, no `/proc/cpuinfo`) reads `unknown`.

/// The runner's version (the workspace version).
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The git commit the runner was built from (`-dirty` with local changes).
pub const GIT_REVISION: &str = env!("FASTFORTH_GIT_REVISION");

/// The wasmtime crate version the runner was built with.
pub const WASMTIME_VERSION: &str = env!("FASTFORTH_WASMTIME_VERSION");

/// The host CPU's model name.
pub fn cpu_model() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    info.lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            matches!(k.trim(), "model name" | "Model" | "cpu model").then(|| v.trim().to_string())
        })
        .unwrap_or_else(|| format!("unknown {}", std::env::consts::ARCH))
}

/// The number of cores this process may use.
pub fn cores() -> u32 {
    std::thread::available_parallelism().map(|n| n.get() as u32).unwrap_or(1)
}

/// The operating system: its pretty name where known, plus the kernel
/// family and architecture.
pub fn os() -> String {
    let release = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
    let pretty = release.lines().find_map(|l| l.strip_prefix("PRETTY_NAME=").map(|v| v.trim_matches('"').to_string()));
    let base = format!("{} {}", std::env::consts::OS, std::env::consts::ARCH);
    match pretty {
        Some(p) => format!("{p} ({base})"),
        None => base,
    }
}

/// The system's load averages over 1, 5 and 15 minutes (Linux), which tell
/// how much else was running while a benchmark ran.
pub fn load_average() -> Option<[f64; 3]> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    let mut it = text.split_whitespace().map(|x| x.parse::<f64>().ok());
    Some([it.next()??, it.next()??, it.next()??])
}

/// Now, as an RFC 3339 timestamp in UTC with second precision.
pub fn timestamp() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// Seconds since the Unix epoch as an RFC 3339 timestamp in UTC.
pub fn timestamp_of_unix(secs: u64) -> String {
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
    humantime::format_rfc3339_seconds(t).to_string()
}

/// The process's peak resident set size in bytes (Linux `VmHWM`), if known.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?.trim().trim_end_matches("kB").trim();
    kb.parse::<u64>().ok().map(|k| k * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_never_empty() {
        assert!(!cpu_model().is_empty());
        assert!(cores() >= 1);
        assert!(!os().is_empty());
        let t = timestamp();
        assert!(humantime::parse_rfc3339(&t).is_ok(), "{t}");
        assert!(!GIT_REVISION.is_empty() && !WASMTIME_VERSION.is_empty());
        #[cfg(target_os = "linux")]
        {
            assert!(peak_rss_bytes().unwrap() > 0);
            assert!(load_average().unwrap().iter().all(|x| *x >= 0.0));
        }
    }

    #[test]
    fn unix_seconds_become_rfc3339() {
        assert_eq!(timestamp_of_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp_of_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(timestamp_of_unix(1_795_653_005), "2026-11-26T00:30:05Z");
    }
}
