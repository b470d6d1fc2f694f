//! What the page keeps in localStorage: the editor's text (written on
//! every change), the settings, the REPL's input history and the colour
//! scheme chosen with the toggle.
//!
//! Guarantee: a browser without storage (or with it disabled) only loses
//! what would have been saved; nothing fails. Saved values that no longer
//! parse are ignored.

use wasm_bindgen::JsValue;

use crate::js;

const KEY: &str = "fastforth.playground.source";
const LIMITS_KEY: &str = "fastforth.playground.limits";
const HISTORY_KEY: &str = "fastforth.playground.repl-history";
const THEME_KEY: &str = "fastforth.playground.theme";

/// The most REPL lines kept.
pub const HISTORY_MAX: usize = 200;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn put(key: &str, text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, text);
    }
}

/// The saved text, if any.
pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Saves the text.
pub fn save(text: &str) {
    put(KEY, text);
}

/// How long the text must rest before it is saved, in ms.
const AUTOSAVE_DELAY_MS: u64 = 300;

/// Saves `source` once it has not changed for [`AUTOSAVE_DELAY_MS`], and at
/// once when the page is left (`pagehide`: reload, close, navigation), so
/// typing in a long text does not write it all to storage on every key.
pub fn autosave(source: leptos::prelude::RwSignal<String>) {
    use leptos::prelude::*;
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    // The first run only subscribes: the text as loaded is already saved.
    Effect::new(move |prev: Option<()>| {
        source.track();
        if prev.is_none() {
            return;
        }
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        let h = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                source.with_untracked(|s| save(s));
            },
            std::time::Duration::from_millis(AUTOSAVE_DELAY_MS),
        );
        pending.set_value(h.ok());
    });
    // The editor hands over its latest text earlier, on beforeunload and
    // when the page is hidden, so the text saved is the last typed.
    let _ = window_event_listener_untyped("pagehide", move |_| {
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        source.with_untracked(|s| save(s));
    });
}

/// The saved settings, if any and still valid.
pub fn load_limits() -> Option<compiler::Limits> {
    crate::limits::from_js(&js::parse_json(&storage()?.get_item(LIMITS_KEY).ok().flatten()?)?)
}

/// Saves the settings.
pub fn save_limits(limits: &compiler::Limits) {
    put(LIMITS_KEY, &crate::limits::to_json(limits));
}

/// The saved REPL input history, oldest first (a JSON array of strings).
pub fn load_history() -> Vec<String> {
    let saved = storage().and_then(|s| s.get_item(HISTORY_KEY).ok().flatten()).and_then(|t| js::parse_json(&t));
    saved.map(|a| js::items(&a).iter().filter_map(JsValue::as_string).collect()).unwrap_or_default()
}

/// Saves the REPL input history (its last [`HISTORY_MAX`] lines).
pub fn save_history(lines: &[String]) {
    let from = lines.len().saturating_sub(HISTORY_MAX);
    let array: js_sys::Array = lines[from..].iter().map(|l| JsValue::from_str(l)).collect();
    put(HISTORY_KEY, &js::to_json(&array));
}

/// The colour scheme chosen with the toggle (`light` or `dark`), if any.
pub fn load_theme() -> Option<String> {
    storage()?.get_item(THEME_KEY).ok().flatten()
}

/// Saves the chosen colour scheme.
pub fn save_theme(theme: &str) {
    put(THEME_KEY, theme);
}
