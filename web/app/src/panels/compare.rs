//! Compare with native: import a `native-runner bench --format json` report
//! (pasted, or carried by a link), then browser and native side by side,
//! with a "same module" badge when the module sha256 values match.

use leptos::prelude::*;

use super::import_box::ImportBox;
use crate::actions::{self, Client};
use crate::chart::compare_chart;
use crate::num::fixed;
use crate::report::BenchResult;
use crate::results::Bench;
use crate::state::State;
use crate::stats::human_ns;

/// The native result to compare with: the one measuring the same module,
/// else the one with the same entry word, else the first.
fn pick<'a>(results: &'a [BenchResult], bench: Option<&Bench>, module_sha: Option<&str>) -> &'a BenchResult {
    let shas: Vec<&str> = bench.map(|b| b.module_sha256.as_str()).into_iter().chain(module_sha).collect();
    results
        .iter()
        .find(|r| shas.contains(&r.module_sha256.as_str()))
        .or_else(|| bench.and_then(|b| results.iter().find(|r| r.entry.eq_ignore_ascii_case(&b.entry))))
        .unwrap_or(&results[0])
}

/// The comparison panel.
#[component]
pub fn ComparePanel(state: State, client: Client) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    // The worker reads the report; its answer sets the report or the error.
    let import = move || actions::import_report(client, pasted.get_untracked());
    view! {
        <div class="panel" data-testid="compare">
            <h2>"Compare with native"</h2>
            {ImportBox {
                testid: "import-report",
                button_testid: "import-button",
                placeholder: "paste the JSON of native-runner bench --format json",
                label: "native-runner bench report (JSON)",
                button: "Import report",
            }
                .view(pasted, import)}
            {move || state.report_error.get().map(|e| view! { <p class="error" data-testid="import-error">{e}</p> })}
            {move || {
                let report = state.report.get()?;
                let bench = state.bench.get();
                let artifact_sha = state.artifact.with(|a| a.as_ref().map(|a| a.sha256.clone()));
                let native = pick(&report.results, bench.as_ref(), artifact_sha.as_deref()).clone();
                let same = bench.as_ref().map(|b| b.module_sha256.clone()).or(artifact_sha.clone())
                    == Some(native.module_sha256.clone());
                let p = &report.provenance;
                let badge = if same {
                    view! { <span class="badge same" data-testid="same-module">"same module"</span> }.into_any()
                } else {
                    view! { <span class="badge differs" data-testid="different-module">"different module"</span> }
                        .into_any()
                };
                let head = format!(
                    "native: {} (entry {}) · native-runner {} · wasmtime {} · {} · {} · {}",
                    native.name,
                    native.entry,
                    p.tool_version,
                    p.wasmtime_version,
                    p.target_triple,
                    p.cpu_model,
                    p.timestamp,
                );
                let n = &native.steady;
                let native_rows = [
                    ("min", n.min_ns as f64),
                    ("median", n.median_ns as f64),
                    ("p95", n.p95_ns as f64),
                    ("mean", n.mean_ns),
                    ("stddev", n.stddev_ns),
                ];
                let rows: Vec<(&'static str, Option<f64>, f64)> = match &bench {
                    Some(b) => {
                        let s = &b.summary;
                        let browser = [s.min_ns as f64, s.median_ns as f64, s.p95_ns as f64, s.mean_ns, s.stddev_ns];
                        native_rows.iter().zip(browser).map(|(&(k, nv), bv)| (k, Some(bv), nv)).collect()
                    }
                    None => native_rows.iter().map(|&(k, nv)| (k, None, nv)).collect(),
                };
                let chart = bench.is_some().then(|| {
                    compare_chart(rows.iter().take(4).map(|&(k, b, n)| (k, b.unwrap_or(0.0), n)).collect())
                });
                // The module records its file name: a different one is the
                // usual reason the same text builds a different module.
                let name = state.source_name.get();
                let hint = (!same && !native.source.is_empty() && native.source != name).then(|| {
                    view! {
                        <p class="note" data-testid="name-hint">
                            {format!(
                                "The native module was built from {}; the editor's text is loaded as {name} (set the file name in Settings to build the same module).",
                                native.source,
                            )}
                        </p>
                    }
                });
                let stale = bench.as_ref().zip(artifact_sha.as_ref()).is_some_and(|(b, a)| &b.module_sha256 != a);
                let stale = stale.then(|| {
                    view! {
                        <p class="note" data-testid="stale-bench">
                            "The browser numbers are of the module an earlier Run linked; press Bench to measure the current one."
                        </p>
                    }
                });
                Some(view! {
                    <div data-testid="compare-results">
                        <p>{badge} " " {head}</p>
                        {hint}
                        {stale}
                        <table class="stats">
                            <thead>
                                <tr>
                                    <th></th>
                                    <th>"browser"</th>
                                    <th>"native"</th>
                                    <th>"browser / native"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|(k, b, n)| {
                                        let ratio = b.filter(|_| n > 0.0).map(|b| format!("{}×", fixed(b / n, 2)));
                                        view! {
                                            <tr>
                                                <th>{k}</th>
                                                <td>{b.map(human_ns).unwrap_or_else(|| "run the bench".into())}</td>
                                                <td data-native=k>{human_ns(n)}</td>
                                                <td>{ratio}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                        {chart}
                    </div>
                })
            }}
        </div>
    }
}
