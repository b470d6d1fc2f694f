//! Share links for the playground: what a link carries (source, settings,
//! bench results, an imported native report), and restoring a page from
//! one. The worker makes and opens links (`web_exchange::share`, on
//! `compiler::share_link`); this is the page's side of both.
//!
//! Guarantees: restoring only sets state, it never runs anything (the user
//! presses Run); everything a link carries is shown as text only; a link
//! that is too large, malformed or tampered with leaves the page as it was
//! and says why. The page says it is ready only once its link is open.

use compiler::share_link::FRAGMENT_KEY;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::actions::{send, Client};
use crate::js::{self, field, object, opt_text, text};
use crate::report::Report;
use crate::results::Bench;
use crate::state::State;

/// Asks the worker for a link to the current page (see [`on_link`]).
pub fn request_link(state: State, client: Client) {
    let Some(base) = web_sys::window().and_then(|w| w.location().href().ok()) else {
        state.share_error.set(Some("cannot read the page's address".into()));
        return;
    };
    let settings = object(&[
        ("entry", state.entry.get_untracked().into()),
        ("iterations", state.iterations.get_untracked().into()),
        ("source_name", state.source_name.get_untracked().into()),
        ("limits", js::parse_json(&crate::limits::to_json(&state.limits.get_untracked())).unwrap_or_default()),
    ]);
    let bench = state.bench.with_untracked(|b| b.as_ref().map(|b| b.json.clone()));
    let report = state.report.with_untracked(|r| r.as_ref().map(|r| r.json.clone()));
    send(
        client,
        object(&[
            ("type", "share".into()),
            ("base", base.into()),
            ("source", state.source.get_untracked().into()),
            ("settings", js::to_json(&settings).into()),
            ("bench", bench.map_or(JsValue::UNDEFINED, JsValue::from)),
            ("report", report.map_or(JsValue::UNDEFINED, JsValue::from)),
        ]),
    );
}

/// The worker's answer to [`request_link`]: the link (shown, and copied to
/// the clipboard when the browser allows), or why there is none.
pub fn on_link(state: State, msg: &JsValue) {
    match opt_text(msg, "error") {
        None => {
            let url = text(msg, "link");
            state.share_error.set(None);
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&url);
            }
            state.share_url.set(Some(url));
        }
        Some(e) => {
            state.share_url.set(None);
            state.share_error.set(Some(e));
        }
    }
}

/// The page's share fragment (`#share=…`), if it was opened with one; the
/// worker opens it once it is ready (see `actions`).
pub fn from_location() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.contains(FRAGMENT_KEY).then_some(hash)
}

/// The worker's answer to opening the page's link: restores what the link
/// carries (the worker checked it: each part it could not use comes with
/// the reason instead), or says why the link cannot be opened.
pub fn on_opened(state: State, msg: &JsValue) {
    state.link_to_open.set(None);
    if !state.running.get_untracked() {
        state.status.set("ready".into());
    }
    if let Some(e) = opt_text(msg, "error") {
        state.link_note.set(Some((true, e)));
        return;
    }
    let o = field(msg, "opened");
    state.source.set(text(&o, "source"));
    if let Some(e) = opt_text(&o, "entry") {
        state.entry.set(e);
    }
    if let Some(n) = js::opt_number(&o, "iterations") {
        state.iterations.set(n as u32);
    }
    if let Some(n) = opt_text(&o, "source_name") {
        state.source_name.set(n);
    }
    if let Some(l) = crate::limits::from_js(&field(&o, "limits")) {
        state.limits.set(l);
    }
    state.settings_error.set(opt_text(&o, "settings_error"));
    let bench = field(&o, "bench");
    if bench.is_object() {
        state.bench.set(Some(Bench::from_js(&bench)));
    }
    state.bench_error.set(opt_text(&o, "bench_error"));
    let report = field(&o, "report");
    if report.is_object() {
        state.report.set(Some(Report::from_js(&report)));
    }
    state.report_error.set(opt_text(&o, "report_error"));
    clear_fragment();
    state.link_note.set(Some((false, "Opened a shared link. Nothing runs until you press Run.".into())));
}

/// Drops the fragment from the address bar, so that a reload shows the
/// autosaved text rather than the link's again.
fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_else(|_| "/".into());
        let search = w.location().search().unwrap_or_default();
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
        }
    }
}
