//! The page layout: toolbar, editor, console panels, generated code,
//! provenance, bench, comparison and share; and where the first source
//! comes from (a share link, else the autosave, else the first example).

use leptos::prelude::*;

use crate::actions::{self, Client};
use crate::editor::Editor;
use crate::examples::EXAMPLES;
use crate::panels::{
    ArtifactPanel, BenchPanel, ComparePanel, ConsolePanel, ProvenancePanel, SettingsPanel, SharePanel,
};
use crate::state::State;
use crate::{share, storage};

const DEFAULT_EXAMPLE: &str = "hello";

/// The playground.
#[component]
pub fn App() -> impl IntoView {
    let initial = storage::load().or_else(|| crate::examples::find(DEFAULT_EXAMPLE).map(str::to_string));
    let state = State::new(initial.unwrap_or_default());
    match share::from_location() {
        Some(Ok(shared)) => {
            share::restore(state, shared);
            share::clear_fragment();
            state.link_note.set(Some((false, "Opened a shared link. Nothing runs until you press Run.".into())));
        }
        Some(Err(e)) => state.link_note.set(Some((true, e))),
        None => {}
    }
    // Autosave on every change of the text.
    Effect::new(move |_| state.source.with(|s| storage::save(s)));
    let client: Client = actions::start_worker(state);
    let on_run = Callback::new(move |()| actions::run(state, client));

    view! {
        <header class="toolbar">
            <h1>"FastForth/wasm"</h1>
            <button data-testid="run" class="primary" on:click=move |_| actions::run(state, client)>
                "Run"
            </button>
            <button data-testid="stop" on:click=move |_| actions::stop(state, client)>"Stop"</button>
            <label class="examples">
                "Examples "
                <select
                    data-testid="examples"
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        if let Some(src) = crate::examples::find(&name) {
                            state.source.set(src.to_string());
                            state.error.set(None);
                        }
                    }
                >
                    <option value="">"choose…"</option>
                    {["teaching", "benchmark"]
                        .into_iter()
                        .map(|group| {
                            view! {
                                <optgroup label=group>
                                    {EXAMPLES
                                        .iter()
                                        .filter(|(g, _, _)| *g == group)
                                        .map(|(_, name, _)| view! { <option value=*name>{*name}</option> })
                                        .collect_view()}
                                </optgroup>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <span class="status" data-testid="status">
                {move || state.status.get()}
                {move || if state.running.get() { " ⏳" } else { "" }}
            </span>
            <span class="version">{move || format!("compiler {}", state.version.get())}</span>
        </header>
        {move || {
            state
                .link_note
                .get()
                .map(|(is_error, text)| {
                    let class = if is_error { "banner banner-error" } else { "banner" };
                    view! { <div class=class data-testid="link-note">{text}</div> }
                })
        }}
        <main class="layout">
            <section class="left">
                <Editor state=state on_run=on_run />
                <p class="hint">"Ctrl/Cmd+Enter runs. The text is saved in this browser as you type."</p>
                <SettingsPanel state=state />
            </section>
            <section class="right">
                <ConsolePanel state=state client=client />
            </section>
        </main>
        <section class="lower">
            <ArtifactPanel state=state />
            <ProvenancePanel state=state />
            <BenchPanel state=state client=client />
            <ComparePanel state=state />
            <SharePanel state=state />
        </section>
    }
}
