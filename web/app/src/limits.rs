//! The settings (`compiler::Limits`) field by field: each field's key, the
//! `native-runner` option it mirrors and its unit (the Settings panel's
//! rows), and the settings' JSON form both ways (what the worker boots
//! with, what localStorage keeps), made and read field by field: the page
//! has no serde.

use compiler::Limits;
use wasm_bindgen::{JsCast, JsValue};

use crate::js;

/// One numeric setting: its field in [`Limits`], the native option, the unit.
pub struct Field {
    /// The field's name, its key in JSON.
    pub key: &'static str,
    /// The `native-runner` option.
    pub option: &'static str,
    /// What the number counts.
    pub unit: &'static str,
    /// Reads the field.
    pub get: fn(&Limits) -> u32,
    /// Writes the field; a value too large for it becomes its maximum,
    /// which [`Limits::check`] then refuses.
    pub set: fn(&mut Limits, u32),
}

/// A [`Field`] for a field of [`Limits`].
macro_rules! field {
    ($key:ident, $option:literal, $unit:literal) => {
        Field {
            key: stringify!($key),
            option: $option,
            unit: $unit,
            get: |l| u32::from(l.$key),
            set: |l, v| l.$key = TryFrom::try_from(v).unwrap_or(!0),
        }
    };
}

/// Every field of [`Limits`], in the order the Settings panel shows them.
pub static FIELDS: [Field; 7] = [
    field!(memory, "--memory", "MiB"),
    field!(data_stack, "--data-stack", "cells"),
    field!(return_stack, "--return-stack", "cells"),
    field!(float_stack, "--float-stack", "floats"),
    field!(max_input, "--max-input", "MiB"),
    field!(max_nesting, "--max-nesting", "sources"),
    field!(opt_level, "-O", "level"),
];

/// The limits as JSON with every field, as the worker's
/// `Session.with_limits` takes them.
pub fn to_json(l: &Limits) -> String {
    let fields: Vec<String> = FIELDS.iter().map(|f| format!("\"{}\":{}", f.key, (f.get)(l))).collect();
    format!("{{{}}}", fields.join(","))
}

/// Limits from an object of fields (missing ones take their defaults), if
/// every field it has is a known one holding a whole number, and
/// [`Limits::check`] accepts them.
pub fn from_js(v: &JsValue) -> Option<Limits> {
    if !v.is_object() {
        return None;
    }
    let mut l = Limits::default();
    for key in js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).iter() {
        let f = FIELDS.iter().find(|f| key.as_string().as_deref() == Some(f.key))?;
        let n = js::opt_number(v, f.key).filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))?;
        (f.set)(&mut l, n as u32);
    }
    l.check().ok()?;
    Some(l)
}
