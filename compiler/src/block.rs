//! The BLOCK word set: block buffers over a block file.
//!
//! Block u is the 1024 bytes at offset `u * 1024` of the block file
//! ([`crate::Config::block_file`], `blocks.fb` by default), read and written
//! through the machine's [`crate::file_system::FileSystem`]. A block past
//! the end of the file (or of a file that does not exist yet) reads as
//! spaces; the file is created the first time a block is written. There are
//! [`addr::BLOCK_BUF_COUNT`] buffers in the memory map; when all are
//! assigned, the least recently used one is written (if updated) and
//! reused.
//!
//! `LOAD` interprets a block as one line of 1024 characters with `BLK` set
//! to its number; `\` skips to the end of the 64-character line it is on,
//! and `REFILL` moves to the next block. `LIST` prints `Screen u` and then
//! the 16 lines of 64 characters, each after its number (two digits).
//!
//! Errors: a negative block number (or one whose offset does not fit) is
//! THROW -35 (invalid block number); a file system failure is THROW -33
//! (block read exception) or -34 (block write exception), with the file
//! system's message.

use crate::file_system::{Access, FsError, Handle, IOR_NO_FILE};
use crate::host_words::HostWord;
use crate::input::SourceKind;
use crate::interpreter::Forth;
use crate::machine::with_files;
use crate::machine::{Fault, Machine, MachineExt};
use runtime::addr;

const BLOCK_READ: i32 = -33;
const BLOCK_WRITE: i32 = -34;
const INVALID_BLOCK: i32 = -35;
/// Characters in a line of a block, for `\` and `LIST`.
pub(crate) const LINE: usize = 64;
const SIZE: usize = addr::BLOCK_SIZE as usize;

#[derive(Clone, Copy, Debug, Default)]
struct Buf {
    block: Option<u32>,
    dirty: bool,
    last_use: u64,
}

/// The state of the block buffers.
#[derive(Debug)]
pub(crate) struct Blocks {
    bufs: Vec<Buf>,
    /// The buffer `UPDATE` marks.
    current: Option<usize>,
    clock: u64,
    /// The open block file.
    file: Option<Handle>,
}

impl Default for Blocks {
    fn default() -> Self {
        Blocks { bufs: vec![Buf::default(); addr::BLOCK_BUF_COUNT as usize], current: None, clock: 0, file: None }
    }
}

fn buf_addr(i: usize) -> u32 {
    addr::BLOCK_BUFS + i as u32 * addr::BLOCK_SIZE
}

impl Forth {
    /// Sets the block file (for a system made from an image, whose
    /// configuration did not come from the command line).
    pub fn set_block_file(&mut self, path: &str) {
        self.cfg.block_file = path.to_string();
    }

    /// Runs a word of the BLOCK word set.
    pub(crate) fn run_block(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            Block | Buffer => {
                let u = self.pop_block_number(m)?;
                let i = self.assign(m, u, h == Block)?;
                self.push(m, buf_addr(i) as i32)
            }
            Update => {
                if let Some(i) = self.blocks.current {
                    self.blocks.bufs[i].dirty = true;
                }
                Ok(())
            }
            SaveBuffers => {
                for i in 0..self.blocks.bufs.len() {
                    self.write_back(m, i)?;
                }
                if let Some(f) = self.blocks.file {
                    let res = with_files(m, |fs| fs.flush(f));
                    self.block_result(res, BLOCK_WRITE)?;
                }
                Ok(())
            }
            EmptyBuffers => {
                for b in &mut self.blocks.bufs {
                    *b = Buf::default();
                }
                self.blocks.current = None;
                Ok(())
            }
            Load => {
                let u = self.pop_block_number(m)?;
                let text = self.block_text(m, u)?;
                let name: std::rc::Rc<str> = format!("<block {u}>").into();
                self.push_input(m, SourceKind::Block { blk: u, name }, text, None)?;
                self.interpret_source(m)?;
                self.pop_input(m)
            }
            List => {
                let u = self.pop_block_number(m)?;
                let text = self.block_text(m, u)?;
                m.write_cell(addr::SCR, u as i32)?;
                let mut out = format!("Screen {u}\n");
                for (n, line) in text.chunks(LINE).enumerate() {
                    out.push_str(&format!("{n:2} {}\n", String::from_utf8_lossy(line)));
                }
                self.display(m, out.as_bytes())
            }
            _ => Err(Fault::Host(format!("internal error: {} is not a block word", h.name()))),
        }
    }

    fn pop_block_number(&mut self, m: &mut dyn Machine) -> Result<u32, Fault> {
        let u = self.pop(m)?;
        // Offsets must fit the file system's positions comfortably.
        if !(0..1 << 22).contains(&u) {
            return Err(self.fail(INVALID_BLOCK, format!("{u} is not a valid block number")));
        }
        Ok(u as u32)
    }

    fn block_result<T>(&mut self, res: Result<T, FsError>, code: i32) -> Result<T, Fault> {
        res.map_err(|e| {
            let what = if code == BLOCK_READ { "read" } else { "write" };
            let file = self.cfg.block_file.clone();
            self.fail(code, format!("cannot {what} the block file {file}: {}", e.message))
        })
    }

    /// The buffer assigned to block `u`, assigning one (and reading the
    /// block into it if `read`) when there is none.
    fn assign(&mut self, m: &mut dyn Machine, u: u32, read: bool) -> Result<usize, Fault> {
        self.blocks.clock += 1;
        let clock = self.blocks.clock;
        if let Some(i) = self.blocks.bufs.iter().position(|b| b.block == Some(u)) {
            self.blocks.bufs[i].last_use = clock;
            self.blocks.current = Some(i);
            return Ok(i);
        }
        let i = match self.blocks.bufs.iter().position(|b| b.block.is_none()) {
            Some(i) => i,
            None => {
                let lru = self.blocks.bufs.iter().enumerate().min_by_key(|(_, b)| b.last_use).map(|(i, _)| i);
                lru.unwrap_or(0)
            }
        };
        self.write_back(m, i)?;
        if read {
            let data = self.read_block(m, u)?;
            m.write(buf_addr(i), &data)?;
        }
        self.blocks.bufs[i] = Buf { block: Some(u), dirty: false, last_use: clock };
        self.blocks.current = Some(i);
        Ok(i)
    }

    /// Block `u`'s bytes, from its buffer if it has one.
    fn block_text(&mut self, m: &mut dyn Machine, u: u32) -> Result<Vec<u8>, Fault> {
        let i = self.assign(m, u, true)?;
        m.read_vec(buf_addr(i), addr::BLOCK_SIZE)
    }

    /// Opens the block file if it exists (or, with `create`, creating it).
    fn block_file(&mut self, m: &mut dyn Machine, create: bool) -> Result<Option<Handle>, FsError> {
        if let Some(f) = self.blocks.file {
            return Ok(Some(f));
        }
        let path = self.cfg.block_file.clone();
        let opened = with_files(m, |fs| match fs.open(&path, Access::ReadWrite, false) {
            Err(e) if e.ior == IOR_NO_FILE && create => fs.open(&path, Access::ReadWrite, true).map(Some),
            Err(e) if e.ior == IOR_NO_FILE => Ok(None),
            other => other.map(Some),
        })?;
        self.blocks.file = opened;
        Ok(opened)
    }

    fn read_block(&mut self, m: &mut dyn Machine, u: u32) -> Result<Vec<u8>, Fault> {
        let res = self.block_file(m, false).and_then(|file| {
            let mut data = vec![b' '; SIZE];
            if let Some(f) = file {
                with_files(m, |fs| {
                    fs.seek(f, u64::from(u) * SIZE as u64)?;
                    let mut n = 0;
                    while n < SIZE {
                        match fs.read(f, &mut data[n..])? {
                            0 => break,
                            got => n += got,
                        }
                    }
                    // Past the end of the file, a block reads as spaces.
                    data[n..].fill(b' ');
                    Ok(())
                })?;
            }
            Ok(data)
        });
        self.block_result(res, BLOCK_READ)
    }

    /// Writes buffer `i` to the file if it was updated.
    fn write_back(&mut self, m: &mut dyn Machine, i: usize) -> Result<(), Fault> {
        let b = self.blocks.bufs[i];
        let (Some(u), true) = (b.block, b.dirty) else {
            return Ok(());
        };
        let data = m.read_vec(buf_addr(i), addr::BLOCK_SIZE)?;
        let res = self.block_file(m, true).and_then(|file| {
            let f = file.ok_or_else(|| FsError::io("the block file could not be created"))?;
            with_files(m, |fs| {
                fs.seek(f, u64::from(u) * SIZE as u64)?;
                fs.write(f, &data)
            })
        });
        self.block_result(res, BLOCK_WRITE)?;
        self.blocks.bufs[i].dirty = false;
        Ok(())
    }

    /// `REFILL` of a block source: interpret the next block.
    pub(crate) fn refill_block(&mut self, m: &mut dyn Machine, blk: u32) -> Result<bool, Fault> {
        let next = blk + 1;
        let text = self.block_text(m, next)?;
        if let Some(SourceKind::Block { blk, .. }) = self.inputs.last_mut().map(|t| &mut t.kind) {
            *blk = next;
        }
        self.set_line(m, text)?;
        Ok(true)
    }

    /// Moves a block source to block `blk` (for `RESTORE-INPUT`).
    pub(crate) fn reload_block(&mut self, m: &mut dyn Machine, blk: u32) -> Result<(), Fault> {
        let text = self.block_text(m, blk)?;
        if let Some(SourceKind::Block { blk: b, .. }) = self.inputs.last_mut().map(|t| &mut t.kind) {
            *b = blk;
        }
        self.set_line(m, text)
    }
}
