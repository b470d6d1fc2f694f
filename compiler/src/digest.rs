//! Hex text of bytes and of their sha256, as every report, provenance
//! section, cache key and share link writes them; and the checksum that
//! stored files (module cache entries, boot snapshots) carry against
//! corruption.
//!
//! A leaf module: it depends on nothing else in the crate, so pure modules
//! (provenance, share links) can use it without importing the linker.

use sha2::{Digest, Sha256};

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(2 * bytes.len());
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Lower-case hex of the sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The length of the checksum in front of a [`with_checksum`] payload.
pub const CHECKSUM_LEN: usize = 4;

/// `payload` behind its CRC-32 (little-endian). Files the system writes
/// for itself into the user's own cache folder carry it: it detects
/// truncation and corruption, which is what a cache must survive (anyone
/// who can rewrite the folder can rewrite its checksums too, so a
/// cryptographic hash would add nothing). CRC-32 runs at memory speed;
/// sha256 of the cached code took about a tenth of a start-up.
pub fn with_checksum(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(CHECKSUM_LEN + payload.len());
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of a [`with_checksum`] entry whose checksum matches, or why
/// it does not.
pub fn checked_payload(entry: &[u8]) -> Result<&[u8], &'static str> {
    if entry.len() < CHECKSUM_LEN {
        return Err("truncated (shorter than its checksum)");
    }
    let (sum, payload) = entry.split_at(CHECKSUM_LEN);
    if crc32fast::hash(payload).to_le_bytes() == sum {
        Ok(payload)
    } else {
        Err("corrupt or truncated (checksum mismatch)")
    }
}

/// `payload` followed by its CRC-32 (little-endian): the payload stays at
/// the start of the file, so a reader can map the file and give it to a
/// parser that reads from offset 0 and ignores what follows (wasmtime's
/// `Module::deserialize_file` maps a module cache entry without copying
/// it).
pub fn with_checksum_after(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + CHECKSUM_LEN);
    out.extend_from_slice(payload);
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out
}

/// The payload of a [`with_checksum_after`] entry whose checksum matches,
/// or why it does not.
pub fn checked_payload_before(entry: &[u8]) -> Result<&[u8], &'static str> {
    let Some(split) = entry.len().checked_sub(CHECKSUM_LEN) else {
        return Err("truncated (shorter than its checksum)");
    };
    let (payload, sum) = entry.split_at(split);
    if crc32fast::hash(payload).to_le_bytes() == sum {
        Ok(payload)
    } else {
        Err("corrupt or truncated (checksum mismatch)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_catch_damage() {
        let entry = with_checksum(b"compiled code");
        assert_eq!(checked_payload(&entry), Ok(&b"compiled code"[..]));
        for i in 0..entry.len() {
            let mut bad = entry.clone();
            bad[i] ^= 0x10;
            assert!(checked_payload(&bad).is_err(), "a flipped bit at {i}");
        }
        for n in 0..entry.len() {
            assert!(checked_payload(&entry[..n]).is_err(), "truncated to {n}");
        }
        assert_eq!(checked_payload(&with_checksum(b"")), Ok(&b""[..]));
    }

    #[test]
    fn trailing_checksums_catch_damage() {
        let entry = with_checksum_after(b"compiled code");
        assert_eq!(&entry[..13], b"compiled code", "the payload comes first");
        assert_eq!(checked_payload_before(&entry), Ok(&b"compiled code"[..]));
        for i in 0..entry.len() {
            let mut bad = entry.clone();
            bad[i] ^= 0x10;
            assert!(checked_payload_before(&bad).is_err(), "a flipped bit at {i}");
        }
        for n in 0..entry.len() {
            assert!(checked_payload_before(&entry[..n]).is_err(), "truncated to {n}");
        }
        assert_eq!(checked_payload_before(&with_checksum_after(b"")), Ok(&b""[..]));
    }

    #[test]
    fn hex_and_sha256() {
        assert_eq!(hex(&[0, 1, 0xab, 0xff]), "0001abff");
        assert_eq!(hex(&[]), "");
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
