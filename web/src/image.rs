//! Running a linked module by itself, as `native-runner run IMAGE.wasm`
//! does: the module is booted as the kernel, its dictionary comes from its
//! image section, and its entry word can be executed again and again (the
//! playground's bench runs it this way, so the browser measures the very
//! module that native tools measure).
//!
//! Guarantee: a bad module gives an error string; a failing run gives an
//! [`Outcome`] with the diagnostic and leaves the image usable.

use compiler::{Forth, Machine as _};
use wasm_bindgen::prelude::*;

use crate::machine::JsMachine;
use crate::{finish, Outcome};

/// A linked module, booted.
#[wasm_bindgen]
pub struct Image {
    forth: Forth,
    machine: JsMachine,
    entry_xt: u32,
    entry: String,
    memory_bytes: u32,
}

#[wasm_bindgen]
impl Image {
    /// Boots the module `bytes` made by `Session::link` or `native-runner build`.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<Image, String> {
        let info = compiler::link::image_info_with(bytes, engine_validates)?;
        let mut machine = JsMachine::new();
        machine.boot(bytes).map_err(|f| format!("cannot load the image: {f:?}"))?;
        let forth = Forth::from_image(&info, false);
        Ok(Image { forth, machine, entry_xt: info.entry_xt, entry: info.entry, memory_bytes: info.memory_bytes })
    }

    /// The entry word's name.
    pub fn entry(&self) -> String {
        self.entry.clone()
    }

    /// Executes the entry word once.
    pub fn run(&mut self) -> Outcome {
        let res = self.forth.run_xt(&mut self.machine, self.entry_xt);
        finish(&mut self.forth, &mut self.machine, res)
    }
}

impl Image {
    /// The machine it runs on (the Performance tab reads its counters).
    pub(crate) fn machine(&mut self) -> &mut JsMachine {
        &mut self.machine
    }

    /// Its linear memory's size in bytes.
    pub(crate) fn memory_bytes(&self) -> u32 {
        self.memory_bytes
    }
}

/// The JavaScript engine's own validation (`WebAssembly.validate`), the one
/// every module meets before it runs here anyway: the façade carries no
/// validator of its own (the `compiler` crate's `validate` feature is off).
fn engine_validates(module: &[u8]) -> Result<(), String> {
    match js_sys::WebAssembly::validate(&js_sys::Uint8Array::from(module).into()) {
        Ok(true) => Ok(()),
        Ok(false) => Err("the WebAssembly engine refuses it".into()),
        Err(e) => Err(format!("{e:?}")),
    }
}
