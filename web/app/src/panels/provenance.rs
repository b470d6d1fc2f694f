//! Provenance: the module's sha256, the compiler version, the provenance
//! headers found in the source the last Run loaded, and the module's own
//! provenance section.
//!
//! The worker reads the headers with `compiler::provenance`, as
//! `native-runner provenance` reads them: the same rule for which
//! definition a header belongs to, and the same status for each word.

use leptos::prelude::*;

use crate::state::State;

/// The provenance panel.
#[component]
pub fn ProvenancePanel(state: State) -> impl IntoView {
    view! {
        <div class="panel" data-testid="provenance">
            <h2>"Provenance"</h2>
            <dl class="facts">
                <dt>"module sha256"</dt>
                <dd data-testid="sha256" class="mono">
                    {move || state.artifact.with(|a| a.as_ref().map(|a| a.sha256.clone()).unwrap_or_else(|| "—".into()))}
                </dd>
                <dt>"compiler"</dt>
                <dd>{move || format!("fastforth-wasm {}", state.version.get())}</dd>
            </dl>
            <h3>"Headers in the source"</h3>
            {move || {
                let headers = state.headers.get();
                if headers.is_empty() {
                    view! { <p class="muted">"none in the source the last Run loaded (\\ GENERATED_BY: …, \\ VERIFIED: … above a definition)"</p> }
                        .into_any()
                } else {
                    view! {
                        <table class="headers" data-testid="headers">
                            <tbody>
                                {headers
                                    .into_iter()
                                    .map(|h| {
                                        view! {
                                            <tr>
                                                <td>{h.word}</td>
                                                <td>{h.status}</td>
                                                <td>{h.key}</td>
                                                <td>{h.value}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }
            }}
            <h3>"Module provenance section"</h3>
            <pre class="mono small" role="region" aria-label="Provenance section" tabindex="0">
                {move || state.artifact.with(|a| a.as_ref().and_then(|a| a.provenance.clone()).unwrap_or_default())}
            </pre>
        </div>
    }
}
