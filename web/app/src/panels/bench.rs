//! The bench panel: entry word and iterations, a progress bar, the summary
//! and a chart of the samples. The browser runs the linked module's entry
//! word (the same module `native-runner bench` measures).

use leptos::prelude::*;

use crate::actions::{self, Client};
use crate::chart::samples_chart;
use crate::state::State;
use crate::stats::human_ns;

/// The bench panel.
#[component]
pub fn BenchPanel(state: State, client: Client) -> impl IntoView {
    view! {
        <div class="panel" data-testid="bench-panel">
            <h2>"Bench"</h2>
            <div class="settings">
                <label>
                    "Entry "
                    <input
                        size="10"
                        prop:value=move || state.entry.get()
                        on:change=move |ev| state.entry.set(event_target_value(&ev))
                    />
                </label>
                <label>
                    " Iterations "
                    <input
                        data-testid="iterations"
                        type="number"
                        min="1"
                        max="1000000"
                        prop:value=move || state.iterations.get().to_string()
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                                state.iterations.set(n.clamp(1, 1_000_000));
                            }
                        }
                    />
                </label>
                " "
                <button
                    data-testid="bench"
                    disabled=move || state.progress.get().is_some()
                    on:click=move |_| actions::bench(state, client)
                >
                    "Bench"
                </button>
            </div>
            <p class="note">"Press Run first: the bench runs the entry word of the loaded program, linked into one module."</p>
            {move || {
                state
                    .progress
                    .get()
                    .map(|(done, total)| {
                        view! {
                            <progress data-testid="bench-progress" max=total value=done></progress>
                            <span>{format!(" {done} / {total}")}</span>
                        }
                    })
            }}
            {move || state.bench_error.get().map(|e| view! { <p class="error">{e}</p> })}
            {move || {
                state
                    .bench
                    .get()
                    .map(|b| {
                        let s = b.summary.clone();
                        let rows = [
                            ("iterations", s.iterations.to_string()),
                            ("min", human_ns(s.min_ns as f64)),
                            ("median", human_ns(s.median_ns as f64)),
                            ("p95", human_ns(s.p95_ns as f64)),
                            ("p99", human_ns(s.p99_ns as f64)),
                            ("max", human_ns(s.max_ns as f64)),
                            ("mean", human_ns(s.mean_ns)),
                            ("stddev", human_ns(s.stddev_ns)),
                        ];
                        view! {
                            <div data-testid="bench-results">
                                <p class="facts">
                                    {format!(
                                        "entry {} · each sample is the mean of {} call(s), after a warm-up · module {} bytes · sha256 ",
                                        b.entry,
                                        b.calls_per_sample,
                                        b.module_bytes,
                                    )}
                                    <span class="mono">{b.module_sha256.clone()}</span>
                                </p>
                                <table class="stats">
                                    <tbody>
                                        {rows
                                            .into_iter()
                                            .map(|(k, v)| {
                                                view! {
                                                    <tr>
                                                        <th>{k}</th>
                                                        <td data-stat=k>{v}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                {samples_chart(&b.samples_ns, s.median_ns)}
                            </div>
                        }
                    })
            }}
        </div>
    }
}
