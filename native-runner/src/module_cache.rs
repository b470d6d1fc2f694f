//! A disk cache of modules compiled ahead of time by Cranelift.
//!
//! An entry is keyed by the sha256 of the module bytes, of the engine's
//! compatibility hash (wasmtime version, Cranelift settings, CPU features)
//! and of the target triple, and stored as the sha256 of its payload
//! followed by the payload that `Engine::precompile_module` produced.
//!
//! Guarantees:
//! - before an entry is used its payload hash is checked; a corrupt or
//!   truncated entry is reported on standard error, discarded and rebuilt,
//!   never loaded;
//! - entries are written to a temporary file unique to the process and
//!   thread, then renamed into place, so concurrent writers (threads or
//!   processes) can only ever leave whole entries; the last rename wins and
//!   every candidate is a valid entry for the key;
//! - an unusable cache folder only costs speed: compiling still works.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};
use wasmtime::{Engine, Module};

use crate::engine::HOST_TARGET;

/// The cache folder.
#[derive(Clone, Debug)]
pub struct ModuleCache {
    dir: PathBuf,
}

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
        Ok(ModuleCache { dir })
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
        sha.update(b"fastforth module cache v2\0");
        sha.update(HOST_TARGET.as_bytes());
        sha.update(h.finish().to_le_bytes());
        sha.update(Sha256::digest(bytes));
        self.dir.join(format!("{}.cwasm", hex(&sha.finalize())))
    }

    /// Looks `bytes` up; a corrupt entry is deleted and described.
    pub fn lookup(&self, engine: &Engine, bytes: &[u8]) -> Lookup {
        let path = self.entry_path(engine, bytes);
        let Ok(entry) = std::fs::read(&path) else { return Lookup::Miss };
        let reason = match verified_payload(&entry) {
            // SAFETY: the payload was written by `store` from
            // `Engine::precompile_module` on an engine with the same
            // compatibility hash, and its sha256 matches, so it is exactly
            // those bytes; wasmtime still checks the engine settings.
            Ok(payload) => match unsafe { Module::deserialize(engine, payload) } {
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
        store(&self.entry_path(engine, bytes), payload)
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
        std::fs::read(self.snapshot_path(key)).ok()
    }

    /// Stores a boot snapshot under `key` (best effort, atomically).
    pub fn store_snapshot(&self, key: &str, bytes: &[u8]) -> std::io::Result<()> {
        write_atomically(&self.snapshot_path(key), bytes)
    }

    /// Deletes the boot snapshot under `key` (one that was refused).
    pub fn discard_snapshot(&self, key: &str) {
        let _ = std::fs::remove_file(self.snapshot_path(key));
    }

    /// The number of entries and their total size in bytes.
    pub fn usage(&self) -> (u64, u64) {
        let Ok(rd) = std::fs::read_dir(&self.dir) else { return (0, 0) };
        rd.filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "cwasm" || x == "snapshot"))
            .filter_map(|e| e.metadata().ok())
            .fold((0, 0), |(n, b), m| (n + 1, b + m.len()))
    }
}

/// The payload of an entry whose checksum matches, or why it does not.
pub fn verified_payload(entry: &[u8]) -> Result<&[u8], &'static str> {
    if entry.len() < 32 {
        return Err("truncated (shorter than its checksum)");
    }
    let (sum, payload) = entry.split_at(32);
    if Sha256::digest(payload).as_slice() == sum {
        Ok(payload)
    } else {
        Err("corrupt or truncated (checksum mismatch)")
    }
}

fn store(path: &Path, payload: &[u8]) -> std::io::Result<()> {
    let mut entry = Sha256::digest(payload).to_vec();
    entry.extend_from_slice(payload);
    write_atomically(path, &entry)
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

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_entries_are_rejected() {
        let payload = b"compiled code".to_vec();
        let mut entry = Sha256::digest(&payload).to_vec();
        entry.extend_from_slice(&payload);
        assert_eq!(verified_payload(&entry), Ok(&payload[..]));
        let mut bad = entry.clone();
        *bad.last_mut().unwrap() ^= 1;
        assert!(verified_payload(&bad).is_err());
        assert!(verified_payload(&entry[..40]).is_err());
        assert!(verified_payload(&entry[..10]).is_err());
    }

    #[test]
    fn a_corrupt_entry_is_reported_and_rebuilt_not_loaded() {
        let dir = std::env::temp_dir().join(format!("ff-cache-test-{}", std::process::id()));
        let cache = ModuleCache::new(dir.clone()).unwrap();
        let engine = Engine::default();
        let wasm = wat_module();
        cache.load_or_compile(&engine, &wasm).unwrap();
        let entry = cache.entry_path(&engine, &wasm);
        assert!(verified_payload(&std::fs::read(&entry).unwrap()).is_ok());
        for bad in [&b"garbage that is long enough to have a checksum and more"[..], b"short"] {
            std::fs::write(&entry, bad).unwrap();
            assert!(matches!(cache.lookup(&engine, &wasm), Lookup::Corrupt(_)));
            assert!(!entry.exists(), "a corrupt entry is deleted");
            assert!(matches!(cache.lookup(&engine, &wasm), Lookup::Miss));
            let m = cache.load_or_compile(&engine, &wasm).unwrap();
            assert!(m.get_export("f").is_some());
            assert!(verified_payload(&std::fs::read(&entry).unwrap()).is_ok());
            assert!(matches!(cache.lookup(&engine, &wasm), Lookup::Hit(_)));
        }
        assert_eq!(cache.usage().0, 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn wat_module() -> Vec<u8> {
        // The `wat` feature lets the engine accept the text format directly.
        b"(module (func (export \"f\")))".to_vec()
    }
}
