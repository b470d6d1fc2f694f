//! The share button and the link it makes.

use leptos::prelude::*;

use crate::actions::Client;
use crate::state::State;

/// The share panel.
#[component]
pub fn SharePanel(state: State, client: Client) -> impl IntoView {
    // The worker makes the link; its answer sets the link or the error.
    let share = move |_| crate::share::request_link(state, client);
    view! {
        <div class="panel">
            <h2>"Share"</h2>
            <p class="note">
                "A link carrying the source, the settings, the bench results and any imported report, compressed and sealed with a sha256."
            </p>
            <button data-testid="share" on:click=share>"Make a share link"</button>
            {move || {
                state
                    .share_url
                    .get()
                    .map(|u| {
                        view! {
                            <input class="share-url" data-testid="share-url" aria-label="Share link" readonly prop:value=u.clone() />
                            <p class="note">{format!("{} characters (copied to the clipboard when allowed)", u.len())}</p>
                        }
                    })
            }}
            {move || state.share_error.get().map(|e| view! { <p class="error" data-testid="share-error">{e}</p> })}
        </div>
    }
}
