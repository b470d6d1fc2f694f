//! The examples gallery: the teaching programs (`public/examples/*.fs`) and
//! the benchmark programs (`benchmarks/programs/*/*.fs`), listed by
//! `build.rs`. Their texts are not in the page's wasm (tens of kilobytes):
//! they are files served beside it (`examples/GROUP/NAME.fs`, gathered by
//! `make examples`), fetched when one is chosen; only the first text the
//! page shows is embedded.

use js_sys::futures::JsFuture;
use wasm_bindgen::JsCast;

include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// The example `GROUP/NAME` (an option's value), if there is one.
pub fn find(key: &str) -> Option<(&'static str, &'static str)> {
    let (group, name) = key.split_once('/')?;
    EXAMPLES.iter().copied().find(|&(g, n)| g == group && n == name)
}

/// The text of the example `name` of `group`, from the server.
pub async fn fetch(group: &str, name: &str) -> Result<String, String> {
    let failed = |_| format!("could not load the example {name}");
    let window = web_sys::window().ok_or("no window")?;
    let res = JsFuture::from(window.fetch_with_str(&format!("examples/{group}/{name}.fs"))).await.map_err(failed)?;
    let res: web_sys::Response = res.dyn_into().map_err(failed)?;
    if !res.ok() {
        return Err(format!("could not load the example {name} (HTTP {})", res.status()));
    }
    let text = JsFuture::from(res.text().map_err(failed)?).await.map_err(failed)?;
    text.as_string().ok_or_else(|| failed(text))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_gallery_has_teaching_and_benchmark_programs() {
        assert!(super::EXAMPLES.iter().any(|(g, _)| *g == "teaching"));
        assert!(super::EXAMPLES.iter().filter(|(g, _)| *g == "benchmark").count() >= 10);
        assert_eq!(super::find("benchmark/fib"), Some(("benchmark", "fib")));
        assert_eq!(super::find("teaching/fib"), None);
        assert!(super::FIRST_TEXT.contains("Hello"));
    }
}
