//! The examples gallery, embedded at build time by `build.rs` from
//! `public/examples/*.fs` (teaching) and `benchmarks/programs/*/*.fs`.

include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// The source of the example `name`.
pub fn find(name: &str) -> Option<&'static str> {
    EXAMPLES.iter().find(|(_, n, _)| *n == name).map(|(_, _, s)| *s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_gallery_has_teaching_and_benchmark_programs() {
        assert!(super::EXAMPLES.iter().any(|(g, _, _)| *g == "teaching"));
        assert!(super::EXAMPLES.iter().filter(|(g, _, _)| *g == "benchmark").count() >= 10);
        assert!(super::find("fib").unwrap().contains(": main"));
    }
}
