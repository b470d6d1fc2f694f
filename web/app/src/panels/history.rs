//! History: import `native-runner history --format json` (the runs that
//! `bench --record` stored) and plot each series, median and spread over
//! the runs, as the command's HTML report does.

use leptos::prelude::*;

use super::import_box::ImportBox;
use crate::actions::{self, Client};
use crate::chart::history_chart;
use crate::state::State;
use crate::stats::human_ns;

/// The history panel.
#[component]
pub fn HistoryPanel(state: State, client: Client) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    // The worker reads the history; its answer sets it or the error.
    let import = move || actions::import_history(client, pasted.get_untracked());
    view! {
        <div class="panel" data-testid="history">
            <h2>"History"</h2>
            {ImportBox {
                testid: "import-history",
                button_testid: "import-history-button",
                placeholder: "paste the JSON of native-runner history --format json",
                label: "native-runner history (JSON)",
                button: "Import history",
            }
                .view(pasted, import)}
            {move || state.history_error.get().map(|e| view! { <p class="error" data-testid="history-error">{e}</p> })}
            {move || {
                let h = state.history.get()?;
                let series = h
                    .series
                    .into_iter()
                    .map(|s| {
                        let last = s.runs.last().map_or(0, |r| r.median_ns);
                        let head = format!(
                            "{} · {} · {} · {} runs · last median {}",
                            s.program,
                            s.machine,
                            s.config,
                            s.runs.len(),
                            human_ns(last as f64)
                        );
                        view! {
                            <section class="history-series" data-testid="history-series">
                                <h3>{head}</h3>
                                {history_chart(&s.runs)}
                            </section>
                        }
                    })
                    .collect_view();
                Some(view! { <div data-testid="history-results">{series}</div> })
            }}
        </div>
    }
}
