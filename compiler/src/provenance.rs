//! Provenance headers: Forth comments above a definition that say who made
//! it, from what, and how it was checked.
//!
//! ```forth
//! \ GENERATED_BY: codegen-agent-7
//! \ PATTERN_ID: arith/square
//! \ TIMESTAMP: 2026-11-26T00:00:00Z
//! \ SPEC_HASH: 5d41402abc4b2a76...
//! \ OPTIMIZATION_LEVEL: 2
//! \ PERFORMANCE_TARGET: 50ns
//! \ VERIFIED: stack_balanced=true compiled=true tests=2/2 performance_met=true verified_at=2026-11-26T00:01:00Z
//! : square ( n -- n*n ) dup * ;
//! ```
//!
//! A definition's *header block* is the run of `\` comment lines directly
//! above the line that starts with its `:`; a blank line or code ends it.
//! Lines of the block that are `\ KEY: value` with one of the [`Key`]s are
//! headers; other comment lines are kept and ignored.
//!
//! `SPEC_HASH` is the sha256 (hex) of the definition's normalized text
//! ([`scan`] defines it), so any later edit of the definition is detected.
//! `VERIFIED` holds a [`Verification`].
//!
//! Guarantees: editing functions ([`embed`], [`write_verified`]) change only
//! the header lines they are about: every other byte of the file, including
//! `\r\n` line ends and a missing final newline, is kept. This module does no
//! I/O; callers pass the time in.

pub mod scan;

use std::fmt;

pub use scan::{declared_effect, definitions, tests, without_tests, SourceDefinition, TestCase};

/// The header keys, in the order new headers are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    /// Who or what generated the definition.
    GeneratedBy,
    /// The pattern or template it was generated from.
    PatternId,
    /// When it was generated (RFC 3339).
    Timestamp,
    /// sha256 of the normalized definition text.
    SpecHash,
    /// The optimization level it was meant for.
    OptimizationLevel,
    /// A time per call it must meet, e.g. `50ns`, `2us`.
    PerformanceTarget,
    /// The result of the last verification.
    Verified,
}

impl Key {
    /// Every key.
    pub const ALL: [Key; 7] = [
        Key::GeneratedBy,
        Key::PatternId,
        Key::Timestamp,
        Key::SpecHash,
        Key::OptimizationLevel,
        Key::PerformanceTarget,
        Key::Verified,
    ];

    /// The name as written in the header.
    pub fn name(self) -> &'static str {
        match self {
            Key::GeneratedBy => "GENERATED_BY",
            Key::PatternId => "PATTERN_ID",
            Key::Timestamp => "TIMESTAMP",
            Key::SpecHash => "SPEC_HASH",
            Key::OptimizationLevel => "OPTIMIZATION_LEVEL",
            Key::PerformanceTarget => "PERFORMANCE_TARGET",
            Key::Verified => "VERIFIED",
        }
    }

    fn parse(s: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name().eq_ignore_ascii_case(s))
    }
}

/// One line of the text, without and with its line end.
struct Line<'a> {
    start: usize,
    body: &'a str,
    end_len: usize,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for chunk in text.split_inclusive('\n') {
        let body = chunk.strip_suffix('\n').map(|b| b.strip_suffix('\r').unwrap_or(b)).unwrap_or(chunk);
        out.push(Line { start, body, end_len: chunk.len() - body.len() });
        start += chunk.len();
    }
    out
}

/// Parses `\ KEY: value` into the key and the value.
fn header_line(body: &str) -> Option<(Key, String)> {
    let rest = body.trim_start().strip_prefix('\\')?;
    let (key, value) = rest.split_once(':')?;
    Some((Key::parse(key.trim())?, value.trim().to_string()))
}

/// A definition with its headers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headed {
    /// The definition.
    pub def: SourceDefinition,
    /// Its headers, in file order, with the 0-based line of each.
    pub headers: Vec<(Key, String, usize)>,
    /// 0-based line where the header block starts (the definition's own
    /// line if the block is empty).
    pub block_start: usize,
}

impl Headed {
    /// The value of a header, if present (the last one wins).
    pub fn get(&self, key: Key) -> Option<&str> {
        self.headers.iter().rev().find(|h| h.0 == key).map(|h| h.1.as_str())
    }

    /// Whether the definition has any header.
    pub fn is_headed(&self) -> bool {
        !self.headers.is_empty()
    }

    /// The sha256 of the definition's normalized text, in hex.
    pub fn current_hash(&self) -> String {
        spec_hash(&self.def.normalized)
    }

    /// `Some(true)` if `SPEC_HASH` matches the text, `None` if absent.
    /// `SPEC_HASH` may be the whole sha256 or a prefix of it (generators
    /// often record 12 hex digits); anything that is not hex never matches.
    pub fn spec_matches(&self) -> Option<bool> {
        self.get(Key::SpecHash).map(|h| {
            let h = h.to_ascii_lowercase();
            !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()) && self.current_hash().starts_with(&h)
        })
    }

    /// The recorded verification, if the `VERIFIED` line parses.
    pub fn verification(&self) -> Option<Verification> {
        self.get(Key::Verified).and_then(|v| v.parse().ok())
    }

    /// Verified: the recorded verification passed and the text has not
    /// changed since (`SPEC_HASH`, if present, still matches).
    pub fn is_verified(&self) -> bool {
        self.verification().is_some_and(|v| v.passed()) && self.spec_matches() != Some(false)
    }

    /// A recorded verification that failed, or text edited since
    /// `SPEC_HASH` was recorded.
    pub fn is_failure(&self) -> bool {
        self.spec_matches() == Some(false) || self.verification().is_some_and(|v| !v.passed())
    }

    /// The word's state in a few words, as reports show it.
    pub fn status(&self) -> &'static str {
        match (self.verification(), self.get(Key::Verified)) {
            _ if self.spec_matches() == Some(false) => "changed since SPEC_HASH",
            (Some(v), _) if v.passed() => "verified",
            (Some(_), _) => "failed",
            (None, Some(_)) => "unreadable VERIFIED",
            (None, None) => "not verified",
        }
    }
}

/// sha256 (hex) of a normalized definition.
pub fn spec_hash(normalized: &str) -> String {
    crate::digest::sha256_hex(normalized.as_bytes())
}

/// Every colon definition of the text, with its headers.
pub fn headed_definitions(text: &str) -> Vec<Headed> {
    let ls = lines(text);
    definitions(text)
        .into_iter()
        .map(|def| {
            let mut headers = Vec::new();
            let mut block_start = def.line;
            if def.starts_line {
                while block_start > 0 && ls[block_start - 1].body.trim_start().starts_with('\\') {
                    block_start -= 1;
                }
                for (i, l) in ls.iter().enumerate().take(def.line).skip(block_start) {
                    if let Some((k, v)) = header_line(l.body) {
                        headers.push((k, v, i));
                    }
                }
            }
            Headed { def, headers, block_start }
        })
        .collect()
}

/// Why a header edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// No colon definition has this name.
    NoSuchWord(String),
    /// The definition does not start its line, so no header can sit above it.
    NotAtLineStart(String),
    /// A value would break the one-line header format.
    BadValue(Key),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NoSuchWord(w) => write!(f, "no colon definition named {w}"),
            EditError::NotAtLineStart(w) => {
                write!(f, "the definition of {w} does not start its line, so it cannot have headers")
            }
            EditError::BadValue(k) => write!(f, "the value of {} must be one line", k.name()),
        }
    }
}

impl std::error::Error for EditError {}

/// The last definition named `word` (the one the dictionary finds).
pub fn find_word<'a>(defs: &'a [Headed], word: &str) -> Option<&'a Headed> {
    defs.iter().rev().find(|h| h.def.name.eq_ignore_ascii_case(word))
}

/// Sets headers of `word`'s definition: a header already present has its
/// value replaced in place; a missing one is inserted at the end of the
/// header block, with the line end of the definition's line (`\r\n` or
/// `\n`; the previous line's if the definition ends the file without
/// one). Nothing else changes.
pub fn set_headers(text: &str, word: &str, values: &[(Key, String)]) -> Result<String, EditError> {
    if let Some((k, _)) = values.iter().find(|(_, v)| v.contains(['\n', '\r'])) {
        return Err(EditError::BadValue(*k));
    }
    let defs = headed_definitions(text);
    let h = find_word(&defs, word).ok_or_else(|| EditError::NoSuchWord(word.to_string()))?;
    if !h.def.starts_line {
        return Err(EditError::NotAtLineStart(h.def.name.clone()));
    }
    let ls = lines(text);
    let mut replace: Vec<(usize, usize, String)> = Vec::new();
    let mut insert = String::new();
    let def_line = &ls[h.def.line];
    // The definition's own line end, or the previous line's if it has none.
    let eol_of = |l: &Line| if l.end_len == 2 { "\r\n" } else { "\n" };
    let eol = match (def_line.end_len, h.def.line.checked_sub(1)) {
        (0, Some(prev)) => eol_of(&ls[prev]),
        _ => eol_of(def_line),
    };
    let mut sorted: Vec<&(Key, String)> = values.iter().collect();
    sorted.sort_by_key(|(k, _)| *k);
    for (key, value) in sorted {
        match h.headers.iter().rev().find(|x| x.0 == *key) {
            Some(&(_, _, line)) => {
                let l = &ls[line];
                let indent = l.body.len() - l.body.trim_start().len();
                replace.push((
                    l.start + indent,
                    l.start + l.body.len(),
                    format!("\\ {}: {value}", key.name()).trim_end().to_string(),
                ));
            }
            None => {
                insert.push_str(format!("\\ {}: {value}", key.name()).trim_end());
                insert.push_str(eol);
            }
        }
    }
    let at = def_line.start;
    replace.push((at, at, insert));
    Ok(splice(text, replace))
}

/// Applies non-overlapping replacements `(start, end, with)`.
fn splice(text: &str, mut edits: Vec<(usize, usize, String)>) -> String {
    edits.sort_by_key(|e| (e.0, e.1));
    let mut out = String::with_capacity(text.len() + 256);
    let mut pos = 0;
    for (s, e, with) in edits {
        out.push_str(&text[pos..s]);
        out.push_str(&with);
        pos = e;
    }
    out.push_str(&text[pos..]);
    out
}

/// Sets the `VERIFIED` header of each `(word, verification)` and changes
/// nothing else (see [`set_headers`]).
pub fn write_verified(text: &str, results: &[(String, Verification)]) -> Result<String, EditError> {
    let mut out = text.to_string();
    for (word, v) in results {
        out = set_headers(&out, word, &[(Key::Verified, v.to_string())])?;
    }
    Ok(out)
}

/// What `provenance verify` found for one word; the value of `VERIFIED`.
///
/// Written in the generators' format, comma-separated `key=value` items:
/// `stack_balanced=B, tests_passed=P/T, type_checked=B, compiled=B,
/// performance_met=B, verified_at=RFC3339` (`performance_met` only with a
/// performance target). Read from that format, with any subset of the
/// items, and from the earlier space-separated one (`tests=P/T`,
/// `performance_met=n/a`). Items with other keys are kept as they are, and
/// one whose value is `false` counts as a failed check.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Verification {
    /// The inferred stack effect equals the declared stack comment.
    pub stack_balanced: Option<bool>,
    /// Tests that use the word and passed.
    pub tests_passed: Option<u32>,
    /// Tests that use the word.
    pub tests_total: Option<u32>,
    /// The compiler inferred a static stack effect (a Forth word's type).
    pub type_checked: Option<bool>,
    /// The definition compiled (the file loaded up to and past it).
    pub compiled: Option<bool>,
    /// Whether the performance target was met; `None` without a target.
    pub performance_met: Option<bool>,
    /// When it was verified (RFC 3339).
    pub verified_at: Option<String>,
    /// Items with other keys, in order.
    pub other: Vec<(String, String)>,
}

impl Verification {
    /// Every recorded check passed: no flag is false, tests (if recorded)
    /// ran and all passed, and at least one check was recorded.
    pub fn passed(&self) -> bool {
        let flags = [self.stack_balanced, self.type_checked, self.compiled, self.performance_met];
        let tests_ok = match (self.tests_passed, self.tests_total) {
            (Some(p), Some(t)) => t > 0 && p == t,
            _ => true,
        };
        let recorded = flags.iter().any(Option::is_some) || self.tests_total.is_some();
        recorded && tests_ok && !flags.contains(&Some(false)) && !self.other.iter().any(|(_, v)| v == "false")
    }
}

impl fmt::Display for Verification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut items: Vec<String> = Vec::new();
        let mut flag = |k: &str, v: Option<bool>| items.extend(v.map(|b| format!("{k}={b}")));
        flag("stack_balanced", self.stack_balanced);
        if let (Some(p), Some(t)) = (self.tests_passed, self.tests_total) {
            items.push(format!("tests_passed={p}/{t}"));
        }
        let mut flag = |k: &str, v: Option<bool>| items.extend(v.map(|b| format!("{k}={b}")));
        flag("type_checked", self.type_checked);
        flag("compiled", self.compiled);
        flag("performance_met", self.performance_met);
        items.extend(self.verified_at.as_ref().map(|t| format!("verified_at={t}")));
        items.extend(self.other.iter().map(|(k, v)| format!("{k}={v}")));
        write!(f, "{}", items.join(", "))
    }
}

impl std::str::FromStr for Verification {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let mut v = Verification::default();
        let flag = |x: &str| x.parse::<bool>().map_err(|_| format!("not true or false: {x}"));
        let items: Vec<&str> = s.split(|c: char| c == ',' || c.is_whitespace()).filter(|i| !i.is_empty()).collect();
        if items.is_empty() {
            return Err("no key=value items".into());
        }
        for item in items {
            let (k, x) = item.split_once('=').ok_or_else(|| format!("not key=value: {item}"))?;
            match k.to_ascii_lowercase().as_str() {
                "stack_balanced" => v.stack_balanced = Some(flag(x)?),
                "type_checked" => v.type_checked = Some(flag(x)?),
                "compiled" => v.compiled = Some(flag(x)?),
                "tests" | "tests_passed" => {
                    let (p, t) = x.split_once('/').ok_or_else(|| format!("not PASSED/TOTAL: {x}"))?;
                    let count = |n: &str| n.parse::<u32>().map_err(|_| format!("bad count: {n}"));
                    let (p, t) = (count(p)?, count(t)?);
                    if p > t {
                        return Err(format!("more tests passed than ran: {x}"));
                    }
                    (v.tests_passed, v.tests_total) = (Some(p), Some(t));
                }
                "performance_met" => v.performance_met = if x == "n/a" { None } else { Some(flag(x)?) },
                "verified_at" => v.verified_at = Some(x.to_string()),
                _ => v.other.push((k.to_string(), x.to_string())),
            }
        }
        Ok(v)
    }
}

/// A time per call, from `PERFORMANCE_TARGET` (`50ns`, `2.5us`, `1ms`, `1s`;
/// a leading `<` or `<=` is allowed), in nanoseconds.
pub fn parse_time_target(s: &str) -> Option<f64> {
    let s = s.trim().trim_start_matches("<=").trim_start_matches('<').trim();
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (num, unit) = s.split_at(split);
    let n: f64 = num.parse().ok()?;
    let scale = match unit.trim().trim_end_matches("/call") {
        "ns" => 1.0,
        "us" | "µs" => 1e3,
        "ms" => 1e6,
        "s" => 1e9,
        _ => return None,
    };
    Some(n * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "\\ a file\r\n\r\n\\ GENERATED_BY: bot\r\n\\ free text\r\n\\ verified: old\r\n: sq ( n -- n ) dup * ;\r\n: cube dup sq * ;";

    #[test]
    fn headers_are_read_above_definitions() {
        let d = headed_definitions(SRC);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].get(Key::GeneratedBy), Some("bot"));
        assert_eq!(d[0].get(Key::Verified), Some("old"));
        assert_eq!(d[0].block_start, 2);
        assert!(!d[1].is_headed());
        assert_eq!(d[0].spec_matches(), None);
        assert!(!d[0].is_verified());
    }

    #[test]
    fn set_headers_replaces_and_inserts_keeping_line_ends() {
        let out = set_headers(SRC, "SQ", &[(Key::Verified, "x".into()), (Key::PatternId, "p".into())]).unwrap();
        assert_eq!(
            out,
            "\\ a file\r\n\r\n\\ GENERATED_BY: bot\r\n\\ free text\r\n\\ VERIFIED: x\r\n\\ PATTERN_ID: p\r\n: sq ( n -- n ) dup * ;\r\n: cube dup sq * ;"
        );
        // The last line has no line end; the previous line's CRLF is used.
        let out = set_headers(SRC, "cube", &[(Key::GeneratedBy, "me".into())]).unwrap();
        assert!(out.ends_with("* ;\r\n\\ GENERATED_BY: me\r\n: cube dup sq * ;"));
        assert_eq!(set_headers(SRC, "nope", &[]), Err(EditError::NoSuchWord("nope".into())));
        assert_eq!(set_headers("1 : x ;", "x", &[]), Err(EditError::NotAtLineStart("x".into())));
        assert_eq!(
            set_headers(SRC, "sq", &[(Key::PatternId, "a\nb".into())]),
            Err(EditError::BadValue(Key::PatternId))
        );
    }

    #[test]
    fn spec_hash_detects_edits() {
        let text = set_headers(SRC, "sq", &[(Key::SpecHash, spec_hash(": sq ( n -- n ) dup * ;"))]).unwrap();
        assert_eq!(headed_definitions(&text)[0].spec_matches(), Some(true));
        let edited = text.replace("dup *", "dup +");
        assert_eq!(headed_definitions(&edited)[0].spec_matches(), Some(false));
        let reflowed = text.replace("dup * ;", "dup\r\n   * ;");
        assert_eq!(headed_definitions(&reflowed)[0].spec_matches(), Some(true));
        let full = spec_hash(": sq ( n -- n ) dup * ;");
        for (recorded, matches) in
            [(&full[..12], true), (&full.to_uppercase()[..12], true), ("a3f7b2c9d1e4", false), ("xyz", false)]
        {
            let text = set_headers(SRC, "sq", &[(Key::SpecHash, recorded.to_string())]).unwrap();
            assert_eq!(headed_definitions(&text)[0].spec_matches(), Some(matches), "{recorded}");
        }
    }

    #[test]
    fn verification_round_trips() {
        let v = Verification {
            stack_balanced: Some(true),
            tests_passed: Some(2),
            tests_total: Some(2),
            type_checked: Some(true),
            compiled: Some(true),
            performance_met: None,
            verified_at: Some("2026-11-26T00:00:00Z".into()),
            other: vec![],
        };
        assert_eq!(
            v.to_string(),
            "stack_balanced=true, tests_passed=2/2, type_checked=true, compiled=true, verified_at=2026-11-26T00:00:00Z"
        );
        assert_eq!(v.to_string().parse::<Verification>(), Ok(v.clone()));
        assert!(v.passed());
        let failed = Verification { tests_passed: Some(1), ..v.clone() };
        assert!(!failed.passed());
        assert!("stack_balanced=yes".parse::<Verification>().is_err());
        assert!("tests_passed=4/3".parse::<Verification>().is_err());
        assert!("".parse::<Verification>().is_err());
    }

    #[test]
    fn the_generators_format_and_the_earlier_one_are_read() {
        let seed: Verification =
            "stack_balanced=true, tests_passed=3/3, type_checked=true, compiled=true".parse().unwrap();
        assert_eq!((seed.tests_passed, seed.tests_total, seed.type_checked), (Some(3), Some(3), Some(true)));
        assert!(seed.passed());
        let one_fails: Verification =
            "stack_balanced=true, tests_passed=2/3, type_checked=true, compiled=true".parse().unwrap();
        assert!(!one_fails.passed());
        let old: Verification =
            "stack_balanced=true compiled=true tests=2/2 performance_met=n/a verified_at=2026-11-26T00:01:00Z"
                .parse()
                .unwrap();
        assert!(old.passed());
        assert_eq!(old.verified_at.as_deref(), Some("2026-11-26T00:01:00Z"));
        let extra: Verification = "compiled=true, fuzzed=false".parse().unwrap();
        assert_eq!(extra.other, [("fuzzed".to_string(), "false".to_string())]);
        assert!(!extra.passed(), "another check that failed");
        assert_eq!(extra.to_string(), "compiled=true, fuzzed=false");
        assert!(!"tests_passed=0/0".parse::<Verification>().unwrap().passed(), "no test ran");
    }

    #[test]
    fn each_word_has_one_status() {
        let src = "\\ VERIFIED: compiled=true, tests_passed=1/1\n: a 1 ;\n\
                   \\ VERIFIED: compiled=true, tests_passed=0/1\n: b 2 ;\n\
                   \\ VERIFIED: whatever\n: c 3 ;\n\
                   \\ GENERATED_BY: x\n: d 4 ;\n\
                   \\ VERIFIED: compiled=true\n\\ SPEC_HASH: 00\n: e 5 ;\n";
        let statuses: Vec<&str> = headed_definitions(src).iter().map(Headed::status).collect();
        assert_eq!(statuses, ["verified", "failed", "unreadable VERIFIED", "not verified", "changed since SPEC_HASH"]);
        let failures: Vec<bool> = headed_definitions(src).iter().map(Headed::is_failure).collect();
        assert_eq!(failures, [false, true, false, false, true]);
    }

    #[test]
    fn time_targets() {
        assert_eq!(parse_time_target("50ns"), Some(50.0));
        assert_eq!(parse_time_target("< 2.5us"), Some(2500.0));
        assert_eq!(parse_time_target("1ms/call"), Some(1e6));
        assert_eq!(parse_time_target("fast"), None);
    }
}
