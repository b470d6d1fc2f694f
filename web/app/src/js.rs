//! Plain JavaScript values, read and made field by field: the worker's
//! messages (objects, which it parsed from the JSON of the façade and of
//! `web_exchange`) and what the page keeps in localStorage (the browser's
//! own `JSON`).
//!
//! The page carries no JSON parser or serializer, no serde, of its own:
//! each would be tens of kilobytes of its wasm. Reading a field that is
//! missing or of another type gives the type's empty value (`""`, 0, none).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// A plain object from `(key, value)` pairs.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// A field of an object.
pub fn field(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A string field, or `""`.
pub fn text(v: &JsValue, key: &str) -> String {
    field(v, key).as_string().unwrap_or_default()
}

/// A string field that may be absent or null.
pub fn opt_text(v: &JsValue, key: &str) -> Option<String> {
    field(v, key).as_string()
}

/// A number field, or 0.
pub fn number(v: &JsValue, key: &str) -> f64 {
    field(v, key).as_f64().unwrap_or(0.0)
}

/// A number field that may be absent or null.
pub fn opt_number(v: &JsValue, key: &str) -> Option<f64> {
    field(v, key).as_f64()
}

/// A whole-number field (a count, nanoseconds, bytes), or 0.
pub fn count(v: &JsValue, key: &str) -> u64 {
    number(v, key) as u64
}

/// A boolean field, false unless it is `true`.
pub fn flag(v: &JsValue, key: &str) -> bool {
    field(v, key).as_bool() == Some(true)
}

/// The items of an array field (none if it is not an array).
pub fn list(v: &JsValue, key: &str) -> Vec<JsValue> {
    items(&field(v, key))
}

/// The items of an array (none if it is not one).
pub fn items(a: &JsValue) -> Vec<JsValue> {
    if Array::is_array(a) {
        Array::from(a).iter().collect()
    } else {
        Vec::new()
    }
}

/// An array field of numbers.
pub fn numbers(v: &JsValue, key: &str) -> Vec<f64> {
    list(v, key).iter().filter_map(JsValue::as_f64).collect()
}

/// The value of JSON text, if it is JSON.
pub fn parse_json(text: &str) -> Option<JsValue> {
    js_sys::JSON::parse(text).ok()
}

/// A value as JSON text (`""` for what has none, as `undefined`).
pub fn to_json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()).unwrap_or_default()
}
