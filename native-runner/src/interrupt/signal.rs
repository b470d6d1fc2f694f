//! The signal side of time limits: the handler that makes an interrupted
//! run of wasm trap, the table of code it may do that in, and the trap
//! instruction it sends the run to.
//!
//! The handler finds the interrupted thread in one of two places:
//! - in the body of a registered wasm function: it moves the program
//!   counter to the trap instruction;
//! - anywhere else, typically in a wasmtime builtin such as the one that
//!   implements `memory.copy` (a loop of large `MOVE`s spends nearly all its
//!   time there): it looks at the frame records just above the stack
//!   pointer (a saved frame pointer, then a return address) for returns
//!   into wasm, that is, addresses inside a registered function body right
//!   after a direct call to code that is not wasm (the call to a builtin's
//!   trampoline, which pushes such a record), and replaces each with the
//!   address of the trap instruction, so that the run traps when it
//!   returns to wasm.
//!   Returns from wasm to wasm, and from indirect calls (host imports), are
//!   never touched; a replaced word that was no longer in use is garbage
//!   that nothing reads.
//!
//! The trap instruction is the only instruction of a wasm function whose
//! body is `unreachable`, compiled once by wasmtime, so wasmtime knows its
//! address as a trap site: its own `SIGILL` handler unwinds the run from
//! it to the innermost entry into wasm, as for any trap, and reports an
//! unreachable trap, which generated code never raises otherwise. That
//! module is never dropped.
//!
//! The handler runs on the interrupted thread, inside a signal, so it only
//! reads thread-local cells, atomics, the code table (with `try_read`:
//! while the table is being changed it does nothing, and the next tick
//! tries again), the code's bytes and the thread's own stack, calls
//! `clock_gettime`, and writes the interrupted context or stack. It keeps
//! `errno`.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{OnceLock, RwLock};

use wasmtime::Module;

use super::Armed;

/// Whether this host supports interrupting code that has no checks.
pub const SUPPORTED: bool = cfg!(all(target_os = "linux", any(target_arch = "x86_64", target_arch = "aarch64")));

/// How far above the stack pointer the handler looks for return addresses
/// into wasm: more than the frames of any wasmtime builtin.
const WINDOW: usize = 16 << 10;

thread_local! {
    /// The alarm of the run of wasm in progress on this thread, if any.
    static CURRENT: Cell<*const Armed> = const { Cell::new(std::ptr::null()) };
    /// This thread's kernel id, once asked for (0: not yet).
    static TID: Cell<u32> = const { Cell::new(0) };
    /// This thread's stack, `[low, high)`, once asked for (empty: not yet).
    static STACK: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// The wasm function bodies the handler may interrupt, as sorted, disjoint
/// `(start, end, registrations)` address ranges.
static CODE: RwLock<Vec<(usize, usize, u32)>> = RwLock::new(Vec::new());

/// The address of the trap instruction (0: not made yet).
static TRAP_PC: AtomicUsize = AtomicUsize::new(0);

/// Records the alarm of the run in progress on this thread (null: none);
/// returns the one recorded before.
pub(super) fn replace_current(armed: *const Armed) -> *const Armed {
    if !armed.is_null() && STACK.with(Cell::get).1 == 0 {
        STACK.with(|t| t.set(os::stack()));
    }
    CURRENT.with(|c| c.replace(armed))
}

/// This thread's kernel id.
pub(super) fn current_tid() -> u32 {
    TID.with(|t| {
        if t.get() == 0 {
            t.set(os::gettid());
        }
        t.get()
    })
}

/// Makes sure the handler is installed and the trap instruction exists;
/// false if this host cannot interrupt wasm.
pub(super) fn prepare() -> bool {
    static READY: OnceLock<bool> = OnceLock::new();
    *READY.get_or_init(|| SUPPORTED && make_trap_site() && os::install(on_signal))
}

/// Sends the interrupt signal to thread `tid` of this process.
pub(super) fn send(tid: u32) {
    os::tgkill(tid);
}

/// The code of a module as address ranges, one per wasm function body.
fn ranges(m: &Module) -> impl Iterator<Item = (usize, usize)> + '_ {
    let base = m.text().as_ptr() as usize;
    m.functions().map(move |f| (base + f.offset, base + f.offset + f.len))
}

/// Lets the handler interrupt these modules' functions.
pub(super) fn publish(modules: &[Module]) {
    count(modules, true);
}

/// Undoes [`publish`] for these modules.
pub(super) fn unpublish(modules: &[Module]) {
    count(modules, false);
}

/// Adds one registration of each function body of `modules` to the table,
/// or takes one away (dropping the body at none).
fn count(modules: &[Module], add: bool) {
    if modules.is_empty() {
        return;
    }
    let mut code = CODE.write().unwrap_or_else(|e| e.into_inner());
    for m in modules {
        for (start, end) in ranges(m) {
            match (code.binary_search_by_key(&start, |r| r.0), add) {
                (Ok(i), true) => code[i].2 += 1,
                (Err(i), true) => code.insert(i, (start, end, 1)),
                (Ok(i), false) if code[i].2 > 1 => code[i].2 -= 1,
                (Ok(i), false) => {
                    code.remove(i);
                }
                (Err(_), false) => {}
            }
        }
    }
}

/// Compiles the one-instruction trap function and records where its
/// instruction is; false if its code is not the instruction expected.
fn make_trap_site() -> bool {
    static MODULE: OnceLock<Option<Module>> = OnceLock::new();
    let module = MODULE.get_or_init(|| {
        // A plain engine: the function must compile to nothing but its
        // frame and the trap, which checks of any kind would add to.
        let engine = wasmtime::Engine::new(&wasmtime::Config::new()).ok()?;
        Module::new(&engine, "(module (func unreachable))").ok()
    });
    let Some(module) = module else { return false };
    let Some(f) = module.functions().next() else { return false };
    let body = &module.text()[f.offset..f.offset + f.len];
    let Some(at) = os::trap_offset(body) else { return false };
    TRAP_PC.store(module.text().as_ptr() as usize + f.offset + at, Ordering::Release);
    true
}

/// The start of the published function body that holds `pc`.
fn body_start(code: &[(usize, usize, u32)], pc: usize) -> Option<usize> {
    let i = code.partition_point(|r| r.0 <= pc);
    (i > 0 && pc < code[i - 1].1).then(|| code[i - 1].0)
}

/// Whether `pc` is inside a published wasm function body. `None` while the
/// table is being changed.
#[cfg(test)]
fn in_wasm(pc: usize) -> Option<bool> {
    let code = CODE.try_read().ok()?;
    Some(body_start(&code, pc).is_some())
}

/// Whether `v` is the return address of a direct call from a published
/// wasm function body to code outside every such body.
///
/// # Safety
/// `code` lists mapped, readable code.
unsafe fn returns_from_call_out(code: &[(usize, usize, u32)], v: usize) -> bool {
    let Some(start) = body_start(code, v) else { return false };
    // SAFETY: the call instruction lies in the same body, before `v`.
    match unsafe { os::direct_call_target(start, v) } {
        Some(target) => body_start(code, target).is_none(),
        None => false,
    }
}

/// Replaces the return addresses into wasm in the [`WINDOW`] bytes above
/// `sp` (below `top`) by `trap`.
///
/// Only frame records are looked at: a return address is taken as one
/// only in the second word of a 16-aligned pair whose first word is a
/// saved frame pointer, that is, a 16-aligned address of this stack above
/// the pair. Cranelift's trampolines push that pair on entry (x86_64:
/// `call` then `push rbp`; aarch64: `stp x29, x30`), so every real return
/// into wasm from a builtin's trampoline is found, and a word of data that
/// merely looks like a code address is not enough to be rewritten.
///
/// # Safety
/// `[sp, top)` is live stack of this thread and `code` lists mapped code.
unsafe fn patch_returns(code: &[(usize, usize, u32)], sp: usize, top: usize, trap: usize) {
    let (Some(&(low, _, _)), Some(&(_, high, _))) = (code.first(), code.last()) else { return };
    let end = top.min(sp.saturating_add(WINDOW));
    let mut at = sp.next_multiple_of(16);
    while at + 16 <= end {
        let (fp_slot, ret_slot) = (at as *const usize, (at + 8) as *mut usize);
        // SAFETY: both words lie in the live stack, 8-aligned.
        let (fp, ret) = unsafe { (fp_slot.read(), ret_slot.read()) };
        let record = fp % 16 == 0 && fp > at && fp < top;
        // SAFETY: see above.
        if record && (low..high).contains(&ret) && unsafe { returns_from_call_out(code, ret) } {
            // SAFETY: see above.
            unsafe { ret_slot.write(trap) };
        }
        at += 16;
    }
}

/// The handler: see the module doc.
extern "C" fn on_signal(_: libc::c_int, _: *mut libc::siginfo_t, context: *mut libc::c_void) {
    let errno = os::errno();
    let armed = CURRENT.with(|c| c.get());
    let trap = TRAP_PC.load(Ordering::Acquire);
    let (low, top) = STACK.with(|t| t.get());
    // SAFETY: `armed` is non-null only between `Alarm::enter` and the drop
    // of its guard, which holds the `Armed` alive; `context` is the
    // `ucontext_t` the kernel passes to an `SA_SIGINFO` handler, of this
    // thread, whose stack is `[low, top)` (the interrupted code may run on
    // another stack, such as a signal stack: then nothing is patched); the
    // code table holds only code that registered modules keep mapped.
    unsafe {
        let now = super::watchdog::nanos_at(std::time::Instant::now());
        if !armed.is_null() && trap != 0 && (*armed).due(now) {
            if let Ok(code) = CODE.try_read() {
                let (pc, sp) = os::pc_sp(context);
                if body_start(&code, pc).is_some() {
                    os::set_pc(context, trap);
                } else if (low..top).contains(&sp) {
                    patch_returns(&code, sp, top, trap);
                }
            }
        }
    }
    os::set_errno(errno);
}

#[cfg(all(target_os = "linux", any(target_arch = "x86_64", target_arch = "aarch64")))]
mod os {
    /// The signal: ignored by default, so a stray one harms nothing.
    const SIGNAL: libc::c_int = libc::SIGURG;

    pub fn gettid() -> u32 {
        // SAFETY: gettid has no preconditions.
        unsafe { libc::gettid() as u32 }
    }

    pub fn tgkill(tid: u32) {
        // SAFETY: a signal to a thread of this process; at worst the thread
        // is gone (ESRCH) or is another thread, whose handler then finds no
        // run of its own past a deadline and does nothing.
        unsafe {
            libc::tgkill(libc::getpid(), tid as libc::pid_t, SIGNAL);
        }
    }

    /// This thread's stack, `[low, high)` (empty: unknown).
    pub fn stack() -> (usize, usize) {
        // SAFETY: the attribute object is initialized by
        // pthread_getattr_np before it is read, and destroyed after.
        unsafe {
            let mut attr: libc::pthread_attr_t = std::mem::zeroed();
            if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
                return (0, 0);
            }
            let (mut addr, mut size) = (std::ptr::null_mut(), 0);
            let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
            libc::pthread_attr_destroy(&mut attr);
            match ok {
                true => (addr as usize, addr as usize + size),
                false => (0, 0),
            }
        }
    }

    pub fn install(handler: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void)) -> bool {
        // SAFETY: a plain sigaction for a signal nothing else here uses.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = handler as usize;
            // SA_RESTART: a host word waiting in a system call goes on
            // waiting; SA_ONSTACK: on wasmtime's signal stack when it has one.
            sa.sa_flags = libc::SA_SIGINFO | libc::SA_RESTART | libc::SA_ONSTACK;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(SIGNAL, &sa, std::ptr::null_mut()) == 0
        }
    }

    pub fn errno() -> libc::c_int {
        // SAFETY: the thread's errno location is always valid.
        unsafe { *libc::__errno_location() }
    }

    pub fn set_errno(e: libc::c_int) {
        // SAFETY: as above.
        unsafe { *libc::__errno_location() = e }
    }

    /// Where the trap instruction is in the trap function's code.
    #[cfg(target_arch = "x86_64")]
    pub fn trap_offset(body: &[u8]) -> Option<usize> {
        // Cranelift ends the function with `ud2` (0f 0b).
        body.ends_with(&[0x0f, 0x0b]).then(|| body.len() - 2)
    }

    /// Where the trap instruction is in the trap function's code.
    #[cfg(target_arch = "aarch64")]
    pub fn trap_offset(body: &[u8]) -> Option<usize> {
        // Cranelift ends the function with `udf #imm16`, whose top half-word is 0.
        let at = body.len().checked_sub(4)?;
        let word = u32::from_le_bytes(body[at..].try_into().ok()?);
        (word >> 16 == 0).then_some(at)
    }

    /// The target of the direct call that returns to `ret`, if the code
    /// right before `ret` (and after `start`) is one.
    ///
    /// # Safety
    /// `[start, ret)` is mapped code.
    #[cfg(target_arch = "x86_64")]
    pub unsafe fn direct_call_target(start: usize, ret: usize) -> Option<usize> {
        // `call rel32`: e8 and a 32-bit displacement from `ret`.
        if ret < start + 5 {
            return None;
        }
        // SAFETY: the five bytes lie in `[start, ret)`.
        let (op, rel) = unsafe { (*((ret - 5) as *const u8), ((ret - 4) as *const i32).read_unaligned()) };
        (op == 0xe8).then(|| ret.wrapping_add_signed(rel as isize))
    }

    /// The target of the direct call that returns to `ret`, if the code
    /// right before `ret` (and after `start`) is one.
    ///
    /// # Safety
    /// `[start, ret)` is mapped code.
    #[cfg(target_arch = "aarch64")]
    pub unsafe fn direct_call_target(start: usize, ret: usize) -> Option<usize> {
        // `bl imm26`: 100101 and a word displacement from the instruction.
        if ret < start + 4 || ret % 4 != 0 {
            return None;
        }
        // SAFETY: the word lies in `[start, ret)`.
        let insn = unsafe { ((ret - 4) as *const u32).read() };
        if insn & 0xfc00_0000 != 0x9400_0000 {
            return None;
        }
        let words = ((insn << 6) as i32) >> 6;
        Some((ret - 4).wrapping_add_signed(words as isize * 4))
    }

    /// The interrupted program counter and stack pointer.
    ///
    /// # Safety
    /// `cx` is the context of an `SA_SIGINFO` handler.
    pub unsafe fn pc_sp(cx: *mut libc::c_void) -> (usize, usize) {
        let uc = cx as *mut libc::ucontext_t;
        #[cfg(target_arch = "x86_64")]
        // SAFETY: see above.
        return unsafe {
            let r = &(*uc).uc_mcontext.gregs;
            (r[libc::REG_RIP as usize] as usize, r[libc::REG_RSP as usize] as usize)
        };
        #[cfg(target_arch = "aarch64")]
        // SAFETY: see above.
        return unsafe { ((*uc).uc_mcontext.pc as usize, (*uc).uc_mcontext.sp as usize) };
    }

    /// Makes the interrupted thread go on at `pc`.
    ///
    /// # Safety
    /// As for [`pc_sp`].
    pub unsafe fn set_pc(cx: *mut libc::c_void, pc: usize) {
        let uc = cx as *mut libc::ucontext_t;
        #[cfg(target_arch = "x86_64")]
        // SAFETY: see above.
        unsafe {
            (*uc).uc_mcontext.gregs[libc::REG_RIP as usize] = pc as libc::greg_t
        };
        #[cfg(target_arch = "aarch64")]
        // SAFETY: see above.
        unsafe {
            (*uc).uc_mcontext.pc = pc as u64
        };
    }
}

#[cfg(not(all(target_os = "linux", any(target_arch = "x86_64", target_arch = "aarch64"))))]
mod os {
    pub fn gettid() -> u32 {
        0
    }
    pub fn tgkill(_: u32) {}
    pub fn stack() -> (usize, usize) {
        (0, 0)
    }
    pub fn install(_: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void)) -> bool {
        false
    }
    pub fn errno() -> libc::c_int {
        0
    }
    pub fn set_errno(_: libc::c_int) {}
    pub fn trap_offset(_: &[u8]) -> Option<usize> {
        None
    }
    pub unsafe fn direct_call_target(_: usize, _: usize) -> Option<usize> {
        None
    }
    pub unsafe fn pc_sp(_: *mut libc::c_void) -> (usize, usize) {
        (0, 0)
    }
    pub unsafe fn set_pc(_: *mut libc::c_void, _: usize) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trap_site_is_found_where_supported() {
        assert_eq!(prepare(), SUPPORTED);
        assert_eq!(TRAP_PC.load(Ordering::Acquire) != 0, SUPPORTED);
    }

    #[test]
    fn published_code_is_counted_and_withdrawn() {
        let engine = wasmtime::Engine::default();
        let m = Module::new(&engine, "(module (func (export \"f\") nop) (func (export \"g\") nop))").unwrap();
        let (start, end) = ranges(&m).next().unwrap();
        assert!(start < end);
        assert_eq!(in_wasm(start), Some(false));
        publish(std::slice::from_ref(&m));
        publish(std::slice::from_ref(&m));
        assert_eq!(in_wasm(start), Some(true));
        assert_eq!(in_wasm(end - 1), Some(true));
        unpublish(std::slice::from_ref(&m));
        assert_eq!(in_wasm(start), Some(true), "still registered once");
        unpublish(std::slice::from_ref(&m));
        assert_eq!(in_wasm(start), Some(false));
    }

    #[test]
    fn only_returns_from_calls_out_of_wasm_are_patched() {
        // Two bodies; the first calls out (to 0x9000) and to the second.
        let mut text = vec![0x90u8; 64];
        let base = text.as_mut_ptr() as usize;
        let call = |text: &mut Vec<u8>, at: usize, target: usize| {
            text[at] = 0xe8;
            let rel = target as isize - (base + at + 5) as isize;
            text[at + 1..at + 5].copy_from_slice(&(rel as i32).to_le_bytes());
        };
        if cfg!(target_arch = "x86_64") {
            call(&mut text, 4, base.wrapping_add(0x9000));
            call(&mut text, 12, base + 32);
            let code = [(base, base + 32, 1), (base + 32, base + 64, 1)];
            let (out, inside) = (base + 9, base + 17);
            // Five 16-aligned pairs: frame records returning out of wasm,
            // into wasm, a code-like word after data that is no saved
            // frame pointer, another record out of wasm, and the top.
            #[repr(C, align(16))]
            struct Stack([usize; 10]);
            let mut stack = Stack([0; 10]);
            let sp = stack.0.as_mut_ptr() as usize;
            let fp = |pair: usize| sp + 16 * pair;
            stack.0 = [fp(1), out, fp(2), inside, 7, out, fp(4), out, 0, 0];
            // SAFETY: the fake code and stack are live locals.
            unsafe { patch_returns(&code, sp, sp + std::mem::size_of_val(&stack), 0xdead) };
            assert_eq!(stack.0, [fp(1), 0xdead, fp(2), inside, 7, out, fp(4), 0xdead, 0, 0]);
        }
    }
}
