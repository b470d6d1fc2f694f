//! The editor: a textarea (so typing, selection and undo are the
//! browser's) over a highlighted copy of the text, with line numbers and the
//! error's line and column marked. Ctrl/Cmd+Enter runs.
//!
//! Guarantee: the source is only ever rendered as text nodes.

use leptos::html;
use leptos::prelude::*;

use crate::highlight::highlight;
use crate::state::State;

fn highlighted(source: &str, mark: Option<(usize, usize)>) -> impl IntoView {
    let lines = highlight(source);
    let last = lines.len().saturating_sub(1);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, toks)| {
            let line_no = i + 1;
            let err_col = mark.filter(|m| m.0 == line_no).map(|m| m.1);
            let spans = toks
                .into_iter()
                .map(|t| {
                    let len = t.text.chars().count();
                    let hit = err_col.is_some_and(|c| c >= t.col && c < t.col + len.max(1));
                    let class = if hit { format!("{} tok-error", t.class.css()) } else { t.class.css().to_string() };
                    view! { <span class=class>{t.text}</span> }
                })
                .collect_view();
            let class = if err_col.is_some() { "line line-error" } else { "line" };
            let nl = if i < last { "\n" } else { "\n " };
            view! { <span class=class>{spans}</span>{nl} }
        })
        .collect_view()
}

/// The editor bound to the state's source.
#[component]
pub fn Editor(state: State, on_run: Callback<()>) -> impl IntoView {
    let ta = NodeRef::<html::Textarea>::new();
    let pre = NodeRef::<html::Pre>::new();
    let gutter = NodeRef::<html::Div>::new();
    let mark = move || {
        state
            .error
            .with(|e| e.as_ref().filter(|e| e.in_editor && e.line > 0).map(|e| (e.line as usize, e.column as usize)))
    };
    let sync_scroll = move || {
        if let (Some(t), Some(p), Some(g)) = (ta.get(), pre.get(), gutter.get()) {
            p.set_scroll_top(t.scroll_top());
            p.set_scroll_left(t.scroll_left());
            g.set_scroll_top(t.scroll_top());
        }
    };
    view! {
        <div class="editor">
            <div class="gutter" node_ref=gutter aria-hidden="true">
                {move || {
                    let n = state.source.with(|s| s.split('\n').count());
                    let err = mark().map(|m| m.0);
                    (1..=n)
                        .map(|i| {
                            let class = if err == Some(i) { "ln ln-error" } else { "ln" };
                            view! { <div class=class>{i}</div> }
                        })
                        .collect_view()
                }}
            </div>
            <div class="code">
                <pre class="highlight" node_ref=pre aria-hidden="true">
                    {move || highlighted(&state.source.get(), mark())}
                </pre>
                <textarea
                    data-testid="editor"
                    node_ref=ta
                    spellcheck="false"
                    autocapitalize="off"
                    autocomplete="off"
                    wrap="off"
                    aria-label="Forth source"
                    prop:value=move || state.source.get()
                    on:input=move |ev| {
                        state.source.set(event_target_value(&ev));
                        sync_scroll();
                    }
                    on:scroll=move |_| sync_scroll()
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                            ev.prevent_default();
                            on_run.run(());
                        }
                    }
                ></textarea>
            </div>
        </div>
    }
}
