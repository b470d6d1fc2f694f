//! The page layout: a toolbar; three resizable panes side by side (the
//! editor; output, stack, REPL and words; the generated code: one word's
//! function mapped to its source, and the linked module), which stack
//! in one column on narrow screens; and below them the other panels as
//! tabs (settings, remarks, provenance, bench, performance, comparison,
//! history, share).
//! Also where the first source comes from (a share link, else the
//! start-up shell's text, else the autosave, else the first example).

use leptos::prelude::*;

use crate::actions::{self, Client};
use crate::editor::Editor;
use crate::examples::EXAMPLES;
use crate::panels::{
    ArtifactPanel, BenchPanel, CodeViewPanel, ComparePanel, ConsolePanel, HistoryPanel, PerformancePanel,
    ProvenancePanel, RemarksPanel, SettingsPanel, SharePanel,
};
use crate::split::{columns, Splitter};
use crate::state::State;
use crate::tabs::{Tab, Tabs};
use crate::theme::ThemeToggle;
use crate::{share, shell, storage};

/// The playground.
#[component]
pub fn App() -> impl IntoView {
    // The start-up shell's text (typed there, or the saved or first text it
    // showed), else the saved text, else the first example.
    let shell = shell::take();
    let saved = storage::load();
    let shown = saved.clone().unwrap_or_else(|| crate::examples::FIRST_TEXT.to_string());
    let initial = shell.source.unwrap_or_else(|| shown.clone());
    if initial != shown {
        storage::save(&initial);
    }
    let state = State::new(initial);
    // The worker opens it as soon as it is ready, before the page says it is.
    state.link_to_open.set(share::from_location());
    storage::autosave(state.source);
    let client: Client = actions::start_worker(state, shell.run);
    let on_run = Callback::new(move |()| actions::run(state, client));
    // The panes' shares of the row: editor, console, code.
    let shares = RwSignal::new(vec![42.0, 30.0, 28.0]);
    let tab = RwSignal::new("settings");

    view! {
        <header class="toolbar">
            <h1>"FastForth/wasm"</h1>
            // Not while an example's text is on its way: Run runs the text it shows.
            <button
                data-testid="run"
                class="primary"
                disabled=move || state.example_loading.get()
                on:click=move |_| actions::run(state, client)
            >
                "Run"
            </button>
            <button data-testid="stop" on:click=move |_| actions::stop(state, client)>"Stop"</button>
            <label class="examples">
                "Examples "
                <select
                    data-testid="examples"
                    on:change=move |ev| actions::load_example(state, event_target_value(&ev))
                >
                    <option value="">"choose…"</option>
                    {["teaching", "benchmark"]
                        .into_iter()
                        .map(|group| {
                            view! {
                                <optgroup label=group>
                                    {EXAMPLES
                                        .iter()
                                        .filter(|(g, _)| *g == group)
                                        // Two groups may have a program of the same name.
                                        .map(|(_, name)| view! { <option value=format!("{group}/{name}")>{*name}</option> })
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
            <ThemeToggle />
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
        <main class="workspace" style:grid-template-columns=move || columns(&shares.get())>
            <section class="pane pane-editor" aria-label="Editor">
                <Editor state=state on_run=on_run />
                <p class="hint">
                    "Ctrl/Cmd+Enter runs; Ctrl+Space completes (Tab accepts); Ctrl+F searches; Escape then Tab leaves the editor. The text is saved in this browser as you type."
                </p>
            </section>
            <Splitter shares=shares index=0 label="Resize the editor and the console" />
            <section class="pane pane-console" aria-label="Output, stack and REPL">
                <ConsolePanel state=state client=client />
            </section>
            <Splitter shares=shares index=1 label="Resize the console and the generated code" />
            <section class="pane pane-code" aria-label="Generated code">
                <CodeViewPanel state=state client=client />
                <ArtifactPanel state=state />
            </section>
        </main>
        <Tabs
            selected=tab
            tabs=vec![
                Tab { key: "settings", title: "Settings", view: ViewFn::from(move || view! { <SettingsPanel state=state /> }) },
                Tab { key: "remarks", title: "Remarks", view: ViewFn::from(move || view! { <RemarksPanel state=state /> }) },
                Tab { key: "provenance", title: "Provenance", view: ViewFn::from(move || view! { <ProvenancePanel state=state /> }) },
                Tab { key: "bench", title: "Bench", view: ViewFn::from(move || view! { <BenchPanel state=state client=client /> }) },
                Tab {
                    key: "performance",
                    title: "Performance",
                    view: ViewFn::from(move || view! { <PerformancePanel state=state client=client /> }),
                },
                Tab {
                    key: "compare",
                    title: "Compare with native",
                    view: ViewFn::from(move || view! { <ComparePanel state=state client=client /> }),
                },
                Tab { key: "history", title: "History", view: ViewFn::from(move || view! { <HistoryPanel state=state client=client /> }) },
                Tab { key: "share", title: "Share", view: ViewFn::from(move || view! { <SharePanel state=state client=client /> }) },
            ]
        />
    }
}
