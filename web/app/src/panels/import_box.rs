//! The box where a panel takes pasted JSON from a `native-runner` command:
//! a text area and an import button (Compare with native, History).
//!
//! Guarantee: the pasted text is only ever a value of the text area, never
//! HTML; the import runs only when the button is pressed.

use leptos::prelude::*;

/// What one import box says and is called.
pub struct ImportBox {
    /// The text area's test id.
    pub testid: &'static str,
    /// The button's test id.
    pub button_testid: &'static str,
    /// The text area's placeholder: which command's output to paste.
    pub placeholder: &'static str,
    /// The text area's accessible name.
    pub label: &'static str,
    /// The button's text.
    pub button: &'static str,
}

impl ImportBox {
    /// The text area bound to `pasted`, and the button that calls `import`.
    pub fn view(self, pasted: RwSignal<String>, import: impl Fn() + 'static) -> impl IntoView {
        view! {
            <textarea
                data-testid=self.testid
                class="import"
                rows="4"
                spellcheck="false"
                placeholder=self.placeholder
                aria-label=self.label
                prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))
            ></textarea>
            <button data-testid=self.button_testid on:click=move |_| import()>{self.button}</button>
        }
    }
}
