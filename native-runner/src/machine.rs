//! The wasmtime implementation of `compiler::Machine`.
//!
//! One [`wasmtime::Store`] holds the kernel instance and every batch. The
//! `forth.host` import is a host function that hands the call to the
//! [`Host`] passed to the innermost [`Machine::call`], together with a
//! machine view built on the wasmtime [`Caller`], so host words can run wasm
//! again (reentrancy: `EVALUATE`, `CATCH`).
//!
//! Guarantees: a wasm trap, a host error or the epoch deadline becomes a
//! [`Fault`] with the standard THROW code; nothing here panics on a fault.

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context as _;
use compiler::{Fault, Host, Machine};
use runtime::{exports, imports, CodeField};
use wasmtime::{AsContextMut, Caller, Engine, Func, Global, Linker, Memory, Module, Ref, Store, Table, Trap, Val};

use crate::console::Console;
use crate::module_cache::ModuleCache;

/// The kernel's exports that the host uses.
struct Kernel {
    memory: Memory,
    table: Table,
    sp: Global,
    rp: Global,
    fsp: Global,
    code_fields: Vec<(CodeField, Func)>,
    host_func: Func,
}

/// What the store carries: the kernel, the linker, the console, and the
/// host of the innermost call in progress.
pub struct StoreData {
    host: Option<*mut (dyn Host + 'static)>,
    kernel: Option<Kernel>,
    linker: Option<Arc<Linker<StoreData>>>,
    console: Console,
    cache: Option<ModuleCache>,
    started: Instant,
    /// When the time limit runs out, for host waits (`MS`) that wasm's
    /// epoch deadline cannot interrupt.
    deadline: Option<Instant>,
    limits: wasmtime::StoreLimits,
}

/// The most batch modules one run may instantiate: each costs host memory
/// for its code and instance, so a program that defines and runs words one
/// by one hundreds of thousands of times gets a clear error instead.
pub const MAX_MODULES: usize = 20_000;

/// A fault carried through wasmtime as an error.
#[derive(Debug)]
struct FaultError(Fault);

impl std::fmt::Display for FaultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl std::error::Error for FaultError {}

/// A machine over anything that gives access to the store: the store itself
/// at top level, or a [`Caller`] inside a host call.
pub struct Ctx<C>(pub C);

/// The top-level machine.
pub type NativeMachine = Ctx<Store<StoreData>>;

impl NativeMachine {
    /// A machine on `engine`, writing to and reading from `console`.
    pub fn new(engine: &Engine, console: Console, cache: Option<ModuleCache>) -> Self {
        let limits = wasmtime::StoreLimitsBuilder::new().instances(MAX_MODULES + 1).memories(1).tables(1).build();
        let data = StoreData {
            host: None,
            kernel: None,
            linker: None,
            console,
            cache,
            started: Instant::now(),
            deadline: None,
            limits,
        };
        let mut store = Store::new(engine, data);
        store.limiter(|d| &mut d.limits);
        store.epoch_deadline_trap();
        store.set_epoch_deadline(u64::MAX / 2);
        Ctx(store)
    }

    /// Sets the time limit from now, in epoch ticks (`None`: no limit).
    pub fn set_deadline(&mut self, ticks: Option<u64>) {
        self.0.set_epoch_deadline(ticks.unwrap_or(u64::MAX / 2));
        self.0.data_mut().deadline =
            ticks.and_then(|t| Instant::now().checked_add(crate::engine::TICK * u32::try_from(t).unwrap_or(u32::MAX)));
    }

    /// Flushes program output.
    pub fn flush_output(&mut self) {
        self.0.data_mut().console.flush();
    }

    /// The console, for the REPL.
    pub fn console(&mut self) -> &mut Console {
        &mut self.0.data_mut().console
    }
}

fn kernel(data: &StoreData) -> Result<&Kernel, Fault> {
    data.kernel.as_ref().ok_or_else(|| Fault::Host("the machine has not booted".into()))
}

/// Maps a wasmtime error to the fault it stands for.
fn to_fault(e: wasmtime::Error) -> Fault {
    if let Some(FaultError(f)) = e.downcast_ref::<FaultError>() {
        return f.clone();
    }
    if let Some(trap) = e.downcast_ref::<Trap>() {
        let what = trap.to_string().trim_start_matches("wasm trap: ").to_string();
        let (code, what) = match trap {
            Trap::Interrupt | Trap::OutOfFuel => return Fault::Timeout,
            Trap::StackOverflow => {
                (runtime::throw::RSTACK_OVERFLOW, "recursion too deep for the wasm stack".to_string())
            }
            Trap::IntegerDivisionByZero => (runtime::throw::DIVISION_BY_ZERO, what),
            Trap::IntegerOverflow => (runtime::throw::OUT_OF_RANGE, what),
            Trap::IndirectCallToNull | Trap::TableOutOfBounds | Trap::BadSignature => {
                (runtime::throw::INVALID_ADDRESS, "not an execution token".to_string())
            }
            _ => (runtime::throw::INVALID_ADDRESS, what),
        };
        return Fault::Trap { code, what };
    }
    Fault::Host(format!("{e:#}"))
}

fn compile(engine: &Engine, cache: Option<&ModuleCache>, bytes: &[u8]) -> Result<Module, Fault> {
    let res = match cache {
        Some(c) => c.load_or_compile(engine, bytes),
        None => Module::new(engine, bytes),
    };
    res.map_err(|e| Fault::Host(format!("cannot compile module: {e:#}")))
}

impl<C: AsContextMut<Data = StoreData>> Ctx<C> {
    /// The value of a kernel global (`sp`, `rp` or `fsp`), or 0 before boot.
    fn get_global(&mut self, pick: fn(&Kernel) -> Global) -> u32 {
        let mut cx = self.0.as_context_mut();
        match cx.data().kernel.as_ref().map(pick) {
            Some(g) => g.get(&mut cx).i32().unwrap_or(0) as u32,
            None => 0,
        }
    }

    /// Sets a kernel global (`sp`, `rp` or `fsp`); does nothing before boot.
    fn set_global(&mut self, pick: fn(&Kernel) -> Global, v: u32) {
        let mut cx = self.0.as_context_mut();
        if let Some(g) = cx.data().kernel.as_ref().map(pick) {
            let _ = g.set(&mut cx, Val::I32(v as i32));
        }
    }
}

impl<C: AsContextMut<Data = StoreData>> Machine for Ctx<C> {
    fn boot(&mut self, kernel_bytes: &[u8]) -> Result<(), Fault> {
        let mut cx = self.0.as_context_mut();
        let engine = cx.engine().clone();
        let module = compile(&engine, cx.data().cache.as_ref(), kernel_bytes)?;
        let host_func = Func::wrap(&mut cx, |mut caller: Caller<'_, StoreData>, xt: i32| -> wasmtime::Result<()> {
            let Some(host) = caller.data().host else {
                return Err(wasmtime::Error::new(FaultError(Fault::Host("host word called outside of a call".into()))));
            };
            let mut m = Ctx(&mut caller);
            // SAFETY: `host` was set by the `call` below from a `&mut dyn
            // Host` that stays borrowed, and unused, until that call returns;
            // this callback runs strictly inside it.
            let res = unsafe { (*host).host_word(&mut m, xt as u32) };
            res.map_err(|f| wasmtime::Error::new(FaultError(f)))
        });
        let mut linker = Linker::new(&engine);
        linker.define(&cx, imports::HOST_MODULE, imports::HOST_WORD, host_func).map_err(to_fault)?;
        let instance = linker.instantiate(&mut cx, &module).map_err(to_fault)?;
        let get = |cx: &mut wasmtime::StoreContextMut<'_, StoreData>, name: &str| {
            instance.get_export(&mut *cx, name).ok_or_else(|| Fault::Host(format!("kernel lacks export {name}")))
        };
        let memory = get(&mut cx, exports::MEMORY)?.into_memory().ok_or_else(|| Fault::Host("memory export".into()))?;
        let table = get(&mut cx, exports::TABLE)?.into_table().ok_or_else(|| Fault::Host("table export".into()))?;
        let sp = get(&mut cx, exports::SP)?.into_global().ok_or_else(|| Fault::Host("sp export".into()))?;
        let rp = get(&mut cx, exports::RP)?.into_global().ok_or_else(|| Fault::Host("rp export".into()))?;
        let fsp = get(&mut cx, exports::FSP)?.into_global().ok_or_else(|| Fault::Host("fsp export".into()))?;
        let mut code_fields = Vec::new();
        for cf in CodeField::ALL {
            let f =
                get(&mut cx, cf.export_name())?.into_func().ok_or_else(|| Fault::Host("code field export".into()))?;
            code_fields.push((cf, f));
        }
        linker.instance(&mut cx, exports::KERNEL_MODULE, instance).map_err(to_fault)?;
        let data = cx.data_mut();
        data.kernel = Some(Kernel { memory, table, sp, rp, fsp, code_fields, host_func });
        data.linker = Some(Arc::new(linker));
        Ok(())
    }

    fn instantiate(&mut self, bytes: &[u8]) -> Result<(), Fault> {
        let mut cx = self.0.as_context_mut();
        let engine = cx.engine().clone();
        let module = compile(&engine, cx.data().cache.as_ref(), bytes)?;
        let linker = cx.data().linker.clone().ok_or_else(|| Fault::Host("the machine has not booted".into()))?;
        linker.instantiate(&mut cx, &module).map(|_| ()).map_err(|e| match to_fault(e) {
            Fault::Host(msg) if msg.contains("instance count too high") => {
                Fault::Host(format!("this program made more than {MAX_MODULES} batch modules (it defines and runs words one at a time); the runner's limit is {MAX_MODULES}"))
            }
            f => f,
        })
    }

    fn call(&mut self, xt: u32, host: &mut dyn Host) -> Result<(), Fault> {
        let mut cx = self.0.as_context_mut();
        let table = kernel(cx.data())?.table;
        let func = match table.get(&mut cx, u64::from(xt)) {
            Some(Ref::Func(Some(f))) => f,
            _ => {
                return Err(Fault::Trap {
                    code: runtime::throw::INVALID_ADDRESS,
                    what: format!("no word has execution token {xt}"),
                })
            }
        };
        let typed = func.typed::<i32, ()>(&cx).map_err(to_fault)?;
        // SAFETY: the lifetime is erased only for the duration of this call;
        // the pointer is removed again before `host` is usable by the caller.
        let erased: *mut (dyn Host + 'static) =
            unsafe { std::mem::transmute::<*mut (dyn Host + '_), *mut (dyn Host + 'static)>(host as *mut dyn Host) };
        let prev = cx.data_mut().host.replace(erased);
        let res = typed.call(&mut cx, xt as i32);
        cx.data_mut().host = prev;
        res.map_err(to_fault)
    }

    fn set_code_field(&mut self, xt: u32, cf: CodeField) -> Result<(), Fault> {
        let mut cx = self.0.as_context_mut();
        let k = kernel(cx.data())?;
        let (table, f) = (
            k.table,
            k.code_fields.iter().find(|(c, _)| *c == cf).map(|(_, f)| *f).expect("every code field is exported"),
        );
        table.set(&mut cx, u64::from(xt), Ref::Func(Some(f))).map_err(to_fault)
    }

    fn set_host_entry(&mut self, xt: u32) -> Result<(), Fault> {
        let mut cx = self.0.as_context_mut();
        let k = kernel(cx.data())?;
        let (table, f) = (k.table, k.host_func);
        table.set(&mut cx, u64::from(xt), Ref::Func(Some(f))).map_err(to_fault)
    }

    fn read(&mut self, addr: u32, buf: &mut [u8]) -> Result<(), Fault> {
        let cx = self.0.as_context_mut();
        let memory = kernel(cx.data())?.memory;
        memory.read(&cx, addr as usize, buf).map_err(|_| Fault::Trap {
            code: runtime::throw::INVALID_ADDRESS,
            what: format!("read of {} bytes at {addr:#x}", buf.len()),
        })
    }

    fn write(&mut self, addr: u32, data: &[u8]) -> Result<(), Fault> {
        let mut cx = self.0.as_context_mut();
        let memory = kernel(cx.data())?.memory;
        memory.write(&mut cx, addr as usize, data).map_err(|_| Fault::Trap {
            code: runtime::throw::INVALID_ADDRESS,
            what: format!("write of {} bytes at {addr:#x}", data.len()),
        })
    }

    fn sp(&mut self) -> u32 {
        self.get_global(|k| k.sp)
    }

    fn set_sp(&mut self, sp: u32) {
        self.set_global(|k| k.sp, sp);
    }

    fn rp(&mut self) -> u32 {
        self.get_global(|k| k.rp)
    }

    fn set_rp(&mut self, rp: u32) {
        self.set_global(|k| k.rp, rp);
    }

    fn fsp(&mut self) -> u32 {
        self.get_global(|k| k.fsp)
    }

    fn set_fsp(&mut self, fsp: u32) {
        self.set_global(|k| k.fsp, fsp);
    }

    fn output(&mut self, bytes: &[u8]) {
        self.0.as_context_mut().data_mut().console.write(bytes);
    }

    fn key(&mut self) -> Option<u8> {
        self.0.as_context_mut().data_mut().console.key()
    }

    fn read_line(&mut self) -> Option<Vec<u8>> {
        self.0.as_context_mut().data_mut().console.read_line()
    }

    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, String> {
        std::fs::read(path).with_context(|| path.to_string()).map_err(|e| e.root_cause().to_string())
    }

    fn now_ms(&mut self) -> f64 {
        self.0.as_context_mut().data().started.elapsed().as_secs_f64() * 1000.0
    }

    fn wall_clock_ms(&mut self) -> f64 {
        let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        since.map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }

    fn sleep_ms(&mut self, ms: u32) -> Result<(), Fault> {
        let wake = Instant::now() + std::time::Duration::from_millis(u64::from(ms));
        match self.0.as_context_mut().data().deadline {
            Some(deadline) if deadline < wake => {
                std::thread::sleep(deadline.saturating_duration_since(Instant::now()));
                Err(Fault::Timeout)
            }
            _ => {
                std::thread::sleep(wake.saturating_duration_since(Instant::now()));
                Ok(())
            }
        }
    }

    fn key_ready(&mut self) -> bool {
        self.0.as_context_mut().data_mut().console.key_ready()
    }
}
