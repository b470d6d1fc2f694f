//! Output, data stack, error, REPL and the words panel.

use leptos::prelude::*;

use crate::actions::{self, Client};
use crate::num::fixed;
use crate::state::State;

/// The console column.
#[component]
pub fn ConsolePanel(state: State, client: Client) -> impl IntoView {
    let line = RwSignal::new(String::new());
    // Where Up/Down stand in the history: `None` is the line being typed.
    let cursor = RwSignal::new(None::<usize>);
    let recall = move |up: bool| {
        let h = state.repl_history.get_untracked();
        let at = match (cursor.get_untracked(), up) {
            (None, true) => h.len().checked_sub(1),
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) => (i + 1 < h.len()).then_some(i + 1),
            (None, false) => None,
        };
        cursor.set(at);
        line.set(at.and_then(|i| h.get(i).cloned()).unwrap_or_default());
    };
    view! {
        <div class="panel">
            <h2>"Output " <small>{move || state.run_ms.get().map(|ms| format!("({} ms)", fixed(ms, 1)))}</small></h2>
            <pre class="output" data-testid="output" role="log" aria-label="Output" tabindex="0">{move || state.output.get()}</pre>
            {move || {
                state
                    .error
                    .get()
                    .map(|e| {
                        let at = (e.in_editor && e.line > 0)
                            .then(|| format!("line {}, column {}", e.line, e.column));
                        view! {
                            <div class="error" data-testid="error" role="alert">
                                <div class="error-message">{e.message}</div>
                                <div class="error-at">{at}</div>
                            </div>
                        }
                    })
            }}
        </div>
        <div class="panel">
            <h2>"Data stack"</h2>
            <div class="stack" data-testid="stack">
                {move || {
                    let s = state.stack.get();
                    if s.is_empty() {
                        "(empty)".to_string()
                    } else {
                        format!("<{}> {}", s.len(), s.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" "))
                    }
                }}
            </div>
        </div>
        <div class="panel">
            <h2>"REPL"</h2>
            {move || {
                state.reset_note.get().map(|n| view! { <p class="reset-note" data-testid="reset-note">{n}</p> })
            }}
            <div class="repl-log" data-testid="repl-log" role="log" aria-label="REPL transcript" tabindex="0">
                {move || {
                    state
                        .repl
                        .get()
                        .into_iter()
                        .map(|e| {
                            view! {
                                <div class="repl-in">{format!("> {}", e.input)}</div>
                                <div class="repl-out">{e.response.unwrap_or_else(|| format!("{}…", e.output))}</div>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <input
                data-testid="repl"
                class="repl"
                placeholder="a line of Forth, run against the loaded program (Enter; Up/Down: history)"
                aria-label="REPL: a line of Forth, run against the loaded program"
                spellcheck="false"
                prop:value=move || line.get()
                on:input=move |ev| line.set(event_target_value(&ev))
                on:keydown=move |ev| match ev.key().as_str() {
                    "Enter" => {
                        ev.prevent_default();
                        let text = line.get_untracked();
                        line.set(String::new());
                        cursor.set(None);
                        actions::repl(state, client, text);
                    }
                    "ArrowUp" | "ArrowDown" => {
                        ev.prevent_default();
                        recall(ev.key() == "ArrowUp");
                    }
                    _ => {}
                }
            />
        </div>
        <div class="panel">
            <h2>"Words"</h2>
            <div class="table-scroll" role="region" aria-label="Words" tabindex="0">
            <table class="words" data-testid="words">
                <thead>
                    <tr>
                        <th>"name"</th>
                        <th>"kind"</th>
                        <th>"stack effect (inferred)"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        state
                            .words
                            .get()
                            .into_iter()
                            .map(|w| {
                                let name = if w.immediate { format!("{} (immediate)", w.name) } else { w.name };
                                view! {
                                    <tr>
                                        <td class="word-name">{name}</td>
                                        <td>{w.kind}</td>
                                        <td class="effect">{w.effect.unwrap_or_else(|| "dynamic".into())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            </div>
        </div>
    }
}
