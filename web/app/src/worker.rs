//! The page's side of the compiler worker: starts `worker.js` as a module
//! worker, queues requests until it reports `ready`, hands every message
//! it sends to one handler, and replaces it with a fresh worker on demand
//! (Stop), which is the only way to end a wasm program that does not return.
//!
//! The first worker is the one `web/boot.js` started as the page loaded (so
//! the façade loads while the app's own wasm does), adopted with the events
//! it sent before.
//!
//! Guarantee: after [`WorkerClient::restart`] no message from the old worker
//! reaches the handler (terminate is synchronous from the page's view).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::js::{object, text};

/// Where Trunk puts the worker script (copied from `web/worker.js`).
const WORKER_URL: &str = "./worker.js";

/// Where `web/boot.js` leaves the worker it started as the page loaded:
/// `{worker, events}`, the events being `[kind, event]` pairs it received.
pub const EARLY_KEY: &str = "__fastforthEarlyWorker";

/// The worker `boot.js` started, with the events it sent until now; taken
/// once (later calls, after Stop, get `None` and start a fresh worker).
fn early_worker() -> Option<(Worker, js_sys::Array)> {
    let win = web_sys::window()?;
    let key = JsValue::from_str(EARLY_KEY);
    let early = Reflect::get(&win, &key).ok().filter(JsValue::is_object)?;
    let _ = Reflect::delete_property(win.unchecked_ref::<js_sys::Object>(), &key);
    let worker = Reflect::get(&early, &"worker".into()).ok()?.dyn_into::<Worker>().ok()?;
    let events = Reflect::get(&early, &"events".into()).ok()?.dyn_into::<js_sys::Array>().ok()?;
    Some((worker, events))
}

type Handler = Rc<dyn Fn(JsValue)>;
/// An event listener kept alive for as long as its worker.
type Listener = Closure<dyn FnMut(JsValue)>;

struct Inner {
    worker: RefCell<Option<Worker>>,
    ready: Cell<bool>,
    queue: RefCell<Vec<JsValue>>,
    handler: Handler,
    closures: RefCell<Vec<Listener>>,
}

/// A handle on the current worker.
#[derive(Clone)]
pub struct WorkerClient {
    inner: Rc<Inner>,
}

impl WorkerClient {
    /// A client whose worker's messages will go to `handler`; [`spawn`]
    /// starts the worker. A worker that cannot start or that fails reports
    /// `{type: 'failed', error}`.
    ///
    /// [`spawn`]: WorkerClient::spawn
    pub fn new(handler: impl Fn(JsValue) + 'static) -> WorkerClient {
        WorkerClient {
            inner: Rc::new(Inner {
                worker: RefCell::new(None),
                ready: Cell::new(false),
                queue: RefCell::new(Vec::new()),
                handler: Rc::new(handler),
                closures: RefCell::new(Vec::new()),
            }),
        }
    }

    /// Starts the worker: adopts the one `boot.js` started, handing the
    /// handler what it already said (so the handler may already send), or
    /// starts a fresh one.
    pub fn spawn(&self) {
        let (worker, early) = match early_worker() {
            Some((w, events)) => (w, Some(events)),
            None => {
                let opts = WorkerOptions::new();
                opts.set_type(WorkerType::Module);
                match Worker::new_with_options(WORKER_URL, &opts) {
                    Ok(w) => (w, None),
                    Err(e) => {
                        let error = format!("{e:?}").into();
                        (self.inner.handler)(object(&[("type", "failed".into()), ("error", error)]));
                        return;
                    }
                }
            }
        };
        let weak = Rc::downgrade(&self.inner);
        let on_message = Listener::new(move |ev: JsValue| {
            let Some(inner) = weak.upgrade() else { return };
            let data = ev.unchecked_into::<MessageEvent>().data();
            if text(&data, "type") == "ready" {
                inner.ready.set(true);
                let queued: Vec<JsValue> = inner.queue.borrow_mut().drain(..).collect();
                if let Some(w) = inner.worker.borrow().as_ref() {
                    for m in queued {
                        let _ = w.post_message(&m);
                    }
                }
            }
            (inner.handler)(data);
        });
        let handler = self.inner.handler.clone();
        let on_error = Listener::new(move |ev: JsValue| {
            let msg = ev
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .unwrap_or_else(|| "the compiler worker failed to start".into());
            handler(object(&[("type", "failed".into()), ("error", msg.into())]));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let on_message_fn: js_sys::Function = on_message.as_ref().clone().unchecked_into();
        let on_error_fn: js_sys::Function = on_error.as_ref().clone().unchecked_into();
        {
            let mut closures = self.inner.closures.borrow_mut();
            closures.clear();
            closures.push(on_message);
            closures.push(on_error);
        }
        *self.inner.worker.borrow_mut() = Some(worker);
        // What the early worker said before these listeners, in order; no
        // event can come in between, as this runs to its end first.
        for pair in early.iter().flat_map(|events| events.iter()) {
            let kind = Reflect::get(&pair, &0.into()).ok().and_then(|k| k.as_string());
            let ev = Reflect::get(&pair, &1.into()).unwrap_or(JsValue::UNDEFINED);
            let f = if kind.as_deref() == Some("error") { &on_error_fn } else { &on_message_fn };
            let _ = f.call1(&JsValue::NULL, &ev);
        }
    }

    /// Sends a request now, or when the worker is ready.
    pub fn send(&self, msg: JsValue) {
        if self.inner.ready.get() {
            if let Some(w) = self.inner.worker.borrow().as_ref() {
                let _ = w.post_message(&msg);
            }
        } else {
            self.inner.queue.borrow_mut().push(msg);
        }
    }

    /// Ends the current worker, whatever it is doing, and starts a fresh one.
    pub fn restart(&self) {
        if let Some(w) = self.inner.worker.borrow_mut().take() {
            w.set_onmessage(None);
            w.set_onerror(None);
            w.terminate();
        }
        self.inner.ready.set(false);
        self.inner.queue.borrow_mut().clear();
        self.spawn();
    }
}
