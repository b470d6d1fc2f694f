//! Share links: a program, its settings and its results, carried in a URL fragment.
//!
//! A link is `BASE_URL#share=PAYLOAD`. The payload is the base64url text
//! (no padding) of the raw-deflate compression of an envelope:
//!
//! ```text
//! {"v":1,"sha256":"<hex sha256 of content>","content":"<content JSON as a string>"}
//! ```
//!
//! The content is [`Shared`] serialized as JSON. The hash covers the exact
//! content string, so no canonical form is needed and any change to it is
//! detected.
//!
//! Guarantees:
//! - [`encode`] is deterministic: the same content gives the same payload,
//!   in the browser and natively.
//! - [`decode`] never panics and never inflates more than
//!   [`MAX_INFLATED_BYTES`]; a payload over [`MAX_PAYLOAD_BYTES`], a bad
//!   version, bad base64, bad deflate data, bad JSON or a hash mismatch each
//!   give their own [`ShareError`].
//! - Decoding only produces data. Nothing here runs or renders what a link
//!   carries; showing it as text is the caller's job.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The key that introduces the payload in a URL fragment.
pub const FRAGMENT_KEY: &str = "share=";
/// The envelope version this code writes and reads.
pub const VERSION: u64 = 1;
/// The largest payload (base64 text) a link may carry.
pub const MAX_PAYLOAD_BYTES: usize = 64 * 1024;
/// The largest envelope a payload may inflate to.
pub const MAX_INFLATED_BYTES: usize = 1 << 20;

/// What a link carries.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Shared {
    /// The Forth source.
    pub source: String,
    /// Playground settings (entry word, optimization level, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<serde_json::Value>,
    /// Browser benchmark results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bench: Option<serde_json::Value>,
    /// A `native-runner bench --format json` report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_report: Option<serde_json::Value>,
}

/// Why a link could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The payload is longer than [`MAX_PAYLOAD_BYTES`].
    TooLarge {
        /// The payload's length in bytes.
        bytes: usize,
    },
    /// The fragment has no `share=` payload.
    Missing,
    /// The payload is not base64url text.
    Base64,
    /// The payload is not raw-deflate data, or inflates past [`MAX_INFLATED_BYTES`].
    Deflate,
    /// The envelope or the content is not the expected JSON.
    Json(String),
    /// The envelope has a version this code does not read.
    Version(u64),
    /// The content does not match the envelope's sha256.
    HashMismatch,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLarge { bytes } => {
                write!(f, "share link too large: {bytes} bytes, the limit is {MAX_PAYLOAD_BYTES}")
            }
            ShareError::Missing => write!(f, "not a share link: no `#{FRAGMENT_KEY}` payload"),
            ShareError::Base64 => write!(f, "malformed share link: the payload is not base64url"),
            ShareError::Deflate => write!(f, "malformed share link: the payload does not decompress"),
            ShareError::Json(e) => write!(f, "malformed share link: {e}"),
            ShareError::Version(v) => write!(f, "share link version {v} is not supported (this is version {VERSION})"),
            ShareError::HashMismatch => write!(f, "tampered share link: the content does not match its sha256"),
        }
    }
}

impl std::error::Error for ShareError {}

#[derive(Serialize, Deserialize)]
struct Envelope {
    v: u64,
    sha256: String,
    content: String,
}

use crate::digest::sha256_hex;

/// Encodes `shared` as a payload, the text after `#share=`.
pub fn encode(shared: &Shared) -> Result<String, ShareError> {
    let content = serde_json::to_string(shared).map_err(|e| ShareError::Json(e.to_string()))?;
    let envelope = Envelope { v: VERSION, sha256: sha256_hex(content.as_bytes()), content };
    let json = serde_json::to_vec(&envelope).map_err(|e| ShareError::Json(e.to_string()))?;
    let payload = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&json, 9));
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(ShareError::TooLarge { bytes: payload.len() });
    }
    Ok(payload)
}

/// A full link: `base_url` (any fragment dropped), then `#share=` and the payload.
pub fn link(base_url: &str, shared: &Shared) -> Result<String, ShareError> {
    let base = base_url.split('#').next().unwrap_or_default();
    Ok(format!("{base}#{FRAGMENT_KEY}{}", encode(shared)?))
}

/// Decodes a link, a fragment (`#share=...`, `share=...`) or a bare payload.
pub fn decode(text: &str) -> Result<Shared, ShareError> {
    let text = text.trim();
    let payload = match text.find(FRAGMENT_KEY) {
        Some(at) => &text[at + FRAGMENT_KEY.len()..],
        None if text.contains('#') || text.contains("://") => return Err(ShareError::Missing),
        None => text,
    };
    let payload = payload.split('&').next().unwrap_or_default();
    if payload.is_empty() {
        return Err(ShareError::Missing);
    }
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(ShareError::TooLarge { bytes: payload.len() });
    }
    let deflated = URL_SAFE_NO_PAD.decode(payload).map_err(|_| ShareError::Base64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_INFLATED_BYTES)
        .map_err(|_| ShareError::Deflate)?;
    let envelope: Envelope =
        serde_json::from_slice(&json).map_err(|e| ShareError::Json(format!("bad envelope: {e}")))?;
    if envelope.v != VERSION {
        return Err(ShareError::Version(envelope.v));
    }
    if sha256_hex(envelope.content.as_bytes()) != envelope.sha256.to_ascii_lowercase() {
        return Err(ShareError::HashMismatch);
    }
    serde_json::from_str(&envelope.content).map_err(|e| ShareError::Json(format!("bad content: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Shared {
        Shared {
            source: ": SQUARE ( n -- n*n ) DUP * ;\n7 SQUARE . \\ <script>alert(1)</script> é\n".into(),
            settings: Some(serde_json::json!({"entry": "MAIN", "opt": 2})),
            bench: None,
            native_report: Some(serde_json::json!({"schema": "fastforth.bench/1", "results": []})),
        }
    }

    /// Re-wraps `envelope` JSON as a payload, for building doctored links.
    fn wrap(envelope: &str) -> String {
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(envelope.as_bytes(), 6))
    }

    #[test]
    fn round_trips_through_every_accepted_form() {
        let payload = encode(&sample()).unwrap();
        let url = link("https://play.example/?x=1#old", &sample()).unwrap();
        assert_eq!(url, format!("https://play.example/?x=1#share={payload}"));
        for text in [payload.clone(), url, format!("#share={payload}"), format!("share={payload}")] {
            assert_eq!(decode(&text).unwrap(), sample());
        }
    }

    #[test]
    fn encoding_is_deterministic_and_compresses() {
        let big = Shared { source: ": X 1 2 + ;\n".repeat(2000), ..Shared::default() };
        assert_eq!(encode(&big).unwrap(), encode(&big).unwrap());
        assert!(encode(&big).unwrap().len() < big.source.len() / 10);
    }

    #[test]
    fn optional_fields_are_omitted() {
        let plain = Shared { source: "1 .".into(), ..Shared::default() };
        let inflated =
            miniz_oxide::inflate::decompress_to_vec(&URL_SAFE_NO_PAD.decode(encode(&plain).unwrap()).unwrap()).unwrap();
        let envelope: Envelope = serde_json::from_slice(&inflated).unwrap();
        assert_eq!(envelope.content, r#"{"source":"1 ."}"#);
    }

    #[test]
    fn oversized_content_is_refused_both_ways() {
        // Incompressible source: every line differs.
        let source: String = (0..40_000u32).map(|i| format!("{:x} ", i.wrapping_mul(2654435761))).collect();
        let err = encode(&Shared { source, ..Shared::default() }).unwrap_err();
        assert!(matches!(err, ShareError::TooLarge { .. }), "{err}");
        let long = "A".repeat(MAX_PAYLOAD_BYTES + 1);
        assert!(matches!(decode(&long), Err(ShareError::TooLarge { .. })));
    }

    #[test]
    fn inflation_is_bounded() {
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&vec![b' '; 4 << 20], 9));
        assert!(bomb.len() <= MAX_PAYLOAD_BYTES);
        assert_eq!(decode(&bomb), Err(ShareError::Deflate));
    }

    #[test]
    fn malformed_links_give_distinct_errors() {
        assert_eq!(decode("https://play.example/#other=1"), Err(ShareError::Missing));
        assert_eq!(decode("#share="), Err(ShareError::Missing));
        assert_eq!(decode("#share=!!!"), Err(ShareError::Base64));
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode(b"\xff\xfe not deflate")), Err(ShareError::Deflate));
        assert!(matches!(decode(&wrap("[1,2]")), Err(ShareError::Json(_))));
        let content = r#"{"source":"1 ."}"#;
        let hash = sha256_hex(content.as_bytes());
        let v2 = format!(r#"{{"v":2,"sha256":"{hash}","content":{}}}"#, serde_json::to_string(content).unwrap());
        assert_eq!(decode(&wrap(&v2)), Err(ShareError::Version(2)));
        let bad_content = format!(r#"{{"v":1,"sha256":"{}","content":"[]"}}"#, sha256_hex(b"[]"));
        assert!(matches!(decode(&wrap(&bad_content)), Err(ShareError::Json(_))));
    }

    #[test]
    fn tampering_is_detected() {
        let content = r#"{"source":"1 ."}"#;
        let forged = format!(
            r#"{{"v":1,"sha256":"{}","content":{}}}"#,
            sha256_hex(content.as_bytes()),
            serde_json::to_string(r#"{"source":"2 ."}"#).unwrap()
        );
        assert_eq!(decode(&wrap(&forged)), Err(ShareError::HashMismatch));
        // Flipping a character of a real payload breaks it one way or another.
        let mut payload = encode(&sample()).unwrap().into_bytes();
        let mid = payload.len() / 2;
        payload[mid] = if payload[mid] == b'A' { b'B' } else { b'A' };
        assert!(decode(std::str::from_utf8(&payload).unwrap()).is_err());
    }

    #[test]
    fn errors_read_well() {
        assert!(ShareError::TooLarge { bytes: 70000 }.to_string().contains("70000 bytes"));
        assert!(ShareError::HashMismatch.to_string().starts_with("tampered"));
    }
}
