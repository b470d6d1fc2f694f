//! The linked module: size, timings, WAT and a download button.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::num::fixed;
use crate::state::State;

/// Offers `bytes` as a file download named `name`.
fn download(bytes: &[u8], name: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/wasm");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let doc = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// The generated-code panel.
#[component]
pub fn ArtifactPanel(state: State) -> impl IntoView {
    view! {
        <div class="panel code-panel">
            <h2>"Generated code"</h2>
            <div class="settings">
                <label>
                    "Entry word "
                    <input
                        data-testid="entry"
                        size="12"
                        prop:value=move || state.entry.get()
                        on:change=move |ev| state.entry.set(event_target_value(&ev))
                    />
                </label>
                <span class="note">"(linked after each Run, as native-runner build does)"</span>
            </div>
            {move || state.artifact_error.get().map(|e| view! { <p class="muted" data-testid="artifact-error">{e}</p> })}
            {move || {
                state
                    .artifact
                    .get()
                    .map(|a| {
                        let size = a.bytes.len();
                        let bytes = a.bytes.clone();
                        let name = format!("{}.wasm", state.entry.get_untracked().to_ascii_lowercase());
                        view! {
                            <p class="facts" data-testid="artifact-facts">
                                {format!(
                                    "module {} bytes · load (compile + run) {} ms · link {} ms",
                                    size,
                                    fixed(state.run_ms.get_untracked().unwrap_or(0.0), 1),
                                    fixed(a.link_ms, 1),
                                )}
                                " "
                                <button data-testid="download" on:click=move |_| {
                                    let _ = download(&bytes, &name);
                                }>"Download .wasm"</button>
                            </p>
                            <pre class="wat" data-testid="wat" role="region" aria-label="WebAssembly text" tabindex="0">{a.wat}</pre>
                        }
                    })
            }}
        </div>
    }
}
