//! The playground's share links, on `compiler::share_link`: making one from
//! what the page holds (source, settings, bench results, an imported native
//! report), and opening one into what the page restores, checked. The
//! worker does both for the page, which holds no deflate, sha256 or JSON
//! code of its own.
//!
//! Guarantees: opening only produces data, it never runs anything (the user
//! presses Run); a link that is too large, malformed or tampered with is
//! refused with the reason; a part of a link that cannot be used (its
//! settings, bench or report) is left out with the reason, and the rest
//! still opens.

use compiler::share_link::{self, Shared};
use compiler::Limits;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::bench::Bench;
use crate::report::{self, Report};

/// The link for `base_url` carrying `source`, the page's settings (JSON:
/// `entry`, `iterations`, `source_name`, `limits`) and, when there are
/// some, the bench (JSON, a [`Bench`]) and the imported report (JSON, a
/// [`Report`]); or why there is none (too large, for one).
#[wasm_bindgen]
pub fn share_link(
    base_url: &str,
    source: String,
    settings: &str,
    bench: Option<String>,
    native_report: Option<String>,
) -> Result<String, String> {
    let value = |json: &str| serde_json::from_str::<Value>(json).map_err(|e| format!("cannot share: {e}"));
    let shared = Shared {
        source,
        settings: Some(value(settings)?),
        bench: bench.as_deref().map(value).transpose()?,
        native_report: native_report.as_deref().map(value).transpose()?,
    };
    share_link::link(base_url, &shared).map_err(|e| e.to_string())
}

/// What an opened link gives the page. Settings are those of a playground
/// link (`limits`, `source_name`, ...) or of `native-runner bench --link`
/// (`limits` and `opt_level`; the file name is the report's `source`), so
/// that Run builds the module the link measured.
#[derive(Debug, Default, PartialEq, Serialize)]
pub struct Opened {
    /// The source.
    pub source: String,
    /// The entry word, if the link sets it.
    pub entry: Option<String>,
    /// The bench iterations, within 1..=1,000,000.
    pub iterations: Option<u32>,
    /// The file name the text is loaded as (the link's, else its report's).
    pub source_name: Option<String>,
    /// The limits, with every field, if the link sets them.
    pub limits: Option<Limits>,
    /// Why the link's limits were not used.
    pub settings_error: Option<String>,
    /// The link's bench, summarized again from its samples.
    pub bench: Option<Bench>,
    /// Why the link's bench was not used.
    pub bench_error: Option<String>,
    /// The link's native report.
    pub report: Option<Report>,
    /// Why the link's report was not used.
    pub report_error: Option<String>,
}

/// Opens a link (or its fragment) as JSON (an [`Opened`]), or says why it
/// cannot be opened.
#[wasm_bindgen]
pub fn open_link(text: &str) -> Result<String, String> {
    let shared = share_link::decode(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&open(shared)).map_err(|e| e.to_string())
}

/// What the page restores from a decoded link.
pub fn open(shared: Shared) -> Opened {
    let mut o = Opened { source: shared.source, ..Opened::default() };
    let report_source = shared
        .native_report
        .as_ref()
        .and_then(|r| r.pointer("/results/0/source"))
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let mut name = None;
    if let Some(s) = shared.settings {
        o.entry = s.get("entry").and_then(|v| v.as_str()).map(str::to_string);
        o.iterations = s.get("iterations").and_then(|v| v.as_u64()).map(|n| n.clamp(1, 1_000_000) as u32);
        name = s.get("source_name").and_then(|v| v.as_str()).map(str::to_string);
        match limits_of(&s) {
            Ok(l) => o.limits = l,
            Err(e) => o.settings_error = Some(format!("the link's settings were not used: {e}")),
        }
    }
    o.source_name = name.or(report_source).filter(|n| !n.trim().is_empty());
    if let Some(b) = shared.bench {
        match serde_json::from_value::<Bench>(b) {
            Ok(b) => match b.resummarized() {
                Ok(b) => o.bench = Some(b),
                Err(e) => o.bench_error = Some(e),
            },
            Err(e) => o.bench_error = Some(format!("the link's bench results are malformed: {e}")),
        }
    }
    if let Some(r) = shared.native_report {
        match report::from_value(r) {
            Ok(r) => o.report = Some(r),
            Err(e) => o.report_error = Some(e),
        }
    }
    o
}

/// The limits a link's settings carry, if any: its `limits` object, with a
/// top-level `opt_level` (as `native-runner bench --link` writes) on top.
fn limits_of(s: &Value) -> Result<Option<Limits>, String> {
    let mut l = match s.get("limits") {
        Some(v) => Some(Limits::from_json(&v.to_string())?),
        None => None,
    };
    if let Some(o) = s.get("opt_level").and_then(|v| v.as_u64()) {
        let mut with = l.clone().unwrap_or_default();
        with.opt_level = u8::try_from(o).unwrap_or(u8::MAX);
        with.check()?;
        l = Some(with);
    }
    Ok(l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn limits_come_from_playground_and_native_links() {
        assert_eq!(limits_of(&json!({"entry": "MAIN"})), Ok(None));
        let native = json!({"entry": "MAIN", "opt_level": 1, "limits": {"data_stack": 4096, "opt_level": 1}});
        assert_eq!(limits_of(&native), Ok(Some(Limits { opt_level: 1, data_stack: 4096, ..Limits::default() })));
        // An older native link: only the level.
        assert_eq!(limits_of(&json!({"opt_level": 0})), Ok(Some(Limits { opt_level: 0, ..Limits::default() })));
        assert_eq!(
            limits_of(&json!({"limits": {"max_nesting": 0}})),
            Err("invalid value 0 for --max-nesting: 0 is not in 1..=1000".into())
        );
        assert!(limits_of(&json!({"opt_level": 300})).is_err());
    }

    #[test]
    fn a_link_opens_with_what_can_be_used_and_says_why_not_the_rest() {
        let bench = Bench::new("MAIN".into(), vec![5, 7, 6], "ab".into(), 10, 1).unwrap();
        let mut forged = serde_json::to_value(&bench).unwrap();
        forged["summary"]["median_ns"] = json!(1);
        let shared = Shared {
            source: "1 .".into(),
            settings: Some(json!({"entry": "GO", "iterations": 0, "limits": {"max_nesting": 0}})),
            bench: Some(forged),
            native_report: Some(json!({"schema": "other/2"})),
        };
        let o = open(shared);
        assert_eq!((o.source.as_str(), o.entry.as_deref(), o.iterations), ("1 .", Some("GO"), Some(1)));
        assert_eq!(o.limits, None);
        assert!(o.settings_error.unwrap().starts_with("the link's settings were not used: invalid value 0"));
        assert_eq!(o.bench, Some(bench), "the summary is made again from the samples");
        assert!(o.report.is_none() && o.report_error.unwrap().starts_with("not a native bench report"));
        let empty = Shared { bench: Some(json!({"entry": "MAIN"})), ..Shared::default() };
        assert!(open(empty).bench_error.unwrap().starts_with("the link's bench results are malformed"));
    }

    #[test]
    fn a_made_link_opens_to_the_same_page() {
        let bench = Bench::new("MAIN".into(), vec![5, 7, 6], "ab".into(), 10, 2).unwrap();
        let settings = json!({"entry": "MAIN", "iterations": 7, "source_name": "a.fs",
            "limits": {"max_nesting": 9}})
        .to_string();
        let link = share_link(
            "http://x/#old",
            ": main ;".into(),
            &settings,
            Some(serde_json::to_string(&bench).unwrap()),
            None,
        )
        .unwrap();
        assert!(link.starts_with("http://x/#share="));
        let o: serde_json::Value = serde_json::from_str(&open_link(&link).unwrap()).unwrap();
        assert_eq!(o["source"], ": main ;");
        assert_eq!((o["iterations"].as_u64(), o["source_name"].as_str()), (Some(7), Some("a.fs")));
        assert_eq!(o["limits"]["max_nesting"], 9);
        assert_eq!(o["limits"]["memory"], Limits::default().memory, "every field");
        assert_eq!(o["bench"]["calls_per_sample"], 2);
        assert_eq!(open_link("http://x/#share=!!").unwrap_err(), "malformed share link: the payload is not base64url");
    }
}
