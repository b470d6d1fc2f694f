//! The Performance tab: the performance model's prediction for the entry
//! word, per word (calls, share, predicted time, and the model's suggestion
//! for a hot word), as `native-runner predict` gives it, beside the Bench's
//! measured median. The worker makes the prediction after every Bench, or
//! when asked here (`compiler::cost::prediction`, the code the native tools
//! use).

use leptos::prelude::*;

use crate::actions::{self, Client};
use crate::num::fixed;
use crate::results::Prediction;
use crate::state::State;
use crate::stats::human_ns;

/// How many of the costliest words show until "Show all".
const TOP: usize = 10;

/// The Performance panel.
#[component]
pub fn PerformancePanel(state: State, client: Client) -> impl IntoView {
    // Whether every word shows, not only the first TOP; a view choice, so
    // it lives here and not in the page's state.
    let show_all = RwSignal::new(false);
    view! {
        <div class="panel" data-testid="performance-panel">
            <h2>"Performance"</h2>
            <div class="settings">
                <button
                    data-testid="predict"
                    disabled=move || state.predicting.get() || state.progress.get().is_some()
                    on:click=move |_| actions::predict(state, client)
                >
                    "Predict"
                </button>
                <span class="note">
                    {move || {
                        if state.predicting.get() {
                            "counting…".to_string()
                        } else {
                            format!("entry {}", state.entry.get())
                        }
                    }}
                </span>
            </div>
            <p class="note">
                "Runs the entry word once in an instrumented build that counts the operations each word executes; the cost model calibrated for native-runner (Cranelift on the development machine) turns them into time, as native-runner predict does. A Bench predicts too, and the measured median shows beside it."
            </p>
            {move || match state.prediction.get() {
                None => None,
                Some(Err(e)) => Some(view! { <p class="error" data-testid="performance-error">{e}</p> }.into_any()),
                Some(Ok(p)) => Some(prediction_view(state, p, show_all).into_any()),
            }}
        </div>
    }
}

/// The totals and the table of words.
fn prediction_view(state: State, p: Prediction, show_all: RwSignal<bool>) -> impl IntoView {
    let measured =
        state.bench.get().filter(|b| b.entry.eq_ignore_ascii_case(&p.entry)).map(|b| b.summary.median_ns as f64);
    let n_words = p.words.len();
    let total = p.predicted_ns;
    let words = p.words.clone();
    view! {
        <dl class="facts" data-testid="performance-summary">
            <dt>"predicted"</dt>
            <dd data-testid="predicted-total">
                {format!(
                    "{} per call of {} (the model's median error on its own suite: {}%)",
                    human_ns(total),
                    p.entry,
                    fixed(p.model_median_abs_error * 100.0, 0),
                )}
            </dd>
            <dt>"measured"</dt>
            <dd data-testid="measured-median">
                {match measured {
                    Some(m) => format!("{} (median of the Bench, in this browser)", human_ns(m)),
                    None => "press Bench to measure".into(),
                }}
            </dd>
            <dt>"prediction error"</dt>
            <dd data-testid="prediction-error">
                {match measured {
                    Some(m) if m > 0.0 => {
                        let pct = fixed((total - m) / m * 100.0, 0);
                        let sign = if pct.starts_with('-') { "" } else { "+" };
                        format!("{sign}{pct}% (predicted against measured)")
                    }
                    _ => "none without a Bench".into(),
                }}
            </dd>
            <dt>"module"</dt>
            <dd>
                {format!(
                    "{} bytes; {} bytes of linear memory, {} bytes of data space in use",
                    p.module_bytes,
                    p.memory_bytes,
                    p.data_space_bytes,
                )}
            </dd>
        </dl>
        <div class="table-scroll perf-scroll" role="region" aria-label="Predicted time per word" tabindex="0">
            <table class="perf" data-testid="performance-table">
                <caption class="note">"Words by predicted time, costliest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"word"</th>
                        <th scope="col" class="num">"calls"</th>
                        <th scope="col" class="num">"share"</th>
                        <th scope="col" class="num">"predicted"</th>
                        <th scope="col">"suggestion"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let n = if show_all.get() { words.len() } else { TOP };
                        words
                            .iter()
                            .take(n)
                            .map(|w| {
                                view! {
                                    <tr data-word=w.name.clone()>
                                        <th scope="row" class="word-name">{w.name.clone()}</th>
                                        <td class="num">{w.calls.to_string()}</td>
                                        <td class="num">{format!("{}%", fixed(w.share * 100.0, 1))}</td>
                                        <td class="num">{human_ns(w.predicted_ns)}</td>
                                        <td class="suggestion">{w.suggestion.clone().unwrap_or_default()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
        {(n_words > TOP)
            .then(|| {
                view! {
                    <button
                        data-testid="performance-show-all"
                        aria-expanded=move || if show_all.get() { "true" } else { "false" }
                        on:click=move |_| show_all.update(|v| *v = !*v)
                    >
                        {move || {
                            if show_all.get() {
                                format!("Show the top {TOP}")
                            } else {
                                format!("Show all {n_words} words")
                            }
                        }}
                    </button>
                }
            })}
    }
}
