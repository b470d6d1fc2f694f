//! Link settings of the façade's wasm module.
//!
//! The façade re-enters itself once per nested input source (`EVALUATE`,
//! `INCLUDED`): the outer interpreter calls the machine, whose host words
//! call the interpreter again. `--max-nesting` allows 1000 such levels, so
//! the module's shadow stack must hold 1000 of those chains of frames;
//! wasm-ld's default of 1 MiB does not, and an overflow there corrupts
//! the module's memory instead of failing cleanly. 16 MiB does, with room.

fn main() {
    // Without this, cargo runs the script again (and builds the façade
    // again) whenever any file under web/ changes: the editor's JavaScript,
    // the page, the tests.
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=16777216");
    }
}
