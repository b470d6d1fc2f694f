//! The colour scheme: light or dark. The page starts with the scheme the
//! browser prefers (`prefers-color-scheme`) unless the toggle chose one
//! before (kept in localStorage); the choice is the `data-theme` attribute
//! of `<html>`, which public/style.css turns into colours (CSS variables
//! that the editor's theme uses too).

use leptos::prelude::*;

use crate::storage;

/// Whether the browser prefers a dark scheme.
fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Sets `<html data-theme=…>`.
fn apply(dark: bool) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

/// The toggle button, which also applies the starting scheme.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(match storage::load_theme().as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => prefers_dark(),
    });
    Effect::new(move |_| apply(dark.get()));
    view! {
        <button
            data-testid="theme"
            class="theme-toggle"
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            title="Dark colour scheme"
            on:click=move |_| {
                let next = !dark.get_untracked();
                dark.set(next);
                storage::save_theme(if next { "dark" } else { "light" });
            }
        >
            {move || if dark.get() { "☾ Dark" } else { "☀ Light" }}
        </button>
    }
}
