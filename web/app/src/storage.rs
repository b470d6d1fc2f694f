//! Autosave: the editor's text in localStorage, written on every change.
//!
//! Guarantee: a browser without storage (or with it disabled) only loses
//! the autosave; nothing fails.

const KEY: &str = "fastforth.playground.source";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved text, if any.
pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Saves the text.
pub fn save(text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, text);
    }
}
