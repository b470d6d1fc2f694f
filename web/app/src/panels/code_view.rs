//! The code view: one word's wasm function as WAT beside the source, as
//! Compiler Explorer shows it, as the image linked with the Run's entry
//! holds it (a sentence above the WAT says which image, and what linking
//! did to the word). The word is chosen from the list of the
//! program's definitions or by putting the editor's cursor in its
//! definition (`editor.rs`); the panel shows its inferred stack effect and
//! its WAT, each line tinted with the colour of the source token it came
//! from. Hovering a line marks that token in the editor, and hovering a
//! token in the editor marks its lines here ([`State::hot_token`]).
//!
//! Guarantee: WAT and names reach the DOM only as text.

use leptos::prelude::*;

use crate::actions::{self, Client};
use crate::state::State;

/// How many colours tokens cycle through (`tok-c0` … in `style.css`).
pub const PALETTE: usize = 8;

/// The class of a line (or token) of token `tok` (-1: none) while `hot` is
/// the token under the mouse.
fn tint(tok: i32, hot: Option<usize>) -> String {
    if tok < 0 {
        return "wat-line".into();
    }
    let mut class = format!("wat-line tok-c{}", tok as usize % PALETTE);
    if hot == Some(tok as usize) {
        class.push_str(" tok-hot");
    }
    class
}

/// The code view.
#[component]
pub fn CodeViewPanel(
    /// The page's state: the definitions, the chosen word, its code.
    state: State,
    /// The worker, asked for the chosen word's code.
    client: Client,
) -> impl IntoView {
    // A new choice, or a new program (each run sets the definitions, even
    // when the choice stays), asks the worker for the code.
    Effect::new(move |_| {
        state.definitions.track();
        if let Some(w) = state.code_word.get() {
            actions::code(client, w);
        }
    });
    let names = move || {
        let mut seen = std::collections::HashSet::new();
        state
            .definitions
            .with(|d| d.iter().filter(|d| seen.insert(d.name.clone())).map(|d| d.name.clone()).collect::<Vec<_>>())
    };
    view! {
        <div class="panel code-view" data-testid="code-view">
            <h2>"Code of one word"</h2>
            <div class="settings">
                <label>
                    "Word "
                    <select
                        data-testid="code-word"
                        prop:value=move || state.code_word.get().unwrap_or_default()
                        on:change=move |ev| {
                            let w = event_target_value(&ev);
                            state.code_word.set((!w.is_empty()).then_some(w));
                        }
                    >
                        {move || {
                            let names = names();
                            if names.is_empty() {
                                return view! { <option value="">"(run a program)"</option> }.into_any();
                            }
                            names
                                .into_iter()
                                .map(|n| view! { <option value=n.clone()>{n.clone()}</option> })
                                .collect_view()
                                .into_any()
                        }}
                    </select>
                </label>
                <span class="mono" data-testid="code-effect">
                    {move || match state.word_code.get() {
                        Some(Ok(c)) => c.effect,
                        _ => String::new(),
                    }}
                </span>
            </div>
            {move || match state.word_code.get() {
                None => view! {
                    <p class="muted">
                        "Run a program, then choose a word or put the cursor in its definition to see its function."
                    </p>
                }
                    .into_any(),
                Some(Err(e)) => view! { <p class="muted" data-testid="code-error">{e}</p> }.into_any(),
                Some(Ok(c)) => view! {
                    <p class="muted" data-testid="code-linked">{c.linked}</p>
                    <pre
                        class="wat word-wat"
                        data-testid="code-wat"
                        role="region"
                        aria-label=format!("WebAssembly text of {}", c.name)
                        tabindex="0"
                        on:mouseleave=move |_| state.hot_token.set(None)
                    >
                        {c
                            .lines
                            .into_iter()
                            .map(|(line, tok)| {
                                let hover = move |_| state.hot_token.set(usize::try_from(tok).ok());
                                view! {
                                    <span
                                        class=move || tint(tok, state.hot_token.get())
                                        data-token=tok
                                        on:mouseenter=hover
                                    >
                                        {line}
                                        "\n"
                                    </span>
                                }
                            })
                            .collect_view()}
                    </pre>
                }
                    .into_any(),
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_take_their_tokens_colour_and_the_hot_one_is_marked() {
        assert_eq!(tint(-1, Some(0)), "wat-line");
        assert_eq!(tint(9, None), "wat-line tok-c1");
        assert_eq!(tint(3, Some(3)), "wat-line tok-c3 tok-hot");
    }
}
