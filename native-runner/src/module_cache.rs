//! A disk cache of modules compiled ahead of time by Cranelift.
//!
//! An entry is keyed by the sha256 of the module bytes, of the engine's
//! compatibility hash (wasmtime version, Cranelift settings, CPU features)
//! and of the target triple, and stored as the payload that
//! `Engine::precompile_module` produced followed by its checksum
//! (`compiler::digest::with_checksum_after`). A lookup checks the file
//! through one small buffer and has wasmtime map it
//! (`Module::deserialize_file`, which reads the payload from the file's
//! start and ignores the checksum after it): an entry is never copied
//! whole into fresh memory, which on start-up's path cost more page
//! faults than anything else.
//!
//! Guarantees:
//! - before an entry is used its checksum is checked; a corrupt or
//!   truncated entry is reported on standard error, discarded and rebuilt,
//!   never loaded;
//! - entries are written to a temporary file unique to the process and
//!   thread, then renamed into place, so concurrent writers (threads or
//!   processes) can only ever leave whole entries; the last rename wins and
//!   every candidate is a valid entry for the key;
//! - an unusable cache folder only costs speed: compiling still works;
//! - the folder stays within its size limit ([`ModuleCache::max_bytes`],
//!   1 GiB unless `--cache-max` or `FASTFORTH_CACHE_MAX` says otherwise):
//!   after each new
//!   entry, if the entries and boot snapshots together pass the limit, the
//!   least recently used ones are deleted until they fill at most 80% of it
//!   (an entry counts as used when it is stored or loaded), along with
//!   temporary files that a writer left behind more than an hour ago.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};
use wasmtime::{Engine, Module};

use crate::engine::HOST_TARGET;
use compiler::digest::{hex, with_checksum_after, CHECKSUM_LEN};

/// The cache folder.
#[derive(Clone, Debug)]
pub struct ModuleCache {
    dir: PathBuf,
    max_bytes: u64,
}

/// The size limit when neither `--cache-max` nor `FASTFORTH_CACHE_MAX`
/// sets one.
pub const DEFAULT_MAX_BYTES: u64 = 1 << 30;

/// The environment variable that sets the size limit (a [`parse_size`]).
pub const MAX_ENV: &str = "FASTFORTH_CACHE_MAX";

/// An entry is marked as used again when loaded only if its mark is older
/// than this, so that a program run in a loop does not write on every run.
const TOUCH_AFTER: Duration = Duration::from_secs(3600);

/// What a lookup found.
#[derive(Debug)]
pub enum Lookup {
    /// A verified entry, deserialized.
    Hit(Module),
    /// No entry for the key.
    Miss,
    /// An entry that failed its check; it has been deleted.
    Corrupt(String),
}

impl ModuleCache {
    /// A cache in `dir`, created if needed.
    pub fn new(dir: PathBuf) -> std::io::Result<Self> {
        std::fs::create_dir_all(&dir)?;
        Ok(ModuleCache { dir, max_bytes: max_bytes_from_env() })
    }

    /// The same cache with another size limit.
    pub fn with_max_bytes(self, max_bytes: u64) -> Self {
        ModuleCache { max_bytes, ..self }
    }

    /// The size limit in bytes.
    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    /// The default folder: `$XDG_CACHE_HOME/fastforth` or `~/.cache/fastforth`.
    pub fn default_dir() -> PathBuf {
        if let Some(x) = std::env::var_os("XDG_CACHE_HOME").filter(|x| !x.is_empty()) {
            return PathBuf::from(x).join("fastforth");
        }
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
        home.join(".cache").join("fastforth")
    }

    /// The entry file for `bytes` compiled by `engine`.
    pub fn entry_path(&self, engine: &Engine, bytes: &[u8]) -> PathBuf {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut h);
        let mut sha = Sha256::new();
        sha.update(b"fastforth module cache v4\0");
        sha.update(HOST_TARGET.as_bytes());
        sha.update(h.finish().to_le_bytes());
        sha.update(Sha256::digest(bytes));
        self.dir.join(format!("{}.cwasm", hex(&sha.finalize())))
    }

    /// Looks `bytes` up; a corrupt entry is deleted and described.
    pub fn lookup(&self, engine: &Engine, bytes: &[u8]) -> Lookup {
        let path = self.entry_path(engine, bytes);
        let Ok(file) = open_marking_used(&path) else { return Lookup::Miss };
        let checked = check_streamed(file).map_err(|e| e.to_string()).and_then(|r| r.map_err(str::to_string));
        let reason = match checked {
            // SAFETY: the payload was written by `store` from
            // `Engine::precompile_module` on an engine with the same
            // compatibility hash, and its checksum matches, so it is
            // exactly those bytes (files are only ever renamed into place
            // whole, so the file wasmtime maps is a checked one); wasmtime
            // still checks the engine settings.
            Ok(()) => match unsafe { Module::deserialize_file(engine, &path) } {
                Ok(m) => return Lookup::Hit(m),
                Err(e) => format!("cannot load {}: {e}", path.display()),
            },
            Err(why) => format!("{} is {why}", path.display()),
        };
        let _ = std::fs::remove_file(&path);
        Lookup::Corrupt(reason)
    }

    /// Stores compiled code for `bytes` (best effort).
    pub fn store(&self, engine: &Engine, bytes: &[u8], payload: &[u8]) -> std::io::Result<()> {
        store(&self.entry_path(engine, bytes), payload)?;
        self.trim();
        Ok(())
    }

    /// The compiled module for `bytes`, from the cache or freshly compiled
    /// (and then stored). A corrupt entry is reported on standard error.
    pub fn load_or_compile(&self, engine: &Engine, bytes: &[u8]) -> wasmtime::Result<Module> {
        match self.lookup(engine, bytes) {
            Lookup::Hit(m) => return Ok(m),
            Lookup::Miss => {}
            Lookup::Corrupt(why) => eprintln!("warning: module cache: discarded a corrupt entry: {why}; rebuilding it"),
        }
        let payload = engine.precompile_module(bytes)?;
        let _ = self.store(engine, bytes, &payload);
        // SAFETY: `payload` was just produced by this engine.
        unsafe { Module::deserialize(engine, &payload) }
    }

    /// The file of the boot snapshot stored under `key`.
    fn snapshot_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("boot-{key}.snapshot"))
    }

    /// The boot snapshot stored under `key` (`compiler::boot_snapshot`,
    /// which checks it), if there is one.
    pub fn snapshot(&self, key: &str) -> Option<Vec<u8>> {
        let path = self.snapshot_path(key);
        read_marking_used(&path).ok()
    }

    /// Stores a boot snapshot under `key` (best effort, atomically).
    pub fn store_snapshot(&self, key: &str, bytes: &[u8]) -> std::io::Result<()> {
        write_atomically(&self.snapshot_path(key), bytes)?;
        self.trim();
        Ok(())
    }

    /// Deletes the boot snapshot under `key` (one that was refused).
    pub fn discard_snapshot(&self, key: &str) {
        let _ = std::fs::remove_file(self.snapshot_path(key));
    }

    /// The number of entries and their total size in bytes.
    pub fn usage(&self) -> (u64, u64) {
        let s = self.summary();
        (s.modules + s.snapshots, s.bytes)
    }

    /// The entries and boot snapshots (last use, size, path), and the
    /// temporary files left more than an hour ago.
    fn files(&self) -> Files {
        let mut files = Files::default();
        let Ok(rd) = std::fs::read_dir(&self.dir) else { return files };
        let stale = SystemTime::now() - TOUCH_AFTER;
        for e in rd.filter_map(|e| e.ok()) {
            let (path, Ok(meta)) = (e.path(), e.metadata()) else { continue };
            let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            match path.extension().and_then(|x| x.to_str()) {
                Some("cwasm" | "snapshot") => files.entries.push((used, meta.len(), path)),
                Some(x) if x.starts_with("tmp") && used < stale => files.abandoned.push(path),
                _ => {}
            }
        }
        files
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What the folder holds, for `cache info`.
    pub fn summary(&self) -> Summary {
        let files = self.files();
        let mut s = Summary { abandoned: files.abandoned.len() as u64, ..Summary::default() };
        for (used, len, path) in &files.entries {
            match path.extension().is_some_and(|x| x == "snapshot") {
                true => s.snapshots += 1,
                false => s.modules += 1,
            }
            s.bytes += len;
            let secs = used.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
            s.oldest_use = Some(s.oldest_use.map_or(secs, |o: u64| o.min(secs)));
            s.newest_use = Some(s.newest_use.map_or(secs, |n: u64| n.max(secs)));
        }
        s
    }

    /// Deletes every entry, boot snapshot and temporary file of the folder
    /// (nothing else in it); returns how many files and bytes went.
    pub fn clean(&self) -> (u64, u64) {
        let Ok(rd) = std::fs::read_dir(&self.dir) else { return (0, 0) };
        let mut gone = (0, 0);
        for e in rd.filter_map(|e| e.ok()) {
            let path = e.path();
            let ours = path
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| x == "cwasm" || x == "snapshot" || x.starts_with("tmp"));
            let len = e.metadata().map_or(0, |m| m.len());
            if ours && std::fs::remove_file(&path).is_ok() {
                gone = (gone.0 + 1, gone.1 + len);
            }
        }
        gone
    }

    /// Keeps the folder within its limit (see the module doc); best effort.
    pub fn trim(&self) {
        let Files { mut entries, abandoned } = self.files();
        for path in abandoned {
            let _ = std::fs::remove_file(path);
        }
        let mut total: u64 = entries.iter().map(|e| e.1).sum();
        if total <= self.max_bytes {
            return;
        }
        let goal = self.max_bytes / 10 * 8;
        entries.sort();
        for (_, len, path) in entries {
            if total <= goal {
                break;
            }
            if std::fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
    }
}

/// What a cache folder holds.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Compiled modules.
    pub modules: u64,
    /// Boot snapshots.
    pub snapshots: u64,
    /// Their total size.
    pub bytes: u64,
    /// Temporary files a writer left more than an hour ago.
    pub abandoned: u64,
    /// The least and most recent use of an entry, in Unix seconds.
    pub oldest_use: Option<u64>,
    pub newest_use: Option<u64>,
}

/// What [`ModuleCache::files`] lists.
#[derive(Default)]
struct Files {
    entries: Vec<(SystemTime, u64, PathBuf)>,
    abandoned: Vec<PathBuf>,
}

/// The size limit `FASTFORTH_CACHE_MAX` sets, or the default; a value that
/// is not a size is reported and ignored.
fn max_bytes_from_env() -> u64 {
    match std::env::var(MAX_ENV) {
        Ok(v) => parse_size(&v).unwrap_or_else(|why| {
            eprintln!("warning: {MAX_ENV}={v:?}: {why}; using {} MiB", DEFAULT_MAX_BYTES >> 20);
            DEFAULT_MAX_BYTES
        }),
        Err(_) => DEFAULT_MAX_BYTES,
    }
}

/// A size in bytes from text such as `512M`, `2G`, `1.5GiB` or `300` (a
/// bare number is MiB); units are powers of 1024: K, M, G, T, with or
/// without `iB` or `B`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let value: f64 = number.parse().map_err(|_| format!("{text:?} is not a size such as 512M or 2G"))?;
    let shift = match unit.trim().to_ascii_uppercase().trim_end_matches("IB").trim_end_matches('B') {
        "K" => 10,
        "" | "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return Err(format!("{text:?} has an unknown unit (K, M, G or T)")),
    };
    let bytes = value * (1u64 << shift) as f64;
    if !bytes.is_finite() || bytes > u64::MAX as f64 {
        return Err(format!("{text:?} is too large"));
    }
    Ok(bytes as u64)
}

/// Reads a cache file and marks it as used now, unless it was marked
/// recently, through one open (this is on every start-up's path). A file
/// this user may only read is still read, unmarked.
fn read_marking_used(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut file = open_marking_used(path)?;
    let mut bytes = Vec::with_capacity(file.metadata()?.len() as usize);
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Checks a [`with_checksum_after`] file by reading it through one small
/// buffer: no copy of the whole file, no fresh memory to fault in.
fn check_streamed(mut file: std::fs::File) -> std::io::Result<Result<(), &'static str>> {
    use std::io::Read as _;
    let len = file.metadata()?.len();
    let Some(payload_len) = len.checked_sub(CHECKSUM_LEN as u64) else {
        return Ok(Err("truncated (shorter than its checksum)"));
    };
    let mut crc = crc32fast::Hasher::new();
    let mut buf = vec![0u8; 64 << 10];
    let mut left = payload_len;
    while left > 0 {
        let n = buf.len().min(left as usize);
        file.read_exact(&mut buf[..n])?;
        crc.update(&buf[..n]);
        left -= n as u64;
    }
    let mut sum = [0u8; CHECKSUM_LEN];
    file.read_exact(&mut sum)?;
    Ok(if crc.finalize().to_le_bytes() == sum { Ok(()) } else { Err("corrupt or truncated (checksum mismatch)") })
}

/// Opens a cache file for reading and marks it as used now, unless it was
/// marked recently, through one open. A file this user may only read is
/// still opened, unmarked.
fn open_marking_used(path: &Path) -> std::io::Result<std::fs::File> {
    let file = match std::fs::File::options().read(true).append(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => return std::fs::File::open(path),
        Err(e) => return Err(e),
    };
    let fresh = file.metadata()?.modified().is_ok_and(|t| t.elapsed().is_ok_and(|age| age < TOUCH_AFTER));
    if !fresh {
        let _ = file.set_modified(SystemTime::now());
    }
    Ok(file)
}

fn store(path: &Path, payload: &[u8]) -> std::io::Result<()> {
    write_atomically(path, &with_checksum_after(payload))
}

/// Writes a file through a temporary one unique to the process and thread,
/// renamed into place, so readers only ever see whole files.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let seq = SEQ.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp{}-{seq}", std::process::id()));
    let res = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corrupt_entry_is_reported_and_rebuilt_not_loaded() {
        let dir = std::env::temp_dir().join(format!("ff-cache-test-{}", std::process::id()));
        let cache = ModuleCache::new(dir.clone()).unwrap();
        let engine = Engine::default();
        let wasm = wat_module();
        cache.load_or_compile(&engine, &wasm).unwrap();
        let entry = cache.entry_path(&engine, &wasm);
        assert!(compiler::digest::checked_payload_before(&std::fs::read(&entry).unwrap()).is_ok());
        for bad in [&b"garbage that is long enough to have a checksum and more"[..], b"short"] {
            std::fs::write(&entry, bad).unwrap();
            assert!(matches!(cache.lookup(&engine, &wasm), Lookup::Corrupt(_)));
            assert!(!entry.exists(), "a corrupt entry is deleted");
            assert!(matches!(cache.lookup(&engine, &wasm), Lookup::Miss));
            let m = cache.load_or_compile(&engine, &wasm).unwrap();
            assert!(m.get_export("f").is_some());
            assert!(compiler::digest::checked_payload_before(&std::fs::read(&entry).unwrap()).is_ok());
            assert!(matches!(cache.lookup(&engine, &wasm), Lookup::Hit(_)));
        }
        assert_eq!(cache.usage().0, 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_folder_keeps_within_its_limit_by_dropping_the_least_recently_used() {
        let dir = std::env::temp_dir().join(format!("ff-cache-trim-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cache = ModuleCache::new(dir.clone()).unwrap().with_max_bytes(10_000);
        let day = Duration::from_secs(86_400);
        let old = SystemTime::now() - 3 * day;
        // Four entries of 3,000 bytes, used one day apart, oldest first;
        // then a fifth: 15,000 bytes is over the limit, and trimming stops
        // at 8,000 or less, so the three least recently used go.
        for (i, name) in ["a", "b", "c", "d"].iter().enumerate() {
            let path = dir.join(format!("{name}.cwasm"));
            std::fs::write(&path, vec![0u8; 3000]).unwrap();
            let f = std::fs::File::options().append(true).open(&path).unwrap();
            f.set_modified(old + day * i as u32).unwrap();
        }
        let left = dir.join("x.tmp123-0");
        std::fs::write(&left, b"half a write").unwrap();
        std::fs::File::options().append(true).open(&left).unwrap().set_modified(old).unwrap();
        // Loading "a" marks it used, so "b" is now the oldest.
        read_marking_used(&dir.join("a.cwasm")).unwrap();
        store(&dir.join("e.cwasm"), &[0u8; 3000 - compiler::digest::CHECKSUM_LEN]).unwrap();
        cache.trim();
        let mut names: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        assert_eq!(names, ["a.cwasm", "e.cwasm"]);
        assert_eq!(cache.usage(), (2, 6000));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn sizes_are_read_with_binary_units() {
        assert_eq!(parse_size("300"), Ok(300 << 20));
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("2G"), Ok(2 << 30));
        assert_eq!(parse_size("1.5GiB"), Ok(3 << 29));
        assert_eq!(parse_size(" 64 kb "), Ok(64 << 10));
        assert_eq!(parse_size("0"), Ok(0));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5X").is_err());
        assert!(parse_size("").is_err());
        assert!(parse_size("99999999999T").is_err());
    }

    #[test]
    fn a_folder_within_its_limit_is_left_alone() {
        let dir = std::env::temp_dir().join(format!("ff-cache-keep-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cache = ModuleCache::new(dir.clone()).unwrap().with_max_bytes(10_000);
        for name in ["a.cwasm", "boot-k.snapshot", "notes.txt"] {
            std::fs::write(dir.join(name), vec![1u8; 4000]).unwrap();
        }
        cache.trim();
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 3, "other files do not count");
        assert_eq!(cache.usage(), (2, 8000));
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn wat_module() -> Vec<u8> {
        // The `wat` feature lets the engine accept the text format directly.
        b"(module (func (export \"f\")))".to_vec()
    }
}
