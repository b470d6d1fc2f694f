//! The editor: CodeMirror 6 with the Forth mode (`web/editor/`, bundled
//! by esbuild into `editor.js`, which defines `window.ForthEditor`, then
//! fires `forth-editor` on the window: it runs while this app's wasm
//! compiles, and may end after the app has started, so the editor is
//! mounted once both have happened). This component mounts it and keeps it
//! and the page's state in step: typing sets [`State::source`]; a source set elsewhere
//! (an example, a share link) replaces the editor's text; the last error
//! becomes a diagnostic at its line and column; the program's words feed
//! completion (the system's come from `pkg/words.json`, which the editor
//! fetches itself with its extras, at its first use); the code view's tokens are marked in
//! their colours, and the cursor and the mouse drive the code view
//! (`panels/code_view.rs`). Ctrl/Cmd+Enter runs.
//!
//! Guarantee: the source only ever reaches the page as text (CodeMirror's
//! document), never as HTML.
//!
//! Rule: no guard on a signal or stored value is held while the editor's JS
//! runs, as that JS may call back into `on_change`, which sets
//! [`State::source`]. On wasm, std's `RwLock` aborts on a write under a read
//! and leaves the lock taken; reactive_graph then reports every later read of
//! the signal as "already disposed", and the page hangs.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::state::State;

#[wasm_bindgen]
extern "C" {
    /// The handle `ForthEditor.create` returns.
    #[derive(Clone)]
    type Handle;

    #[wasm_bindgen(js_namespace = ForthEditor, js_name = create)]
    fn create(parent: &web_sys::Element, text: &str, on_change: &JsValue, on_run: &JsValue) -> Handle;

    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &Handle, text: &str);

    #[wasm_bindgen(method, js_name = setError)]
    fn set_error(this: &Handle, line: u32, column: u32, message: &str);

    #[wasm_bindgen(method, js_name = setProgramWords)]
    fn set_program_words(this: &Handle, words: &js_sys::Array);

    #[wasm_bindgen(method, js_name = setCodeTokens)]
    fn set_code_tokens(this: &Handle, json: &str);

    #[wasm_bindgen(method, js_name = setHotToken)]
    fn set_hot_token(this: &Handle, k: i32);

    #[wasm_bindgen(method, js_name = onCodeEvents)]
    fn on_code_events(this: &Handle, on_cursor: &JsValue, on_hover: &JsValue);
}

/// Whether `editor.js` has defined `window.ForthEditor`.
fn editor_script_ran() -> bool {
    web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &JsValue::from_str("ForthEditor")).unwrap_or(false))
}

/// The editor bound to the state's source.
#[component]
pub fn Editor(
    /// The page's state: the source it edits, the error it marks, the words it completes.
    state: State,
    /// What Ctrl/Cmd+Enter does.
    on_run: Callback<()>,
) -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    let handle = StoredValue::new_local(None::<Handle>);
    // A copy of the handle (a reference to the JS object), so that calls into
    // the editor hold no guard on `handle` (see the module's rule).
    let editor = move || handle.with_value(Clone::clone);
    // The effects below track this, so they run again once the editor exists.
    let mounted = RwSignal::new(false);
    // Whether editor.js has run; if not yet, its `forth-editor` event says when.
    let loaded = RwSignal::new(editor_script_ran());
    if !loaded.get_untracked() {
        let _ = window_event_listener_untyped("forth-editor", move |_| loaded.set(true));
    }
    // Set when the text came from the editor itself, so that the effect
    // that pushes the source into the editor skips comparing it (a copy of
    // the whole text per key).
    let from_editor = StoredValue::new_local(false);
    // Mount once the host element exists; the callbacks live as long as the page.
    Effect::new(move |_| {
        let Some(el) = host.get() else { return };
        if !loaded.get() || handle.with_value(Option::is_some) {
            return;
        }
        let on_change = Closure::<dyn FnMut(String)>::new(move |text: String| {
            from_editor.set_value(true);
            state.source.set(text);
        });
        let on_run = Closure::<dyn FnMut()>::new(move || on_run.run(()));
        let h = create(&el, &state.source.get_untracked(), on_change.as_ref(), on_run.as_ref());
        on_change.forget();
        on_run.forget();
        // The cursor in a definition shows that word in the code view; the
        // mouse over a token marks its WAT lines there.
        let on_cursor = Closure::<dyn FnMut(u32, u32)>::new(move |line: u32, col: u32| {
            if let Some(w) = state.definition_at(line, col) {
                if state.code_word.get_untracked().as_deref() != Some(w.as_str()) {
                    state.code_word.set(Some(w));
                }
            }
        });
        let on_hover = Closure::<dyn FnMut(i32)>::new(move |k: i32| state.hot_token.set(usize::try_from(k).ok()));
        h.on_code_events(on_cursor.as_ref(), on_hover.as_ref());
        on_cursor.forget();
        on_hover.forget();
        handle.set_value(Some(h));
        mounted.set(true);
    });
    // A source set from elsewhere: the handle ignores the text it already
    // holds. The text is copied out of the signal first: a read guard held
    // across `set_text` is what once crashed the page (see the module's rule).
    Effect::new(move |_| {
        mounted.track();
        state.source.track();
        if from_editor.try_update_value(std::mem::take).unwrap_or(false) {
            return;
        }
        if let Some(h) = editor() {
            h.set_text(&state.source.get_untracked());
        }
    });
    Effect::new(move |_| {
        mounted.track();
        let err = state.error.get().filter(|e| e.in_editor && e.line > 0);
        if let Some(h) = editor() {
            match &err {
                Some(e) => h.set_error(e.line, e.column, &e.message),
                None => h.set_error(0, 0, ""),
            }
        }
    });
    Effect::new(move |_| {
        mounted.track();
        let words: js_sys::Array = state.words.with(|w| w.iter().map(|w| w.to_js()).collect());
        if let Some(h) = editor() {
            h.set_program_words(&words);
        }
    });
    // The code view's tokens, marked in their colours; none while it shows
    // no code, or once the text is not the one that ran (the code shown is
    // not the text's any more, and the marks would drift onto other tokens).
    Effect::new(move |_| {
        mounted.track();
        let json = state.editor_tokens();
        if let Some(h) = editor() {
            h.set_code_tokens(&json);
        }
    });
    Effect::new(move |_| {
        mounted.track();
        let k = state.hot_token.get().map_or(-1, |k| k as i32);
        if let Some(h) = editor() {
            h.set_hot_token(k);
        }
    });
    view! { <div class="editor" node_ref=host></div> }
}
