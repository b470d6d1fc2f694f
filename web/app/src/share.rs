//! Share links for the playground, on `compiler::share_link`: what a link
//! carries (source, settings, bench results, an imported native report) and
//! restoring a page from one.
//!
//! Guarantees: restoring only sets state, it never runs anything (the user
//! presses Run); everything a link carries is shown as text only; a link
//! that is too large, malformed or tampered with leaves the page as it was
//! and says why.

use compiler::share_link::{self, Shared};
use compiler::Limits;
use leptos::prelude::*;

use crate::report;
use crate::state::{Bench, State};

/// The link for the current page, or why there is none.
pub fn make_link(state: State) -> Result<String, String> {
    let settings = serde_json::json!({
        "entry": state.entry.get_untracked(),
        "iterations": state.iterations.get_untracked(),
        "source_name": state.source_name.get_untracked(),
        "limits": state.limits.get_untracked(),
    });
    let shared = Shared {
        source: state.source.get_untracked(),
        settings: Some(settings),
        bench: state.bench.get_untracked().and_then(|b| serde_json::to_value(b).ok()),
        native_report: state.report.get_untracked().and_then(|r| serde_json::to_value(r).ok()),
    };
    let location = web_sys::window().ok_or("no window")?.location();
    let base = location.href().map_err(|_| "cannot read the page's address")?;
    share_link::link(&base, &shared).map_err(|e| e.to_string())
}

/// Restores what a link carries into `state`. Settings are those of a
/// playground link (`limits`, `source_name`, ...) or of
/// `native-runner bench --link` (`limits` and `opt_level`; the file name is
/// the report's `source`), so that Run builds the module the link measured.
pub fn restore(state: State, shared: Shared) {
    state.source.set(shared.source);
    let report_source = shared
        .native_report
        .as_ref()
        .and_then(|r| r.pointer("/results/0/source"))
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let mut name = None;
    if let Some(s) = shared.settings {
        if let Some(e) = s.get("entry").and_then(|v| v.as_str()) {
            state.entry.set(e.to_string());
        }
        if let Some(n) = s.get("iterations").and_then(|v| v.as_u64()) {
            state.iterations.set(n.clamp(1, 1_000_000) as u32);
        }
        name = s.get("source_name").and_then(|v| v.as_str()).map(str::to_string);
        match limits_of(&s) {
            Ok(Some(l)) => state.limits.set(l),
            Ok(None) => {}
            Err(e) => state.settings_error.set(Some(format!("the link's settings were not used: {e}"))),
        }
    }
    if let Some(n) = name.or(report_source).filter(|n| !n.trim().is_empty()) {
        state.source_name.set(n);
    }
    if let Some(b) = shared.bench {
        match serde_json::from_value::<Bench>(b) {
            // The summary is recomputed: a link's numbers must agree with its samples.
            Ok(mut b) => match compiler::stats::Summary::of(&b.samples_ns) {
                Some(s) => {
                    b.summary = s;
                    state.bench.set(Some(b));
                }
                None => state.bench_error.set(Some("the link's bench has no samples".into())),
            },
            Err(e) => state.bench_error.set(Some(format!("the link's bench results are malformed: {e}"))),
        }
    }
    if let Some(r) = shared.native_report {
        match report::from_value(r) {
            Ok(r) => state.report.set(Some(r)),
            Err(e) => state.report_error.set(Some(e)),
        }
    }
}

/// The limits a link's settings carry, if any: its `limits` object, with a
/// top-level `opt_level` (as `native-runner bench --link` writes) on top.
fn limits_of(s: &serde_json::Value) -> Result<Option<Limits>, String> {
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

/// If the page was opened with `#share=…`, decodes it. `None` when there
/// is no share fragment.
pub fn from_location() -> Option<Result<Shared, String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    if !hash.contains(share_link::FRAGMENT_KEY) {
        return None;
    }
    Some(share_link::decode(&hash).map_err(|e| e.to_string()))
}

/// Drops the fragment from the address bar, so that a reload shows the
/// autosaved text rather than the link's again.
pub fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_else(|_| "/".into());
        let search = w.location().search().unwrap_or_default();
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{search}")));
        }
    }
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
}
