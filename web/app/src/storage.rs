//! What the page keeps in localStorage: the editor's text (written on
//! every change), the settings, and the REPL's input history.
//!
//! Guarantee: a browser without storage (or with it disabled) only loses
//! what would have been saved; nothing fails. Saved values that no longer
//! parse are ignored.

const KEY: &str = "fastforth.playground.source";
const LIMITS_KEY: &str = "fastforth.playground.limits";
const HISTORY_KEY: &str = "fastforth.playground.repl-history";

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

/// The saved settings, if any and still valid.
pub fn load_limits() -> Option<compiler::Limits> {
    compiler::Limits::from_json(&storage()?.get_item(LIMITS_KEY).ok().flatten()?).ok()
}

/// Saves the settings.
pub fn save_limits(limits: &compiler::Limits) {
    put(LIMITS_KEY, &serde_json::to_string(limits).unwrap_or_default());
}

/// The saved REPL input history, oldest first.
pub fn load_history() -> Vec<String> {
    storage()
        .and_then(|s| s.get_item(HISTORY_KEY).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Saves the REPL input history (its last [`HISTORY_MAX`] lines).
pub fn save_history(lines: &[String]) {
    let from = lines.len().saturating_sub(HISTORY_MAX);
    put(HISTORY_KEY, &serde_json::to_string(&lines[from..]).unwrap_or_default());
}
