//! A machine that keeps memory but runs nothing: enough for the compiler to
//! load programs that only define words, so that compile speed can be
//! measured without an engine.

use compiler::{Fault, Host, Machine};
use runtime::CodeField;

/// Memory, stack pointers and output; instantiation only counts modules.
pub struct NullMachine {
    mem: Vec<u8>,
    sp: u32,
    rp: u32,
    fsp: u32,
    /// Modules "instantiated".
    pub modules: usize,
}

impl NullMachine {
    /// A machine with the memory size of `layout`.
    pub fn new(layout: runtime::Layout) -> Self {
        NullMachine {
            mem: vec![0; layout.memory_bytes as usize],
            sp: layout.ds_base(),
            rp: layout.rs_base(),
            fsp: layout.fs_base(),
            modules: 0,
        }
    }
}

impl Machine for NullMachine {
    fn boot(&mut self, _kernel: &[u8]) -> Result<(), Fault> {
        Ok(())
    }
    fn instantiate(&mut self, _module: &[u8]) -> Result<(), Fault> {
        self.modules += 1;
        Ok(())
    }
    fn call(&mut self, xt: u32, _host: &mut dyn Host) -> Result<(), Fault> {
        Err(Fault::Host(format!("the null machine cannot run xt {xt}")))
    }
    fn set_code_field(&mut self, _xt: u32, _cf: CodeField) -> Result<(), Fault> {
        Ok(())
    }
    fn set_host_entry(&mut self, _xt: u32) -> Result<(), Fault> {
        Ok(())
    }
    fn read(&mut self, addr: u32, buf: &mut [u8]) -> Result<(), Fault> {
        let a = addr as usize;
        let src = self.mem.get(a..a + buf.len()).ok_or(Fault::Throw(-9))?;
        buf.copy_from_slice(src);
        Ok(())
    }
    fn write(&mut self, addr: u32, data: &[u8]) -> Result<(), Fault> {
        let a = addr as usize;
        let dst = self.mem.get_mut(a..a + data.len()).ok_or(Fault::Throw(-9))?;
        dst.copy_from_slice(data);
        Ok(())
    }
    fn sp(&mut self) -> u32 {
        self.sp
    }
    fn set_sp(&mut self, sp: u32) {
        self.sp = sp;
    }
    fn rp(&mut self) -> u32 {
        self.rp
    }
    fn set_rp(&mut self, rp: u32) {
        self.rp = rp;
    }
    fn fsp(&mut self) -> u32 {
        self.fsp
    }
    fn set_fsp(&mut self, fsp: u32) {
        self.fsp = fsp;
    }
    fn output(&mut self, _bytes: &[u8]) {}
    fn key(&mut self) -> Option<u8> {
        None
    }
    fn read_line(&mut self) -> Option<Vec<u8>> {
        None
    }
    fn files(&mut self, _f: &mut dyn FnMut(&mut dyn compiler::file_system::FileSystem)) {
        // The null machine has no file system.
    }
    fn wall_clock_ms(&mut self) -> f64 {
        0.0
    }
    fn now_ms(&mut self) -> f64 {
        0.0
    }
}
