//! Remarks: what the optimizer did to each of the program's definitions,
//! as `native-runner explain` prints them (`compiler::remarks`): the calling
//! convention, or why a word keeps the memory stack, the words inlined,
//! and each pass that changed it.

use leptos::prelude::*;

use crate::state::State;

/// The remarks panel.
#[component]
pub fn RemarksPanel(state: State) -> impl IntoView {
    view! {
        <div class="panel" data-testid="remarks">
            <h2>"Optimization remarks"</h2>
            {move || {
                let words = state.remarks.get();
                if words.is_empty() {
                    return view! {
                        <p class="muted">"Run a program to see what the optimizer did to each of its definitions."</p>
                    }
                        .into_any();
                }
                words
                    .into_iter()
                    .map(|w| {
                        let head = match &w.effect {
                            Some(e) => format!("{} {e}", w.name),
                            None => w.name.clone(),
                        };
                        view! {
                            <section class="word-remarks">
                                <h3 class="mono">
                                    {head}
                                    <span class="muted small">{w.location.map(|l| format!("  {l}")).unwrap_or_default()}</span>
                                </h3>
                                <ul>
                                    {w
                                        .remarks
                                        .into_iter()
                                        .map(|(pass, text)| {
                                            view! {
                                                <li>
                                                    <span class="pass mono">{pass}</span>
                                                    " "
                                                    {text}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </div>
    }
}
