//! FastForth/wasm playground: a Leptos client-side app. The compiler and
//! the user's program run in a Web Worker (`web/worker.js` over the `web`
//! crate's façade); this crate is the page: editor, panels, charts, share
//! links. See ARCHITECTURE.md ("web").

mod actions;
mod app;
mod chart;
mod editor;
mod examples;
mod history;
mod js;
mod limits;
mod num;
mod panels;
mod report;
mod results;
mod share;
mod shell;
mod split;
mod state;
mod stats;
mod storage;
mod tabs;
mod theme;
mod worker;

fn main() {
    // A panic in the page shows its message in the browser's console (wasm
    // reports only "unreachable" otherwise).
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
    leptos::mount::mount_to_body(app::App);
}
