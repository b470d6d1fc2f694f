//! The heap allocator behind `ALLOCATE`, `FREE` and `RESIZE`.
//!
//! The heap is a region of linear memory whose format the `runtime` crate
//! documents (header, check cell, payload, footer; a doubly linked free
//! list; adjacent free blocks always coalesced). Allocation is first fit
//! over the free list, splitting a block when the rest is big enough to be
//! a block of its own. All state lives in linear memory, so it survives
//! `CATCH`, belongs to the running program, and costs the host nothing.
//!
//! Guarantees: an address that is not the payload of a live block (garbage,
//! a block freed twice, an address inside a block) is refused with an
//! error instead of corrupting the heap; sizes that cannot fit (`-1 ALLOCATE`)
//! fail; `resize` keeps the contents up to the smaller size. Every memory
//! access goes through [`Cells`], which reports out-of-range addresses as a
//! fault, so nothing here can crash the host.

use runtime::heap::{CHECK, MAGIC};

use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::machine::{Fault, Machine, MachineExt};
use runtime::throw;

/// Cell access to the memory holding the heap.
pub trait Cells {
    /// Reads the cell at `a`.
    fn get(&mut self, a: u32) -> Result<u32, Fault>;
    /// Writes the cell at `a`.
    fn set(&mut self, a: u32, v: u32) -> Result<(), Fault>;
    /// Copies `len` bytes from `src` to `dst` (the ranges do not overlap).
    fn copy(&mut self, src: u32, dst: u32, len: u32) -> Result<(), Fault>;
}

/// The machine's linear memory as [`Cells`].
pub struct MachineCells<'a>(pub &'a mut dyn Machine);

impl Cells for MachineCells<'_> {
    fn get(&mut self, a: u32) -> Result<u32, Fault> {
        self.0.read_cell(a).map(|v| v as u32)
    }
    fn set(&mut self, a: u32, v: u32) -> Result<(), Fault> {
        self.0.write_cell(a, v as i32)
    }
    fn copy(&mut self, src: u32, dst: u32, len: u32) -> Result<(), Fault> {
        let bytes = self.0.read_vec(src, len)?;
        self.0.write(dst, &bytes)
    }
}

/// Header, check cell and footer.
const OVERHEAD: u32 = 12;
/// The smallest block: overhead plus the two free-list links, rounded to 8.
const MIN_BLOCK: u32 = 24;
const USED: u32 = 1;

/// Why a heap operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeapError {
    /// No free block is big enough.
    NoRoom,
    /// The address is not the payload of a live block.
    NotAllocated,
    /// Reading or writing memory failed.
    Fault(Fault),
}

impl From<Fault> for HeapError {
    fn from(f: Fault) -> Self {
        HeapError::Fault(f)
    }
}

/// A heap occupying `[start, end)` of some memory.
#[derive(Clone, Copy, Debug)]
pub struct Heap {
    start: u32,
    end: u32,
}

impl Heap {
    /// The heap in `[start, end)`; both must be multiples of 8.
    pub fn new(start: u32, end: u32) -> Self {
        debug_assert!(start.is_multiple_of(8) && end.is_multiple_of(8));
        Heap { start, end }
    }

    /// The heap of a layout.
    pub fn of(layout: &runtime::Layout) -> Self {
        Heap::new(layout.heap_start(), layout.heap_end())
    }

    fn head_addr(&self) -> u32 {
        self.start + 4
    }

    fn first_block(&self) -> u32 {
        self.start + 8
    }

    /// Makes the whole heap one free block, unless it is initialized already.
    fn ensure_init(&self, m: &mut dyn Cells) -> Result<(), HeapError> {
        if m.get(self.start)? == MAGIC {
            return Ok(());
        }
        let b = self.first_block();
        let size = self.end - b;
        if size < MIN_BLOCK {
            return Err(HeapError::NoRoom);
        }
        self.write_block(m, b, size, false)?;
        m.set(b + 8, 0)?;
        m.set(b + 12, 0)?;
        m.set(self.head_addr(), b)?;
        m.set(self.start, MAGIC)?;
        Ok(())
    }

    fn write_block(&self, m: &mut dyn Cells, b: u32, size: u32, used: bool) -> Result<(), HeapError> {
        let tag = size | if used { USED } else { 0 };
        m.set(b, tag)?;
        m.set(b + 4, b ^ CHECK)?;
        m.set(b + size - 4, tag)?;
        Ok(())
    }

    fn unlink(&self, m: &mut dyn Cells, b: u32) -> Result<(), HeapError> {
        let (next, prev) = (m.get(b + 8)?, m.get(b + 12)?);
        if prev == 0 {
            m.set(self.head_addr(), next)?;
        } else {
            m.set(prev + 8, next)?;
        }
        if next != 0 {
            m.set(next + 12, prev)?;
        }
        Ok(())
    }

    fn push_free(&self, m: &mut dyn Cells, b: u32, size: u32) -> Result<(), HeapError> {
        self.write_block(m, b, size, false)?;
        let head = m.get(self.head_addr())?;
        m.set(b + 8, head)?;
        m.set(b + 12, 0)?;
        if head != 0 {
            m.set(head + 12, b)?;
        }
        m.set(self.head_addr(), b)?;
        Ok(())
    }

    /// The block size that holds `u` bytes of payload, if any could.
    fn block_size(&self, u: u32) -> Option<u32> {
        let size = u.checked_add(OVERHEAD + 7)? & !7;
        (size <= self.end - self.start).then_some(size.max(MIN_BLOCK))
    }

    /// Whether `b` is a block header written by this allocator, and its size.
    fn block_at(&self, m: &mut dyn Cells, b: u32) -> Result<Option<(u32, bool)>, HeapError> {
        if b < self.first_block() || b >= self.end || !b.is_multiple_of(8) {
            return Ok(None);
        }
        let tag = m.get(b)?;
        let size = tag & !7;
        if m.get(b + 4)? != b ^ CHECK || size < MIN_BLOCK || size > self.end - b || m.get(b + size - 4)? != tag {
            return Ok(None);
        }
        Ok(Some((size, tag & USED != 0)))
    }

    /// The live block whose payload is at `p`, and its size.
    fn live_block(&self, m: &mut dyn Cells, p: u32) -> Result<(u32, u32), HeapError> {
        if m.get(self.start)? != MAGIC {
            return Err(HeapError::NotAllocated);
        }
        let b = p.wrapping_sub(8);
        match self.block_at(m, b)? {
            Some((size, true)) => Ok((b, size)),
            _ => Err(HeapError::NotAllocated),
        }
    }

    /// Marks `size` bytes at free block `b` used, splitting off the rest.
    fn take(&self, m: &mut dyn Cells, b: u32, have: u32, size: u32) -> Result<(), HeapError> {
        self.unlink(m, b)?;
        if have - size >= MIN_BLOCK {
            self.write_block(m, b, size, true)?;
            self.push_free(m, b + size, have - size)?;
        } else {
            self.write_block(m, b, have, true)?;
        }
        Ok(())
    }

    /// `ALLOCATE`: the address of `u` fresh bytes.
    pub fn allocate(&self, m: &mut dyn Cells, u: u32) -> Result<u32, HeapError> {
        self.ensure_init(m)?;
        let size = self.block_size(u).ok_or(HeapError::NoRoom)?;
        let mut b = m.get(self.head_addr())?;
        while b != 0 {
            let have = m.get(b)? & !7;
            if have >= size {
                self.take(m, b, have, size)?;
                return Ok(b + 8);
            }
            b = m.get(b + 8)?;
        }
        Err(HeapError::NoRoom)
    }

    /// `FREE`: gives the block at payload `p` back, merging it with free
    /// neighbours.
    /// Freeing address 0 does nothing, as in C and gforth.
    pub fn free(&self, m: &mut dyn Cells, p: u32) -> Result<(), HeapError> {
        if p == 0 {
            return Ok(());
        }
        let (mut b, mut size) = self.live_block(m, p)?;
        let next = b + size;
        if next < self.end {
            if let Some((nsize, false)) = self.block_at(m, next)? {
                self.unlink(m, next)?;
                size += nsize;
            }
        }
        if b > self.first_block() {
            let prev_size = m.get(b - 4)? & !7;
            if let Some(prev) = b.checked_sub(prev_size) {
                if let Some((psize, false)) = self.block_at(m, prev)? {
                    if psize == prev_size {
                        self.unlink(m, prev)?;
                        b = prev;
                        size += psize;
                    }
                }
            }
        }
        self.push_free(m, b, size)
    }

    /// `RESIZE`: the block at `p` holding `u` bytes, moved if it must grow
    /// and cannot in place. On failure the block is unchanged.
    /// Resizing address 0 allocates, as in C and gforth.
    pub fn resize(&self, m: &mut dyn Cells, p: u32, u: u32) -> Result<u32, HeapError> {
        if p == 0 {
            return self.allocate(m, u);
        }
        let (b, have) = self.live_block(m, p)?;
        let size = self.block_size(u).ok_or(HeapError::NoRoom)?;
        if size <= have {
            if have - size >= MIN_BLOCK {
                self.write_block(m, b, size, true)?;
                // The tail goes back through `free`, so that it merges with
                // a free block after it.
                self.write_block(m, b + size, have - size, true)?;
                self.free(m, b + size + 8)?;
            }
            return Ok(p);
        }
        let next = b + have;
        if next < self.end {
            if let Some((nsize, false)) = self.block_at(m, next)? {
                if have + nsize >= size {
                    self.unlink(m, next)?;
                    // Treat the pair as one free block and take what is needed.
                    let total = have + nsize;
                    if total - size >= MIN_BLOCK {
                        self.write_block(m, b, size, true)?;
                        self.push_free(m, b + size, total - size)?;
                    } else {
                        self.write_block(m, b, total, true)?;
                    }
                    return Ok(p);
                }
            }
        }
        let q = self.allocate(m, u)?;
        m.copy(p, q, have - OVERHEAD)?;
        self.free(m, p)?;
        Ok(q)
    }
}

impl Forth {
    /// `ALLOCATE`, `FREE` and `RESIZE`: failures are iors on the stack, as
    /// the standard says; only a memory fault throws.
    pub(crate) fn heap_word(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        let heap = Heap::of(&self.cfg.layout);
        let (res, ior, keep) = match h {
            HostWord::Allocate => {
                let u = self.pop(m)? as u32;
                (heap.allocate(&mut MachineCells(m), u), throw::ALLOCATE, 0)
            }
            HostWord::Free => {
                let a = self.pop(m)? as u32;
                return match heap.free(&mut MachineCells(m), a) {
                    Ok(()) => self.push(m, 0),
                    Err(HeapError::Fault(f)) => Err(f),
                    Err(_) => self.push(m, throw::FREE),
                };
            }
            _ => {
                let u = self.pop(m)? as u32;
                let a = self.pop(m)? as u32;
                (heap.resize(&mut MachineCells(m), a, u), throw::RESIZE, a)
            }
        };
        match res {
            Ok(a) => {
                self.push(m, a as i32)?;
                self.push(m, 0)
            }
            Err(HeapError::Fault(f)) => Err(f),
            Err(_) => {
                self.push(m, keep as i32)?;
                self.push(m, ior)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Test memory: a byte vector; out-of-range access is a fault.
    struct Mem(Vec<u8>);

    impl Cells for Mem {
        fn get(&mut self, a: u32) -> Result<u32, Fault> {
            let a = a as usize;
            let b = self.0.get(a..a + 4).ok_or(Fault::Throw(-9))?;
            Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        }
        fn set(&mut self, a: u32, v: u32) -> Result<(), Fault> {
            let a = a as usize;
            self.0.get_mut(a..a + 4).ok_or(Fault::Throw(-9))?.copy_from_slice(&v.to_le_bytes());
            Ok(())
        }
        fn copy(&mut self, src: u32, dst: u32, len: u32) -> Result<(), Fault> {
            let (s, d, n) = (src as usize, dst as usize, len as usize);
            self.0.copy_within(s..s + n, d);
            Ok(())
        }
    }

    fn setup() -> (Heap, Mem) {
        (Heap::new(64, 4096), Mem(vec![0; 4096]))
    }

    /// Free bytes, counted by walking every block from the start.
    fn free_bytes(h: &Heap, m: &mut Mem) -> u32 {
        let mut b = h.first_block();
        let mut free = 0;
        while b < h.end {
            let (size, used) = h.block_at(m, b).unwrap().expect("a valid block");
            if !used {
                free += size;
            }
            b += size;
        }
        free
    }

    #[test]
    fn allocate_free_and_coalesce_back_to_one_block() {
        let (h, mut m) = setup();
        let a = h.allocate(&mut m, 10).unwrap();
        let b = h.allocate(&mut m, 100).unwrap();
        let c = h.allocate(&mut m, 7).unwrap();
        assert_eq!(a % 8, 0);
        assert!(a < b && b < c);
        h.free(&mut m, b).unwrap();
        h.free(&mut m, a).unwrap();
        h.free(&mut m, c).unwrap();
        let whole = h.end - h.first_block();
        assert_eq!(free_bytes(&h, &mut m), whole);
        // One block again: the largest possible allocation succeeds.
        let big = h.allocate(&mut m, whole - OVERHEAD).unwrap();
        assert_eq!(big, h.first_block() + 8);
    }

    #[test]
    fn impossible_sizes_fail() {
        let (h, mut m) = setup();
        assert_eq!(h.allocate(&mut m, u32::MAX), Err(HeapError::NoRoom));
        assert_eq!(h.allocate(&mut m, 5000), Err(HeapError::NoRoom));
    }

    #[test]
    fn garbage_and_double_free_are_refused() {
        let (h, mut m) = setup();
        assert_eq!(h.free(&mut m, 1234), Err(HeapError::NotAllocated));
        assert_eq!(h.free(&mut m, 0), Ok(()));
        assert!(h.resize(&mut m, 0, 16).unwrap() > 0);
        let a = h.allocate(&mut m, 16).unwrap();
        assert_eq!(h.free(&mut m, a + 4), Err(HeapError::NotAllocated));
        assert_eq!(h.free(&mut m, u32::MAX), Err(HeapError::NotAllocated));
        h.free(&mut m, a).unwrap();
        assert_eq!(h.free(&mut m, a), Err(HeapError::NotAllocated));
    }

    #[test]
    fn resize_keeps_contents_in_place_and_when_moving() {
        let (h, mut m) = setup();
        let a = h.allocate(&mut m, 8).unwrap();
        m.set(a, 0x1122_3344).unwrap();
        m.set(a + 4, 0x5566_7788).unwrap();
        // Grows in place into the free space after it.
        let a2 = h.resize(&mut m, a, 200).unwrap();
        assert_eq!(a2, a);
        // Something after it forces the next growth to move.
        let b = h.allocate(&mut m, 8).unwrap();
        let a3 = h.resize(&mut m, a2, 1000).unwrap();
        assert_ne!(a3, a2);
        assert_eq!(m.get(a3).unwrap(), 0x1122_3344);
        assert_eq!(m.get(a3 + 4).unwrap(), 0x5566_7788);
        // Shrinking keeps the address.
        assert_eq!(h.resize(&mut m, a3, 4).unwrap(), a3);
        assert_eq!(m.get(a3).unwrap(), 0x1122_3344);
        // A failed resize leaves the block alone.
        assert_eq!(h.resize(&mut m, a3, 100_000), Err(HeapError::NoRoom));
        assert_eq!(m.get(a3).unwrap(), 0x1122_3344);
        h.free(&mut m, b).unwrap();
        h.free(&mut m, a3).unwrap();
        assert_eq!(free_bytes(&h, &mut m), h.end - h.first_block());
    }

    #[test]
    fn many_random_operations_keep_the_heap_consistent() {
        let (h, mut m) = setup();
        let mut live: Vec<u32> = Vec::new();
        let mut seed = 12345u32;
        for _ in 0..2000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let r = seed >> 16;
            if !r.is_multiple_of(3) || live.is_empty() {
                if let Ok(p) = h.allocate(&mut m, r % 200) {
                    live.push(p);
                }
            } else {
                let p = live.swap_remove((r as usize) % live.len());
                if r.is_multiple_of(2) {
                    h.free(&mut m, p).unwrap();
                } else if let Ok(q) = h.resize(&mut m, p, r % 300) {
                    live.push(q);
                } else {
                    live.push(p);
                }
            }
            free_bytes(&h, &mut m);
        }
        for p in live {
            h.free(&mut m, p).unwrap();
        }
        assert_eq!(free_bytes(&h, &mut m), h.end - h.first_block());
    }
}
