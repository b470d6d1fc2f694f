//! The machine trait: the only way the compiler touches the running program.
//!
//! A machine owns the wasm instances (the kernel and every batch), their
//! memory, table and globals, and the outside world (console, files, clock).
//! `native-runner` implements it with wasmtime, `web` with the browser's
//! WebAssembly API. The compiler never depends on either.
//!
//! Reentrancy: [`Machine::call`] runs wasm, which may call back into the
//! host through the `forth.host` import. The machine then hands the call to
//! the [`Host`] given to `call`, together with a machine view that is valid
//! during the callback, so host words can run wasm again (`EVALUATE`,
//! `CATCH`).

use runtime::CodeField;

use crate::ir::Xt;

/// A machine-level failure while running code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// A THROW with a non-zero code (from a host word or the throw helper).
    Throw(i32),
    /// A wasm trap, mapped to the THROW code the standard gives it.
    Trap {
        /// The standard THROW code.
        code: i32,
        /// The engine's description.
        what: String,
    },
    /// The time limit ran out.
    Timeout,
    /// `BYE` was executed.
    Bye,
    /// `QUIT` was executed: uncatchable, it leaves every definition and
    /// input source for the interactive loop (gforth's `QUIT`).
    Quit,
    /// The host could not do what was asked (instantiation failed, …).
    Host(String),
}

impl Fault {
    /// The THROW code a `CATCH` sees for this fault, if it is catchable.
    pub fn catch_code(&self) -> Option<i32> {
        match self {
            Fault::Throw(c) | Fault::Trap { code: c, .. } => Some(*c),
            Fault::Timeout | Fault::Bye | Fault::Quit | Fault::Host(_) => None,
        }
    }
}

/// The host side of the `forth.host` import: runs host words.
pub trait Host {
    /// Runs the host word with execution token `xt` on `machine`.
    fn host_word(&mut self, machine: &mut dyn Machine, xt: Xt) -> Result<(), Fault>;
}

/// The running program's machine.
pub trait Machine {
    /// Instantiates the kernel module; must be called once, before anything else.
    fn boot(&mut self, kernel: &[u8]) -> Result<(), Fault>;
    /// Instantiates a batch module against the kernel and host.
    fn instantiate(&mut self, module: &[u8]) -> Result<(), Fault>;
    /// Calls the word at `xt`; host words it reaches are run by `host`.
    fn call(&mut self, xt: Xt, host: &mut dyn Host) -> Result<(), Fault>;
    /// Installs a kernel code field as the table entry of `xt`.
    fn set_code_field(&mut self, xt: Xt, cf: CodeField) -> Result<(), Fault>;
    /// Installs the host import as the table entry of `xt`.
    fn set_host_entry(&mut self, xt: Xt) -> Result<(), Fault>;

    /// Copies bytes out of linear memory.
    fn read(&mut self, addr: u32, buf: &mut [u8]) -> Result<(), Fault>;
    /// Copies bytes into linear memory.
    fn write(&mut self, addr: u32, data: &[u8]) -> Result<(), Fault>;
    /// The data stack pointer.
    fn sp(&mut self) -> u32;
    /// Sets the data stack pointer.
    fn set_sp(&mut self, sp: u32);
    /// The return stack pointer.
    fn rp(&mut self) -> u32;
    /// Sets the return stack pointer.
    fn set_rp(&mut self, rp: u32);
    /// The floating-point stack pointer.
    fn fsp(&mut self) -> u32;
    /// Sets the floating-point stack pointer.
    fn set_fsp(&mut self, fsp: u32);

    /// Writes program output.
    fn output(&mut self, bytes: &[u8]);
    /// Writes to the error stream (gforth's `STDERR`). The default, for
    /// hosts with one stream, writes it as output.
    fn error_output(&mut self, bytes: &[u8]) {
        self.output(bytes);
    }
    /// The value of an environment variable (`GETENV`); the default, for
    /// hosts without an environment (the browser), finds nothing.
    fn env_var(&mut self, _name: &str) -> Option<Vec<u8>> {
        None
    }
    /// Reads one byte of input, or `None` at end of input.
    fn key(&mut self) -> Option<u8>;
    /// Reads one line of input without its line terminator, or `None` at end.
    fn read_line(&mut self) -> Option<Vec<u8>>;
    /// Whether input comes from a terminal, which shows what is typed
    /// itself; `ACCEPT` echoes a line read from anything else, as gforth
    /// does. The default, for hosts without a terminal, is no.
    fn input_is_terminal(&mut self) -> bool {
        false
    }
    /// Calls `f` with the file system of `INCLUDED` and the FILE ACCESS and
    /// BLOCK words (see [`crate::file_system`]); a machine without one does
    /// not call it.
    fn files(&mut self, f: &mut dyn FnMut(&mut dyn crate::file_system::FileSystem));
    /// Milliseconds since some fixed point, for timing words.
    fn now_ms(&mut self) -> f64;
    /// Milliseconds since 1970-01-01 UTC, for `TIME&DATE`.
    fn wall_clock_ms(&mut self) -> f64;
    /// Waits at least `ms` milliseconds (`MS`). The default busy-waits on
    /// [`Machine::now_ms`]; a host that can sleep should, and should end the
    /// wait with [`Fault::Timeout`] when its time limit runs out.
    fn sleep_ms(&mut self, ms: u32) -> Result<(), Fault> {
        let start = self.now_ms();
        while self.now_ms() - start < f64::from(ms) {
            std::hint::spin_loop();
        }
        Ok(())
    }
    /// Whether [`Machine::key`] would return without waiting (`KEY?`). The
    /// default, for hosts whose input is all there from the start, is true.
    fn key_ready(&mut self) -> bool {
        true
    }
}

/// Convenience accessors on any machine.
pub trait MachineExt: Machine {
    /// Reads a cell.
    fn read_cell(&mut self, addr: u32) -> Result<i32, Fault> {
        let mut b = [0u8; 4];
        self.read(addr, &mut b)?;
        Ok(i32::from_le_bytes(b))
    }
    /// Writes a cell.
    fn write_cell(&mut self, addr: u32, v: i32) -> Result<(), Fault> {
        self.write(addr, &v.to_le_bytes())
    }
    /// Reads a byte.
    fn read_byte(&mut self, addr: u32) -> Result<u8, Fault> {
        let mut b = [0u8; 1];
        self.read(addr, &mut b)?;
        Ok(b[0])
    }
    /// Reads `len` bytes.
    fn read_vec(&mut self, addr: u32, len: u32) -> Result<Vec<u8>, Fault> {
        let mut v = vec![0u8; len as usize];
        self.read(addr, &mut v)?;
        Ok(v)
    }
}

impl<M: Machine + ?Sized> MachineExt for M {}

/// Runs `f` on the machine's file system; a machine without one gives an
/// [`crate::file_system::IOR_IO`] error.
pub fn with_files<T>(
    m: &mut dyn Machine,
    f: impl FnOnce(&mut dyn crate::file_system::FileSystem) -> Result<T, crate::file_system::FsError>,
) -> Result<T, crate::file_system::FsError> {
    let mut f = Some(f);
    let mut out = None;
    m.files(&mut |fs| {
        if let Some(f) = f.take() {
            out = Some(f(fs));
        }
    });
    out.unwrap_or_else(|| Err(crate::file_system::FsError::io("this machine has no file system")))
}
