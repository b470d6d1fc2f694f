//! Ahead-of-time compiled programs: the `.cwasm` files that
//! `native-runner build --aot` writes and `native-runner run` loads.
//!
//! A `.cwasm` holds the machine code Cranelift made from a linked artifact
//! (the output of `Engine::precompile_module`, an ELF image), followed by
//! the artifact itself (which carries the image description: words, entry,
//! memory sizes) and a footer:
//!
//! ```text
//! precompiled bytes | artifact bytes | sha256(precompiled ++ artifact) (32)
//!                   | precompiled length (u64 LE) | artifact length (u64 LE) | "FFCWASM1"
//! ```
//!
//! Guarantees: [`unpack`] returns the two parts only when the footer is
//! intact and the checksum matches, so a truncated or damaged file is a
//! clear error, never loaded. The checksum detects accidents, not malice:
//! wasmtime trusts precompiled code, so only run `.cwasm` files you built.
//! wasmtime itself refuses code built for another target, wasmtime version
//! or CPU feature set.

use sha2::{Digest, Sha256};

use crate::engine;

/// The last bytes of every `.cwasm`.
pub const MAGIC: &[u8; 8] = b"FFCWASM1";

const FOOTER: usize = 32 + 8 + 8 + MAGIC.len();

/// Compiles a linked artifact for `target` (`None`: this host, with its CPU
/// features) and packs it as a `.cwasm`.
pub fn compile(artifact: &[u8], target: Option<&str>) -> anyhow::Result<Vec<u8>> {
    let eng = match target {
        Some(t) => engine::compiler_for(t)?,
        None => wasmtime::Engine::new(&engine::config(None, engine::Checks::for_time_limit(true))?)?,
    };
    let code = eng.precompile_module(artifact)?;
    Ok(pack(&code, artifact))
}

/// Packs precompiled code and the artifact it was made from.
pub fn pack(precompiled: &[u8], artifact: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(precompiled.len() + artifact.len() + FOOTER);
    out.extend_from_slice(precompiled);
    out.extend_from_slice(artifact);
    let sum = Sha256::digest(&out);
    out.extend_from_slice(&sum);
    out.extend_from_slice(&(precompiled.len() as u64).to_le_bytes());
    out.extend_from_slice(&(artifact.len() as u64).to_le_bytes());
    out.extend_from_slice(MAGIC);
    out
}

/// The two parts of a `.cwasm`.
#[derive(Debug, PartialEq, Eq)]
pub struct Unpacked<'a> {
    /// The code for wasmtime's `Module::deserialize`.
    pub precompiled: &'a [u8],
    /// The linked artifact it was compiled from.
    pub artifact: &'a [u8],
}

/// Whether `bytes` end like a `.cwasm` (the footer is not checked further).
pub fn is_packed(bytes: &[u8]) -> bool {
    bytes.ends_with(MAGIC)
}

/// Splits a `.cwasm`, checking its footer and checksum.
pub fn unpack(bytes: &[u8]) -> Result<Unpacked<'_>, String> {
    if bytes.len() < FOOTER || !is_packed(bytes) {
        return Err("not a FastForth .cwasm (no FFCWASM1 footer); was it truncated?".into());
    }
    let foot = &bytes[bytes.len() - FOOTER..];
    let word = |i: usize| u64::from_le_bytes(foot[32 + 8 * i..40 + 8 * i].try_into().expect("8 bytes"));
    let (n_code, n_art) = (word(0), word(1));
    let body = (bytes.len() - FOOTER) as u64;
    if n_code.checked_add(n_art) != Some(body) {
        return Err("damaged .cwasm: its lengths do not match its size".into());
    }
    let (code, art) = bytes[..body as usize].split_at(n_code as usize);
    if Sha256::digest(&bytes[..body as usize]).as_slice() != &foot[..32] {
        return Err("damaged .cwasm: checksum mismatch".into());
    }
    Ok(Unpacked { precompiled: code, artifact: art })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_round_trips_and_damage_is_detected() {
        let packed = pack(b"code bytes", b"\0asm artifact");
        assert_eq!(unpack(&packed), Ok(Unpacked { precompiled: b"code bytes", artifact: b"\0asm artifact" }));
        let mut bad = packed.clone();
        bad[3] ^= 1;
        assert!(unpack(&bad).unwrap_err().contains("checksum"));
        assert!(unpack(&packed[5..]).unwrap_err().contains("lengths"));
        assert!(unpack(&packed[..packed.len() - 1]).is_err());
        assert!(unpack(b"FFCWASM1").is_err());
    }

    #[test]
    fn cross_compiles_for_aarch64() {
        // The `wat` feature lets the engine accept the text format directly.
        let wasm = b"(module (func (export \"f\")))".to_vec();
        let packed = compile(&wasm, Some("aarch64-unknown-linux-gnu")).unwrap();
        let u = unpack(&packed).unwrap();
        assert_eq!(u.artifact, &wasm[..]);
        // An ELF image for the aarch64 machine (e_machine 183).
        assert_eq!(&u.precompiled[..4], b"\x7fELF");
        assert_eq!(u16::from_le_bytes([u.precompiled[18], u.precompiled[19]]), 183);
    }
}
