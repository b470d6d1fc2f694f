//! The browser implementation of `compiler::Machine`, on the JavaScript
//! WebAssembly API (through js-sys).
//!
//! The kernel and every batch are instantiated with `new WebAssembly.Module`
//! and `new WebAssembly.Instance`, which is synchronous and allowed for any
//! size inside a Web Worker (and in Node.js). The `forth.host` import is a
//! Rust closure; like the native machine, it hands the call to the host of
//! the innermost [`Machine::call`], with a machine view that shares this
//! machine's handles, so host words can run wasm again.
//!
//! Guarantees: a JavaScript exception or a wasm trap becomes a [`Fault`]
//! with the standard THROW code; memory never grows (its size is fixed by the
//! layout), so cached views of it stay valid.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use compiler::{Fault, Host, Machine};
use js_sys::{Function, Object, Reflect, Uint8Array, WebAssembly};
use runtime::{exports, imports, CodeField};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The kernel's exports that the host uses.
struct Kernel {
    memory: Uint8Array,
    table: WebAssembly::Table,
    sp: WebAssembly::Global,
    rp: WebAssembly::Global,
    fsp: WebAssembly::Global,
    code_fields: Vec<(CodeField, Function)>,
    host_func: Function,
    imports: Object,
}

/// Program input and output, and the files `INCLUDED` can read.
#[derive(Default)]
pub struct Io {
    /// Output not yet taken by the page.
    pub output: Vec<u8>,
    /// Input for `KEY` and `ACCEPT`.
    pub input: std::collections::VecDeque<u8>,
    /// The in-memory file system.
    pub files: crate::memory_fs::MemoryFs,
    /// Where output is streamed while a program runs, if anywhere.
    pub sink: Option<crate::stream::OutputSink>,
}

/// The `forth.host` import: a Rust closure that may throw.
type HostClosure = Closure<dyn Fn(i32) -> Result<(), JsValue>>;

struct Inner {
    kernel: RefCell<Option<Rc<Kernel>>>,
    host: Cell<Option<*mut (dyn Host + 'static)>>,
    io: RefCell<Io>,
    host_closure: RefCell<Option<HostClosure>>,
}

/// A machine on the JavaScript WebAssembly API. Clones share everything.
#[derive(Clone)]
pub struct JsMachine {
    inner: Rc<Inner>,
}

/// A fault carried through JavaScript as an exception: a plain object
/// `{ forthFault: kind, code, text }`, so that it survives any JS frames.
fn fault_to_js(f: Fault) -> JsValue {
    let (kind, code, text) = match f {
        Fault::Throw(c) => ("throw", c, String::new()),
        Fault::Trap { code, what } => ("trap", code, what),
        Fault::Timeout => ("timeout", 0, String::new()),
        Fault::Bye => ("bye", 0, String::new()),
        Fault::Quit => ("quit", 0, String::new()),
        Fault::Host(s) => ("host", 0, s),
    };
    let o = Object::new();
    let _ = Reflect::set(&o, &"forthFault".into(), &kind.into());
    let _ = Reflect::set(&o, &"code".into(), &code.into());
    let _ = Reflect::set(&o, &"text".into(), &text.into());
    o.into()
}

fn fault_from_js(e: &JsValue) -> Option<Fault> {
    let kind = Reflect::get(e, &"forthFault".into()).ok()?.as_string()?;
    let code = Reflect::get(e, &"code".into()).ok()?.as_f64()? as i32;
    let text = Reflect::get(e, &"text".into()).ok()?.as_string().unwrap_or_default();
    Some(match kind.as_str() {
        "throw" => Fault::Throw(code),
        "trap" => Fault::Trap { code, what: text },
        "timeout" => Fault::Timeout,
        "bye" => Fault::Bye,
        "quit" => Fault::Quit,
        _ => Fault::Host(text),
    })
}

/// Maps a JavaScript exception to the fault it stands for.
fn to_fault(e: JsValue) -> Fault {
    // Our own faults come back as the object we threw.
    if e.is_object() {
        if let Some(f) = fault_from_js(&e) {
            return f;
        }
    }
    let text = e.dyn_ref::<js_sys::Error>().map(|err| String::from(err.message())).unwrap_or_else(|| format!("{e:?}"));
    let lower = text.to_ascii_lowercase();
    let is_range_error = e.is_instance_of::<js_sys::RangeError>();
    // The descriptions match wasmtime's, so both hosts print the same diagnostic.
    let (code, what) = if lower.contains("divide by zero")
        || lower.contains("division by zero")
        || lower.contains("remainder by zero")
    {
        (runtime::throw::DIVISION_BY_ZERO, "integer divide by zero")
    } else if lower.contains("unrepresentable") || (lower.contains("overflow") && !lower.contains("stack")) {
        (runtime::throw::OUT_OF_RANGE, "integer overflow")
    } else if is_range_error || lower.contains("call stack") {
        (runtime::throw::RSTACK_OVERFLOW, "recursion too deep for the wasm stack")
    } else if lower.contains("null function") || lower.contains("signature mismatch") || lower.contains("table index") {
        (runtime::throw::INVALID_ADDRESS, "not an execution token")
    } else if lower.contains("out of bounds") {
        (runtime::throw::INVALID_ADDRESS, "out of bounds memory access")
    } else if lower.contains("unreachable") {
        (runtime::throw::INVALID_ADDRESS, "wasm `unreachable` instruction executed")
    } else {
        return Fault::Host(text);
    };
    let what = what.to_string();
    Fault::Trap { code, what }
}

fn js(e: JsValue) -> Fault {
    Fault::Host(format!("{e:?}"))
}

fn get(obj: &JsValue, name: &str) -> Result<JsValue, Fault> {
    Reflect::get(obj, &JsValue::from_str(name)).map_err(js)
}

impl Default for JsMachine {
    fn default() -> Self {
        Self::new()
    }
}

impl JsMachine {
    /// A machine that has not booted.
    pub fn new() -> Self {
        JsMachine {
            inner: Rc::new(Inner {
                kernel: RefCell::new(None),
                host: Cell::new(None),
                io: RefCell::new(Io::default()),
                host_closure: RefCell::new(None),
            }),
        }
    }

    /// The input, output and files.
    pub fn io(&self) -> std::cell::RefMut<'_, Io> {
        self.inner.io.borrow_mut()
    }

    fn kernel(&self) -> Result<Rc<Kernel>, Fault> {
        self.inner.kernel.borrow().clone().ok_or_else(|| Fault::Host("the machine has not booted".into()))
    }

    fn instantiate_with(&self, bytes: &[u8], imports: &Object) -> Result<WebAssembly::Instance, Fault> {
        let module = WebAssembly::Module::new(&Uint8Array::from(bytes).into()).map_err(js)?;
        WebAssembly::Instance::new(&module, imports).map_err(to_fault)
    }
}

impl Machine for JsMachine {
    fn boot(&mut self, kernel_bytes: &[u8]) -> Result<(), Fault> {
        let weak = Rc::downgrade(&self.inner);
        let closure = HostClosure::new(move |xt: i32| {
            let Some(inner) = weak.upgrade() else {
                return Err(fault_to_js(Fault::Host("machine dropped".into())));
            };
            let Some(host) = inner.host.get() else {
                return Err(fault_to_js(Fault::Host("host word called outside of a call".into())));
            };
            let mut view = JsMachine { inner };
            // SAFETY: `host` was set by `call` from a `&mut dyn Host` that
            // stays borrowed, and unused, until that call returns; this
            // callback runs strictly inside it.
            let res = unsafe { (*host).host_word(&mut view, xt as u32) };
            res.map_err(fault_to_js)
        });
        let host_fn: Function = closure.as_ref().unchecked_ref::<Function>().clone();
        *self.inner.host_closure.borrow_mut() = Some(closure);

        let host_ns = Object::new();
        Reflect::set(&host_ns, &JsValue::from_str(imports::HOST_WORD), &host_fn).map_err(js)?;
        let imports_obj = Object::new();
        Reflect::set(&imports_obj, &JsValue::from_str(imports::HOST_MODULE), &host_ns).map_err(js)?;
        let instance = self.instantiate_with(kernel_bytes, &imports_obj)?;
        let ex: JsValue = instance.exports().into();
        let memory: WebAssembly::Memory = get(&ex, exports::MEMORY)?.dyn_into().map_err(js)?;
        let table: WebAssembly::Table = get(&ex, exports::TABLE)?.dyn_into().map_err(js)?;
        let sp: WebAssembly::Global = get(&ex, exports::SP)?.dyn_into().map_err(js)?;
        let rp: WebAssembly::Global = get(&ex, exports::RP)?.dyn_into().map_err(js)?;
        let fsp: WebAssembly::Global = get(&ex, exports::FSP)?.dyn_into().map_err(js)?;
        let mut code_fields = Vec::new();
        for cf in CodeField::ALL {
            code_fields.push((cf, get(&ex, cf.export_name())?.dyn_into::<Function>().map_err(js)?));
        }
        Reflect::set(&imports_obj, &JsValue::from_str(exports::KERNEL_MODULE), &ex).map_err(js)?;
        // A table only takes wasm functions: the kernel's re-export of the
        // host import is one, the JS closure itself is not.
        let host_func: Function = get(&ex, imports::HOST_WORD)?.dyn_into().map_err(js)?;
        let kernel = Kernel {
            memory: Uint8Array::new(&memory.buffer()),
            table,
            sp,
            rp,
            fsp,
            code_fields,
            host_func,
            imports: imports_obj,
        };
        *self.inner.kernel.borrow_mut() = Some(Rc::new(kernel));
        Ok(())
    }

    fn instantiate(&mut self, bytes: &[u8]) -> Result<(), Fault> {
        let k = self.kernel()?;
        self.instantiate_with(bytes, &k.imports).map(|_| ())
    }

    fn call(&mut self, xt: u32, host: &mut dyn Host) -> Result<(), Fault> {
        let k = self.kernel()?;
        let func = k.table.get(xt).map_err(to_fault)?;
        if func.is_null() || func.is_undefined() {
            return Err(Fault::Trap {
                code: runtime::throw::INVALID_ADDRESS,
                what: format!("no word has execution token {xt}"),
            });
        }
        // SAFETY: the lifetime is erased only for the duration of this call;
        // the pointer is removed again before `host` is usable by the caller.
        let erased: *mut (dyn Host + 'static) =
            unsafe { std::mem::transmute::<*mut (dyn Host + '_), *mut (dyn Host + 'static)>(host as *mut dyn Host) };
        let prev = self.inner.host.replace(Some(erased));
        let res = func.call1(&JsValue::NULL, &JsValue::from(xt));
        self.inner.host.set(prev);
        res.map(|_| ()).map_err(to_fault)
    }

    fn set_code_field(&mut self, xt: u32, cf: CodeField) -> Result<(), Fault> {
        let k = self.kernel()?;
        let f = &k.code_fields.iter().find(|(c, _)| *c == cf).expect("every code field is exported").1;
        k.table.set(xt, f).map_err(to_fault)
    }

    fn set_host_entry(&mut self, xt: u32) -> Result<(), Fault> {
        let k = self.kernel()?;
        k.table.set(xt, &k.host_func).map_err(to_fault)
    }

    fn read(&mut self, addr: u32, buf: &mut [u8]) -> Result<(), Fault> {
        let k = self.kernel()?;
        let end = addr.checked_add(buf.len() as u32).filter(|&e| e <= k.memory.length());
        let Some(end) = end else {
            return Err(Fault::Trap {
                code: runtime::throw::INVALID_ADDRESS,
                what: format!("read of {} bytes at {addr:#x}", buf.len()),
            });
        };
        k.memory.subarray(addr, end).copy_to(buf);
        Ok(())
    }

    fn write(&mut self, addr: u32, data: &[u8]) -> Result<(), Fault> {
        let k = self.kernel()?;
        let end = addr.checked_add(data.len() as u32).filter(|&e| e <= k.memory.length());
        let Some(end) = end else {
            return Err(Fault::Trap {
                code: runtime::throw::INVALID_ADDRESS,
                what: format!("write of {} bytes at {addr:#x}", data.len()),
            });
        };
        k.memory.subarray(addr, end).copy_from(data);
        Ok(())
    }

    fn sp(&mut self) -> u32 {
        self.kernel().map_or(0, |k| k.sp.value().as_f64().unwrap_or(0.0) as i32 as u32)
    }

    fn set_sp(&mut self, sp: u32) {
        if let Ok(k) = self.kernel() {
            k.sp.set_value(&JsValue::from(sp as i32));
        }
    }

    fn rp(&mut self) -> u32 {
        self.kernel().map_or(0, |k| k.rp.value().as_f64().unwrap_or(0.0) as i32 as u32)
    }

    fn set_rp(&mut self, rp: u32) {
        if let Ok(k) = self.kernel() {
            k.rp.set_value(&JsValue::from(rp as i32));
        }
    }

    fn fsp(&mut self) -> u32 {
        self.kernel().map_or(0, |k| k.fsp.value().as_f64().unwrap_or(0.0) as i32 as u32)
    }

    fn set_fsp(&mut self, fsp: u32) {
        if let Ok(k) = self.kernel() {
            k.fsp.set_value(&JsValue::from(fsp as i32));
        }
    }

    fn output(&mut self, bytes: &[u8]) {
        let mut io = self.inner.io.borrow_mut();
        io.output.extend_from_slice(bytes);
        io.stream();
    }

    fn key(&mut self) -> Option<u8> {
        self.inner.io.borrow_mut().input.pop_front()
    }

    fn read_line(&mut self) -> Option<Vec<u8>> {
        let mut io = self.inner.io.borrow_mut();
        if io.input.is_empty() {
            return None;
        }
        let mut line = Vec::new();
        while let Some(c) = io.input.pop_front() {
            if c == b'\n' {
                break;
            }
            line.push(c);
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Some(line)
    }

    fn files(&mut self, f: &mut dyn FnMut(&mut dyn compiler::file_system::FileSystem)) {
        f(&mut self.inner.io.borrow_mut().files);
    }

    fn now_ms(&mut self) -> f64 {
        js_sys::Date::now()
    }

    fn wall_clock_ms(&mut self) -> f64 {
        js_sys::Date::now()
    }
}
