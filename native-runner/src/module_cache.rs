//! A disk cache of modules compiled by Cranelift.
//!
//! An entry is keyed by the sha256 of the module bytes and of the engine's
//! compatibility hash (wasmtime version, target and settings), and stored as
//! the sha256 of its payload followed by the payload that
//! `Module::serialize` produced. Before an entry is used its payload hash is
//! checked; a corrupt or truncated entry is discarded and rebuilt, never
//! loaded. Entries are written to a temporary file and renamed into place,
//! so concurrent writers cannot leave a partial entry.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use wasmtime::{Engine, Module};

/// The cache folder.
#[derive(Clone, Debug)]
pub struct ModuleCache {
    dir: PathBuf,
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

    fn key(engine: &Engine, bytes: &[u8]) -> String {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut h);
        let mut sha = Sha256::new();
        sha.update(h.finish().to_le_bytes());
        sha.update(bytes);
        hex(&sha.finalize())
    }

    /// The compiled module for `bytes`, from the cache or freshly compiled.
    pub fn load_or_compile(&self, engine: &Engine, bytes: &[u8]) -> wasmtime::Result<Module> {
        let path = self.dir.join(format!("{}.cwasm", Self::key(engine, bytes)));
        if let Ok(entry) = std::fs::read(&path) {
            if let Some(payload) = verified_payload(&entry) {
                // SAFETY: the payload was written by `store` below from
                // `Module::serialize` on an engine with the same compatibility
                // hash, and its sha256 matches, so it is exactly those bytes.
                if let Ok(m) = unsafe { Module::deserialize(engine, payload) } {
                    return Ok(m);
                }
            }
            let _ = std::fs::remove_file(&path);
        }
        let module = Module::new(engine, bytes)?;
        if let Ok(payload) = module.serialize() {
            let _ = store(&path, &payload);
        }
        Ok(module)
    }
}

fn verified_payload(entry: &[u8]) -> Option<&[u8]> {
    if entry.len() < 32 {
        return None;
    }
    let (sum, payload) = entry.split_at(32);
    (Sha256::digest(payload).as_slice() == sum).then_some(payload)
}

fn store(path: &Path, payload: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let mut entry = Sha256::digest(payload).to_vec();
    entry.extend_from_slice(payload);
    std::fs::write(&tmp, &entry)?;
    std::fs::rename(&tmp, path)
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
        assert_eq!(verified_payload(&entry), Some(&payload[..]));
        let mut bad = entry.clone();
        *bad.last_mut().unwrap() ^= 1;
        assert_eq!(verified_payload(&bad), None);
        assert_eq!(verified_payload(&entry[..40]), None);
        assert_eq!(verified_payload(&entry[..10]), None);
    }

    #[test]
    fn a_corrupt_entry_is_rebuilt_not_loaded() {
        let dir = std::env::temp_dir().join(format!("ff-cache-test-{}", std::process::id()));
        let cache = ModuleCache::new(dir.clone()).unwrap();
        let engine = Engine::default();
        let wasm = wat_module();
        cache.load_or_compile(&engine, &wasm).unwrap();
        let entry = std::fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
        std::fs::write(&entry, b"garbage that is long enough to have a checksum and more").unwrap();
        let m = cache.load_or_compile(&engine, &wasm).unwrap();
        assert!(m.get_export("f").is_some());
        let rebuilt = std::fs::read(&entry).unwrap();
        assert!(verified_payload(&rebuilt).is_some());
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn wat_module() -> Vec<u8> {
        // The `wat` feature lets the engine accept the text format directly.
        b"(module (func (export \"f\")))".to_vec()
    }
}
