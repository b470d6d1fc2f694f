//! The wasmtime implementation of `compiler::Machine`.
//!
//! One [`wasmtime::Store`] holds the kernel instance and every batch. The
//! `forth.host` import is a host function that hands the call to the
//! [`Host`] passed to the innermost [`Machine::call`], together with a
//! machine view built on the wasmtime [`Caller`], so host words can run wasm
//! again (reentrancy: `EVALUATE`, `CATCH`).
//!
//! Guarantees: a wasm trap, a host error or the time limit (an epoch
//! deadline, or the machine's [`Alarm`]) becomes a [`Fault`] with the
//! standard THROW code; nothing here panics on a fault. Every module the
//! machine instantiates is registered with its alarm, and every call into
//! wasm runs under it, so a time limit can interrupt any of its code.

use std::sync::Arc;
use std::time::Instant;

use compiler::{Fault, Host, Machine};
use runtime::{exports, imports, CodeField};
use wasmtime::{AsContextMut, Caller, Engine, Func, Global, Linker, Memory, Module, Ref, Store, Table, Trap, Val};

use crate::console::Console;
use crate::interrupt::Alarm;
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
    fs: crate::file_system::NativeFs,
    cache: Option<ModuleCache>,
    /// Modules compiled earlier in this process, shared between machines.
    memo: Option<ModuleMemo>,
    started: Instant,
    /// When the time limit runs out, for host waits (`MS`) that wasm's
    /// time limit cannot interrupt.
    deadline: Option<Instant>,
    /// The time limit of code without checks.
    alarm: Alarm,
    limits: wasmtime::StoreLimits,
}

/// The most batch modules one run may instantiate: each costs host memory
/// for its code and instance, so a program that defines and runs words one
/// by one hundreds of thousands of times gets a clear error instead.
pub const MAX_MODULES: usize = 20_000;

/// Compiled modules kept in memory by their bytes, shared by the machines
/// of one engine; it keeps the first `cap` modules it is given.
#[derive(Clone, Debug)]
pub struct ModuleMemo {
    map: Arc<std::sync::Mutex<std::collections::HashMap<Vec<u8>, Module>>>,
    cap: usize,
}

impl ModuleMemo {
    /// An empty memo that will keep at most `cap` modules.
    pub fn new(cap: usize) -> Self {
        ModuleMemo { map: Default::default(), cap }
    }

    fn get(&self, bytes: &[u8]) -> Option<Module> {
        self.map.lock().ok()?.get(bytes).cloned()
    }

    fn put(&self, bytes: &[u8], module: &Module) {
        if let Ok(mut map) = self.map.lock() {
            if map.len() < self.cap {
                map.insert(bytes.to_vec(), module.clone());
            }
        }
    }
}

/// The largest source file read by default: 64 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 << 20;

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
            fs: crate::file_system::NativeFs::new(DEFAULT_MAX_FILE_BYTES),
            cache,
            memo: None,
            started: Instant::now(),
            deadline: None,
            alarm: Alarm::new(),
            limits,
        };
        let mut store = Store::new(engine, data);
        store.limiter(|d| &mut d.limits);
        store.epoch_deadline_trap();
        store.set_epoch_deadline(u64::MAX / 2);
        Ctx(store)
    }

    /// Gives the console back (a machine whose boot failed is dropped, and
    /// its console goes to the next one).
    pub fn into_console(self) -> Console {
        self.0.into_data().console
    }

    /// Sets the time limit from now, in epoch ticks (`None`: no limit).
    pub fn set_deadline(&mut self, ticks: Option<u64>) {
        self.0.set_epoch_deadline(ticks.unwrap_or(u64::MAX / 2));
        let data = self.0.data_mut();
        data.deadline =
            ticks.and_then(|t| Instant::now().checked_add(crate::engine::TICK * u32::try_from(t).unwrap_or(u32::MAX)));
        data.alarm.set(data.deadline);
    }

    /// Shares `memo` with other machines on the same engine: machines
    /// booted one after another in one process (the fuzz targets) compile
    /// the kernel and the prelude once.
    pub fn share_modules(&mut self, memo: ModuleMemo) {
        self.0.data_mut().memo = Some(memo);
    }

    /// Sets the largest file the program may read (source files and
    /// `INCLUDED`); a larger one, or an endless one like `/dev/zero`, is an
    /// error rather than an exhausted memory.
    pub fn set_max_file_bytes(&mut self, n: u64) {
        self.0.data_mut().fs.set_max_source_bytes(n);
    }

    /// Turns file access off: the FILE ACCESS and BLOCK words and
    /// `INCLUDED` then fail as if every file were unreadable.
    pub fn disable_files(&mut self) {
        self.0.data_mut().fs.disable();
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
        return trap_fault(trap);
    }
    Fault::Host(format!("{e:#}"))
}

/// Reads at most `max` bytes of a file; more is an error. Errors are
/// messages without the path, which the caller names.
pub fn read_capped(path: &str, max: u64) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > max {
        return Err(format!("larger than the input limit of {max} bytes (see --max-input)"));
    }
    Ok(bytes)
}

/// The fault a wasm trap stands for: the standard THROW code and a short
/// description. Every trap maps to a THROW code (the interpreter loop that
/// sees it adds the location); only the epoch deadline and fuel are not
/// catchable, as they stop the program.
pub fn trap_fault(trap: &Trap) -> Fault {
    use runtime::throw;
    let what = trap.to_string().trim_start_matches("wasm trap: ").to_string();
    let (code, what) = match trap {
        Trap::Interrupt | Trap::OutOfFuel => return Fault::Timeout,
        Trap::StackOverflow => (throw::RSTACK_OVERFLOW, "recursion too deep for the wasm stack".to_string()),
        Trap::IntegerDivisionByZero => (throw::DIVISION_BY_ZERO, what),
        Trap::IntegerOverflow | Trap::BadConversionToInteger => (throw::OUT_OF_RANGE, what),
        Trap::IndirectCallToNull | Trap::TableOutOfBounds | Trap::BadSignature => {
            (throw::INVALID_ADDRESS, "not an execution token".to_string())
        }
        Trap::MemoryOutOfBounds | Trap::HeapMisaligned => (throw::INVALID_ADDRESS, what),
        // Generated code never reaches `unreachable` (it follows a THROW that
        // does not return), and uses no GC, atomics or components; should one
        // of these happen anyway, it is still an error with a code.
        _ => (throw::INVALID_ADDRESS, what),
    };
    Fault::Trap { code, what }
}

fn compile(engine: &Engine, data: &StoreData, bytes: &[u8]) -> Result<Module, Fault> {
    if let Some(m) = data.memo.as_ref().and_then(|memo| memo.get(bytes)) {
        return Ok(m);
    }
    let res = match data.cache.as_ref() {
        Some(c) => c.load_or_compile(engine, bytes),
        None => Module::new(engine, bytes),
    };
    let module = res.map_err(|e| Fault::Host(format!("cannot compile module: {e:#}")))?;
    if let Some(memo) = &data.memo {
        memo.put(bytes, &module);
    }
    Ok(module)
}

impl<C: AsContextMut<Data = StoreData>> Ctx<C> {
    /// Boots from a compiled kernel or linked image: instantiates it with
    /// the host import and records its exports.
    pub fn boot_compiled(&mut self, module: &Module) -> Result<(), Fault> {
        let mut cx = self.0.as_context_mut();
        cx.data().alarm.register(module);
        let engine = cx.engine().clone();
        let host_func = Func::wrap(&mut cx, |mut caller: Caller<'_, StoreData>, xt: i32| -> wasmtime::Result<()> {
            let Some(host) = caller.data().host else {
                return Err(wasmtime::Error::new(FaultError(Fault::Host("host word called outside of a call".into()))));
            };
            // Signals never interrupt host words: a run past its time limit
            // stops at its next one instead.
            if caller.data().alarm.expired() {
                return Err(wasmtime::Error::new(FaultError(Fault::Timeout)));
            }
            let mut m = Ctx(&mut caller);
            // A panicking host word (a bug of ours) becomes an error at this
            // boundary instead of unwinding through wasm frames.
            // SAFETY: `host` was set by the `call` below from a `&mut dyn
            // Host` that stays borrowed, and unused, until that call returns;
            // this callback runs strictly inside it.
            let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| unsafe {
                (*host).host_word(&mut m, xt as u32)
            }))
            .unwrap_or_else(|p| {
                Err(Fault::Host(format!(
                    "internal error: host word {xt} panicked: {} (this is a bug in FastForth/wasm)",
                    compiler::panic_message(p.as_ref())
                )))
            });
            res.map_err(|f| wasmtime::Error::new(FaultError(f)))
        });
        let mut linker = Linker::new(&engine);
        linker.define(&cx, imports::HOST_MODULE, imports::HOST_WORD, host_func).map_err(to_fault)?;
        let instance = linker.instantiate(&mut cx, module).map_err(to_fault)?;
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

    /// The current size of linear memory in 64 KiB pages (0 before boot).
    pub fn memory_pages(&mut self) -> u64 {
        let cx = self.0.as_context_mut();
        match cx.data().kernel.as_ref().map(|k| k.memory) {
            Some(m) => m.size(&cx),
            None => 0,
        }
    }

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
        let cx = self.0.as_context_mut();
        let engine = cx.engine().clone();
        let module = compile(&engine, cx.data(), kernel_bytes)?;
        self.boot_compiled(&module)
    }

    fn instantiate(&mut self, bytes: &[u8]) -> Result<(), Fault> {
        let mut cx = self.0.as_context_mut();
        let engine = cx.engine().clone();
        let module = compile(&engine, cx.data(), bytes)?;
        cx.data().alarm.register(&module);
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
        let Some(running) = cx.data().alarm.enter() else { return Err(Fault::Timeout) };
        let prev = cx.data_mut().host.replace(erased);
        let res = typed.call(&mut cx, xt as i32);
        cx.data_mut().host = prev;
        drop(running);
        res.map_err(|e| if cx.data().alarm.timed_out(&e) { Fault::Timeout } else { to_fault(e) })
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

    fn error_output(&mut self, bytes: &[u8]) {
        use std::io::Write;
        // Program output written so far comes first, as a terminal shows it.
        self.0.as_context_mut().data_mut().console.flush();
        let _ = std::io::stderr().write_all(bytes);
    }

    fn env_var(&mut self, name: &str) -> Option<Vec<u8>> {
        std::env::var_os(name).map(|v| v.into_encoded_bytes())
    }

    fn key(&mut self) -> Option<u8> {
        self.0.as_context_mut().data_mut().console.key()
    }

    fn read_line(&mut self) -> Option<Vec<u8>> {
        self.0.as_context_mut().data_mut().console.read_line()
    }

    fn input_is_terminal(&mut self) -> bool {
        self.0.as_context_mut().data().console.is_interactive()
    }

    fn files(&mut self, f: &mut dyn FnMut(&mut dyn compiler::file_system::FileSystem)) {
        f(&mut self.0.as_context_mut().data_mut().fs);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A host whose every word panics: a stand-in for a bug in a host word.
    struct PanickingHost;

    impl Host for PanickingHost {
        fn host_word(&mut self, _: &mut dyn Machine, xt: u32) -> Result<(), Fault> {
            panic!("deliberate panic in host word {xt}");
        }
    }

    fn machine(out: Vec<u8>) -> NativeMachine {
        let console = Console::new(Box::new(std::io::Cursor::new(out)), Box::new(std::io::empty()));
        let mut m = NativeMachine::new(
            &crate::engine::engine(crate::engine::Checks::for_time_limit(true)).unwrap(),
            console,
            None,
        );
        m.boot(&compiler::kernel::kernel_module(runtime::Layout::default())).unwrap();
        m
    }

    #[test]
    fn a_panicking_host_word_is_an_error_and_the_machine_goes_on() {
        let mut m = machine(Vec::new());
        let xt = compiler::kernel::first_user_xt();
        m.set_host_entry(xt).unwrap();
        let err = m.call(xt, &mut PanickingHost).unwrap_err();
        let Fault::Host(msg) = &err else { panic!("not a host fault: {err:?}") };
        assert!(msg.contains("internal error") && msg.contains("deliberate panic in host word"), "{msg}");
        // The machine is still usable.
        m.write(0x2000, b"ok").unwrap();
        let mut b = [0u8; 2];
        m.read(0x2000, &mut b).unwrap();
        assert_eq!(&b, b"ok");
    }

    #[test]
    fn every_trap_is_a_fault_with_a_standard_code() {
        let mut n = 0;
        for b in 0..=u8::MAX {
            let Some(trap) = Trap::from_u8(b) else { continue };
            n += 1;
            match trap_fault(&trap) {
                Fault::Timeout => assert!(matches!(trap, Trap::Interrupt | Trap::OutOfFuel)),
                Fault::Trap { code, what } => {
                    assert!(runtime::throw::message(code).is_some(), "{trap:?} gives a non-standard code {code}");
                    assert!(!what.is_empty());
                }
                f => panic!("{trap:?} gives {f:?}"),
            }
        }
        assert!(n >= 20, "only {n} traps known");
        let div = trap_fault(&Trap::IntegerDivisionByZero);
        assert_eq!(div, Fault::Trap { code: -10, what: "integer divide by zero".into() });
    }

    #[test]
    fn reading_a_file_stops_at_the_input_limit() {
        let mut m = machine(Vec::new());
        m.set_max_file_bytes(1000);
        let read = |m: &mut NativeMachine, path: &str| {
            compiler::machine::with_files(m, |fs| compiler::file_system::read_whole(fs, path))
        };
        let e = read(&mut m, "/dev/zero").unwrap_err().message;
        assert!(e.contains("larger than the input limit of 1000 bytes"), "{e}");
        let f = std::env::temp_dir().join(format!("ff-limit-{}", std::process::id()));
        std::fs::write(&f, [b'x'; 1000]).unwrap();
        assert_eq!(read(&mut m, f.to_str().unwrap()).unwrap().len(), 1000);
        std::fs::remove_file(f).unwrap();
    }
}
