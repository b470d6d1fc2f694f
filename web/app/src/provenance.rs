//! Provenance headers in Forth source: `\ KEY: value` comment lines
//! (`GENERATED_BY`, `PATTERN_ID`, `TIMESTAMP`, `VERIFIED`, `SPEC_HASH`,
//! `OPTIMIZATION_LEVEL`, `PERFORMANCE_TARGET`) above a definition.
//!
//! This is a simple extraction for display: each header is attached to the
//! next `: NAME` that follows it (or to none if no definition follows).
//! Guarantee: values are returned as text, untouched.

/// The header keys the design names.
pub const KEYS: &[&str] =
    &["GENERATED_BY", "PATTERN_ID", "TIMESTAMP", "VERIFIED", "SPEC_HASH", "OPTIMIZATION_LEVEL", "PERFORMANCE_TARGET"];

/// One header found in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// 1-based line.
    pub line: usize,
    /// The definition it stands above, if any.
    pub word: Option<String>,
    /// The key, as written in [`KEYS`].
    pub key: String,
    /// The value, trimmed.
    pub value: String,
}

/// Every header in `source`, in order.
pub fn extract(source: &str) -> Vec<Header> {
    let mut found: Vec<Header> = Vec::new();
    let mut waiting = 0; // headers not yet attached to a definition
    for (i, line) in source.lines().enumerate() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix('\\') {
            let rest = rest.trim_start();
            if let Some((key, value)) = rest.split_once(':') {
                let key = key.trim().to_ascii_uppercase();
                if KEYS.contains(&key.as_str()) {
                    found.push(Header { line: i + 1, word: None, key, value: value.trim().to_string() });
                    waiting += 1;
                }
            }
            continue;
        }
        let mut words = t.split_whitespace();
        if waiting > 0 && words.next() == Some(":") {
            if let Some(name) = words.next() {
                let n = found.len();
                for h in &mut found[n - waiting..] {
                    h.word = Some(name.to_string());
                }
                waiting = 0;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_attach_to_the_next_definition() {
        let src = "\\ GENERATED_BY: gen 1.2\n\\ verified: yes\n\\ not a header\n: sq dup * ;\n\\ SPEC_HASH: abc\n";
        let h = extract(src);
        assert_eq!(h.len(), 3);
        assert_eq!(
            h[0],
            Header { line: 1, word: Some("sq".into()), key: "GENERATED_BY".into(), value: "gen 1.2".into() }
        );
        assert_eq!(h[1].key, "VERIFIED");
        assert_eq!(h[1].word.as_deref(), Some("sq"));
        assert_eq!(h[2], Header { line: 5, word: None, key: "SPEC_HASH".into(), value: "abc".into() });
    }

    #[test]
    fn no_headers_in_plain_source() {
        assert!(extract(": a 1 ; \\ TIMESTAMP but no colon\n").is_empty());
    }
}
