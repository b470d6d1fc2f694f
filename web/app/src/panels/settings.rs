//! The settings panel: the file name the editor's text is loaded as, and
//! the limits and optimization level of the next Run, each named after the
//! `native-runner` option it mirrors (`compiler::Limits`).
//!
//! A value the native option would refuse is refused here too, with the
//! same message, and the setting keeps its last good value. Settings are
//! saved in this browser and carried by share links.

use compiler::Limits;
use leptos::prelude::*;

use crate::limits::{Field, FIELDS};
use crate::state::{State, DEFAULT_SOURCE_NAME};

/// Applies one edited field, or says why it cannot be.
fn apply(state: State, f: &Field, text: &str) {
    let mut next = state.limits.get_untracked();
    let res = text
        .trim()
        .parse::<u32>()
        .map_err(|_| format!("invalid value '{}' for {}: not a whole number", text.trim(), f.option))
        .and_then(|v| {
            (f.set)(&mut next, v);
            next.check()
        });
    match res {
        Ok(()) => {
            state.settings_error.set(None);
            state.limits.set(next);
        }
        Err(e) => state.settings_error.set(Some(e)),
    }
}

/// The settings panel.
#[component]
pub fn SettingsPanel(state: State) -> impl IntoView {
    // Saving follows the signal, so settings restored from a link are kept too.
    Effect::new(move |_| state.limits.with(crate::storage::save_limits));
    view! {
        <div class="panel" data-testid="settings">
            <h2>"Settings"</h2>
            <p class="note">
                "The limits of the next Run, with the defaults and meaning of the native-runner options they are named after. Going past one is a Forth error; the page goes on."
            </p>
            <div class="settings-grid">
                <label>
                    "file name "
                    <input
                        data-testid="setting-source_name"
                        size="14"
                        prop:value=move || state.source_name.get()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let v = v.trim();
                            state.source_name.set(if v.is_empty() { DEFAULT_SOURCE_NAME.into() } else { v.into() });
                        }
                    />
                </label>
                {FIELDS
                    .iter()
                    .map(|f| {
                        view! {
                            <label>
                                {format!("{} ({}) ", f.option, f.unit)}
                                <input
                                    data-testid=format!("setting-{}", f.key)
                                    type="number"
                                    min="0"
                                    prop:value=move || (f.get)(&state.limits.get()).to_string()
                                    on:change=move |ev| apply(state, f, &event_target_value(&ev))
                                />
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <button
                data-testid="settings-defaults"
                on:click=move |_| {
                    state.limits.set(Limits::default());
                    state.settings_error.set(None);
                }
            >
                "Defaults"
            </button>
            {move || state.settings_error.get().map(|e| view! { <p class="error" data-testid="settings-error">{e}</p> })}
        </div>
    }
}
