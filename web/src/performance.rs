//! The Performance tab's half of the façade: the performance model's
//! prediction for the loaded program's entry word, per word with the
//! suggestions for the hot ones, as `native-runner predict` makes it.
//!
//! How: the program is linked twice, as `native-runner build` links it (for
//! the module's size) and instrumented (a counter per block and function
//! entry, see `compiler::cost`); the instrumented module is booted by itself
//! as an [`Image`] and its entry word runs once; the counters are read back
//! (`compiler::cost::counted`) and the built-in model turns them into
//! nanoseconds (`compiler::cost::prediction`).
//!
//! Guarantee: the JSON is `compiler::cost::prediction::Prediction`, made by
//! the same code from the same counts as the `prediction` object of
//! `native-runner predict --format json`; a program that fails, or whose
//! entry word fails or executes `BYE`, gives an error string and leaves the
//! session usable.

use compiler::cost::counted;
use compiler::cost::prediction::{default_model, Module, Prediction};
use compiler::LinkOptions;
use wasm_bindgen::prelude::*;

use crate::image::Image;
use crate::Session;

#[wasm_bindgen]
impl Session {
    /// The prediction for one call of `entry` (default `MAIN`), as JSON
    /// (see the module doc).
    pub fn predict_json(&mut self, entry: Option<String>) -> Result<String, String> {
        let mut opts = LinkOptions { entry: entry.filter(|e| !e.trim().is_empty()), ..LinkOptions::default() };
        let plain = self.forth.link(&mut self.machine, &opts);
        opts.instrument = true;
        opts.options.push(("instrumented".into(), "true".into()));
        let instrumented = self.forth.link(&mut self.machine, &opts);
        // Anything linking printed is not the program's output.
        self.machine.io().output.clear();
        let plain = plain.map_err(|d| d.to_string())?;
        let instrumented = instrumented.map_err(|d| d.to_string())?;
        let counters = instrumented.counters.ok_or("an instrumented link gave no counters")?;
        // After both links, as `native-runner predict` asks for them.
        let remarks = self.forth.explain(None).unwrap_or_default();

        let mut image = Image::new(&instrumented.bytes)?;
        let out = image.run();
        if let Some(e) = out.error {
            return Err(format!("running {} failed: {e}", plain.entry));
        }
        if out.bye {
            return Err(format!("running {} executed BYE", plain.entry));
        }
        let memory_bytes = image.memory_bytes();
        let counted =
            counted::read(image.machine(), &counters).map_err(|f| format!("cannot read the counters: {f:?}"))?;
        let module = Module { entry: &plain.entry, bytes: plain.bytes.len() as u64, memory_bytes };
        let p = Prediction::new(&module, &counted, &default_model(), &remarks);
        serde_json::to_string(&p).map_err(|e| e.to_string())
    }
}
