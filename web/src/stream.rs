//! Streaming a running program's output to JavaScript.
//!
//! A Web Worker cannot answer messages while wasm runs, so output that must
//! reach the page during a long run is pushed out from inside `EMIT`/`TYPE`:
//! the machine buffers it and hands the buffer to a JavaScript function when
//! it is large or old enough (the first output goes out at once).
//!
//! Guarantee: every byte is handed out exactly once, in order, either to the
//! sink or, for what is left at the end of a call, in [`crate::Outcome`].

use js_sys::{Function, Uint8Array};
use wasm_bindgen::JsValue;

use crate::machine::Io;

/// Flush when this many bytes are waiting.
const MAX_BYTES: usize = 8192;
/// Flush when the oldest waiting byte is older than this.
const MAX_AGE_MS: f64 = 40.0;

/// A JavaScript function `(bytes: Uint8Array) => void` and when it was last called.
pub struct OutputSink {
    func: Function,
    last_ms: f64,
}

impl OutputSink {
    /// A sink that has never been called.
    pub fn new(func: Function) -> Self {
        OutputSink { func, last_ms: f64::NEG_INFINITY }
    }
}

impl Io {
    /// Hands waiting output to the sink, if there is one and it is time.
    pub fn stream(&mut self) {
        let Some(sink) = self.sink.as_mut() else { return };
        let now = js_sys::Date::now();
        if self.output.is_empty() || (self.output.len() < MAX_BYTES && now - sink.last_ms < MAX_AGE_MS) {
            return;
        }
        sink.last_ms = now;
        let chunk = Uint8Array::from(&self.output[..]);
        self.output.clear();
        // A sink that throws loses nothing but its own chunk.
        let _ = sink.func.call1(&JsValue::NULL, &chunk);
    }
}
