//! Tabs: the panels that are not always in view (Settings, Provenance,
//! Bench, Performance, Compare with native, History, Share) share one place, one shown at a
//! time. The buttons are an ARIA `tablist` (Left/Right/Home/End move
//! between tabs, as the ARIA practices say). A panel is built the first
//! time its tab is chosen, not with the page: the page's first Run does not
//! wait for panels nobody has looked at. From then on it stays mounted,
//! only hidden, so it keeps what it shows when another is chosen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One tab: its key (test ids `tab-KEY` and `tabpanel-KEY`), its title and its panel.
pub struct Tab {
    /// Short, stable name.
    pub key: &'static str,
    /// The button's text.
    pub title: &'static str,
    /// The panel, built when the tab is first chosen.
    pub view: ViewFn,
}

/// The tab list and the panels.
#[component]
pub fn Tabs(
    /// The tabs, in order.
    tabs: Vec<Tab>,
    /// The key of the tab shown.
    selected: RwSignal<&'static str>,
) -> impl IntoView {
    let keys: Vec<&'static str> = tabs.iter().map(|t| t.key).collect();
    // Whether each tab was ever chosen: its panel is built then (set only
    // once, so the panel is built once).
    let opened: Vec<RwSignal<bool>> = keys.iter().map(|k| RwSignal::new(selected.get_untracked() == *k)).collect();
    let choose = move |opened: &[RwSignal<bool>], at: usize, key: &'static str| {
        if !opened[at].get_untracked() {
            opened[at].set(true);
        }
        selected.set(key);
    };
    let (buttons, panels): (Vec<_>, Vec<_>) = tabs
        .into_iter()
        .enumerate()
        .map(|(at, t)| {
            let key = t.key;
            let keys = keys.clone();
            let all = opened.clone();
            let on_click = opened.clone();
            let button = view! {
                <button
                    role="tab"
                    id=format!("tab-{key}")
                    data-testid=format!("tab-{key}")
                    aria-controls=format!("tabpanel-{key}")
                    aria-selected=move || if selected.get() == key { "true" } else { "false" }
                    tabindex=move || if selected.get() == key { "0" } else { "-1" }
                    on:click=move |_| choose(&on_click, at, key)
                    on:keydown=move |ev| {
                        let n = keys.len();
                        let to = match ev.key().as_str() {
                            "ArrowRight" => (at + 1) % n,
                            "ArrowLeft" => (at + n - 1) % n,
                            "Home" => 0,
                            "End" => n - 1,
                            _ => return,
                        };
                        ev.prevent_default();
                        choose(&all, to, keys[to]);
                        focus(&format!("tab-{}", keys[to]));
                    }
                >
                    {t.title}
                </button>
            };
            let shown = opened[at];
            let body = t.view;
            let panel = view! {
                <div
                    role="tabpanel"
                    class="tabpanel"
                    id=format!("tabpanel-{key}")
                    data-testid=format!("tabpanel-{key}")
                    aria-labelledby=format!("tab-{key}")
                    hidden=move || selected.get() != key
                >
                    {move || shown.get().then(|| body.run())}
                </div>
            };
            (button, panel)
        })
        .unzip();
    view! {
        <section class="tabs" aria-label="More panels">
            <div role="tablist" class="tablist" aria-label="Panels">
                {buttons}
            </div>
            {panels}
        </section>
    }
}

fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
