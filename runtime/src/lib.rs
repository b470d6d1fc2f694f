//! The ABI shared by generated modules and the hosts that run them.
//!
//! Everything a generated module and a host must agree on lives here, and
//! only here: the memory map, the names of imports and exports, the one
//! function type that every execution token has, and the THROW codes that
//! traps map to. `compiler` emits modules against these definitions;
//! `native-runner` and `web` implement the host side against the same ones.
//!
//! # Execution model
//!
//! The machine is one linear memory, one funcref table and three mutable
//! globals (`sp`, `rp`, `fsp`). An execution token (xt) is an index into the table. Every table
//! entry has the type [`WORD_TYPE`]: it takes its own xt as its only
//! parameter (so that shared code fields such as [`exports::DOVAR`] can find
//! their data) and returns nothing; stack items travel through memory.
//!
//! # Memory map
//!
//! Addresses are byte addresses; cells are 32-bit little-endian. The low part
//! of memory has a fixed layout; the stacks sit at the top, so that popping
//! far past the bottom of the data stack runs off the end of memory and traps.
//!
//! ```text
//! 0x0000_0000 +-------------------------------+
//!             | zero page (never written)     |
//! 0x0000_0100 +-------------------------------+
//!             | system variables (64 cells)   |  STATE BASE >IN HERE ...
//! 0x0000_0200 +-------------------------------+
//!             | pictured numeric output       |  HLD grows down from 0x400
//! 0x0000_0400 +-------------------------------+
//!             | WORD buffer (counted string)  |
//! 0x0000_0500 +-------------------------------+
//!             | PAD (512 bytes)               |
//! 0x0000_0700 +-------------------------------+
//!             | interpreted S" buffers (2)    |
//! 0x0000_1000 +-------------------------------+
//!             | source lines (nested inputs)  |  SOURCE of files and lines
//! 0x0001_1000 +-------------------------------+
//!             | xt info: body, does (8 B/xt)  |  >BODY and DOES> code
//! 0x0021_1000 +-------------------------------+
//!             | names for NAME>STRING (64 KiB)|
//! 0x0022_1000 +-------------------------------+
//!             | block buffers (8 x 1 KiB)     |  BLOCK BUFFER
//! 0x0022_3000 +-------------------------------+
//!             | data space, grows up  ->      |  HERE
//!             |             ...               |
//!             +-------------------------------+  Layout::heap_start
//!             | heap: ALLOCATE, FREE, RESIZE  |  a quarter of the space
//!             +-------------------------------+  Layout::heap_end
//!             | guard                         |
//!             | <- float stack, grows down    |  global `fsp` (8-byte items)
//!             | guard                         |
//!             | <- return stack, grows down   |  global `rp`
//!             | guard                         |
//!             | <- data stack, grows down     |  global `sp`
//!             | guard                         |
//! memory end  +-------------------------------+
//! ```
//!
//! The upper part depends on the memory size and stack sizes, so it is
//! computed by [`Layout::new`].
//!
//! # The heap
//!
//! `ALLOCATE`, `FREE` and `RESIZE` manage the heap, the upper quarter of the
//! space between [`addr::DATA_START`] and the float stack's guard; data space
//! (`HERE`) ends where it begins. Its first cell holds [`heap::MAGIC`] once
//! the heap is initialized (lazily, by the first `ALLOCATE`), its second the
//! head of the free list. Blocks follow, 8-byte aligned: a header cell
//! (size in bytes, bit 0 set when in use), a check cell (the block's address
//! xor [`heap::CHECK`], so that `FREE` of an address that was never
//! allocated is detected), the payload, and a footer cell equal to the
//! header. A free block keeps the next and previous free blocks in its first
//! two payload cells. Adjacent free blocks are always coalesced.

#![deny(missing_docs)]

/// Size of a cell in bytes.
pub const CELL: u32 = 4;
/// Size of a wasm page in bytes.
pub const PAGE: u32 = 65536;

/// The one function type of every table entry: `(param i32 xt)`, no results.
pub const WORD_TYPE: (&[u8], &[u8]) = (&[0x7f], &[]);

/// Fixed addresses of the low part of memory.
pub mod addr {
    /// First byte that is not part of the zero page.
    pub const SYSVARS: u32 = 0x100;
    /// `STATE`: non-zero while compiling.
    pub const STATE: u32 = SYSVARS;
    /// `BASE`: the radix for number conversion.
    pub const BASE: u32 = SYSVARS + 4;
    /// `>IN`: offset of the parse area in the current input buffer.
    pub const TO_IN: u32 = SYSVARS + 8;
    /// `HERE`: the data-space pointer.
    pub const DP: u32 = SYSVARS + 12;
    /// Address of the current input buffer (`SOURCE`).
    pub const SOURCE_ADDR: u32 = SYSVARS + 16;
    /// Length of the current input buffer (`SOURCE`).
    pub const SOURCE_LEN: u32 = SYSVARS + 20;
    /// `SOURCE-ID`: 0 for user input, -1 for `EVALUATE`, else a file id.
    pub const SOURCE_ID: u32 = SYSVARS + 24;
    /// `HLD`: the pictured numeric output pointer.
    pub const HLD: u32 = SYSVARS + 28;
    /// Length of the last string `ABORT"` raised, for the host to report.
    pub const ABORT_MSG_LEN: u32 = SYSVARS + 32;
    /// Address of the last string `ABORT"` raised.
    pub const ABORT_MSG_ADDR: u32 = SYSVARS + 36;
    /// Lowest address the data stack may grow to; compiled code checks it.
    pub const DS_LIMIT: u32 = SYSVARS + 40;
    /// Lowest address the return stack may grow to; `>R` checks it.
    pub const RS_LIMIT: u32 = SYSVARS + 44;
    /// End of the pictured numeric output buffer; `<#` sets `HLD` here.
    pub const HOLD_END: u32 = 0x400;
    /// Start of the pictured numeric output buffer.
    pub const HOLD_START: u32 = 0x200;
    /// The counted-string buffer of `WORD`.
    pub const WORD_BUF: u32 = 0x400;
    /// Size of the `WORD` buffer.
    pub const WORD_BUF_LEN: u32 = 0x100;
    /// `PAD`.
    pub const PAD: u32 = 0x500;
    /// Size of `PAD`.
    pub const PAD_LEN: u32 = 0x200;
    /// The buffers that interpreted `S"` and `S\"` strings are copied to.
    pub const SQUOTE_BUF: u32 = 0x700;
    /// Size of one interpreted-string buffer; there are two of them.
    pub const SQUOTE_BUF_LEN: u32 = 0x480;
    /// Start of the region that holds the lines of nested input sources.
    pub const SOURCE_BUF: u32 = 0x1000;
    /// Size of the source-line region: the longest line plus everything nested.
    pub const SOURCE_BUF_LEN: u32 = 0x10000;
    /// Start of the xt info array: for each xt, its body address and its
    /// `DOES>` xt, 8 bytes per xt.
    pub const XT_INFO: u32 = SOURCE_BUF + SOURCE_BUF_LEN;
    /// Number of execution tokens the table and xt info array hold.
    pub const MAX_XTS: u32 = 1 << 18;
    /// Start of the names region: `NAME>STRING` copies a word's name here
    /// the first time it is asked for, and the copy stays valid.
    pub const NAMES: u32 = XT_INFO + MAX_XTS * 8;
    /// Size of the names region.
    pub const NAMES_LEN: u32 = 0x10000;
    /// Size of one block buffer (`BLOCK`, `BUFFER`).
    pub const BLOCK_SIZE: u32 = 1024;
    /// Number of block buffers.
    pub const BLOCK_BUF_COUNT: u32 = 8;
    /// Start of the block buffers, one after another.
    pub const BLOCK_BUFS: u32 = NAMES + NAMES_LEN;
    /// First address of data space.
    pub const DATA_START: u32 = BLOCK_BUFS + BLOCK_BUF_COUNT * BLOCK_SIZE;
    /// `BLK`: the number of the block being interpreted, or 0.
    pub const BLK: u32 = SYSVARS + 0xF0;
    /// `SCR`: the number of the block `LIST` showed last.
    pub const SCR: u32 = SYSVARS + 0xF4;

    // The fixed regions follow one another without overlapping.
    const _: () = assert!(RS_LIMIT + 4 <= SYSVARS + 0x100 && SYSVARS + 0x100 <= HOLD_START);
    const _: () = assert!(RS_LIMIT + 4 <= BLK && SCR + 4 <= SYSVARS + 0x100);
    const _: () = assert!(HOLD_END <= WORD_BUF && WORD_BUF + WORD_BUF_LEN <= PAD);
    const _: () = assert!(PAD + PAD_LEN <= SQUOTE_BUF && SQUOTE_BUF + 2 * SQUOTE_BUF_LEN <= SOURCE_BUF);
}

/// Names of imports and exports; both hosts and the emitter use these strings.
pub mod exports {
    /// Module name under which the kernel's exports are imported by batches.
    pub const KERNEL_MODULE: &str = "kernel";
    /// The linear memory.
    pub const MEMORY: &str = "memory";
    /// The funcref table that execution tokens index.
    pub const TABLE: &str = "table";
    /// The data stack pointer global (address of the top item).
    pub const SP: &str = "sp";
    /// The return stack pointer global (address of the top item).
    pub const RP: &str = "rp";
    /// The floating-point stack pointer global (address of the top item,
    /// an IEEE 754 binary64 value).
    pub const FSP: &str = "fsp";
    /// Code field of `CREATE` and `VARIABLE` words: pushes the body address.
    pub const DOVAR: &str = "dovar";
    /// Code field of `CONSTANT` words: pushes the cell in the body.
    pub const DOCON: &str = "docon";
    /// Code field of `DEFER` words: executes the xt in the body.
    pub const DODEFER: &str = "dodefer";
    /// Code field of words built by `DOES>`: pushes the body address, then
    /// executes the xt recorded as the word's `DOES>` code.
    pub const DODOES: &str = "dodoes";
}

/// Names of the services a host provides to generated code.
pub mod imports {
    /// Module name of host imports.
    pub const HOST_MODULE: &str = "forth";
    /// `host(xt)`: run the host-implemented word whose xt is given.
    ///
    /// Arguments and results travel on the data stack. A host word that
    /// throws makes the call trap; the host records the THROW code.
    pub const HOST_WORD: &str = "host";
}

/// The code fields a host can install for an xt, naming kernel exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeField {
    /// Pushes the body address ([`exports::DOVAR`]).
    Var,
    /// Pushes the cell at the body address ([`exports::DOCON`]).
    Con,
    /// Executes the xt stored at the body address ([`exports::DODEFER`]).
    Defer,
    /// Pushes the body address, then executes the `DOES>` xt ([`exports::DODOES`]).
    Does,
}

impl CodeField {
    /// Every code field, in a fixed order.
    pub const ALL: [CodeField; 4] = [CodeField::Var, CodeField::Con, CodeField::Defer, CodeField::Does];

    /// The kernel export that implements this code field.
    pub fn export_name(self) -> &'static str {
        match self {
            CodeField::Var => exports::DOVAR,
            CodeField::Con => exports::DOCON,
            CodeField::Defer => exports::DODEFER,
            CodeField::Does => exports::DODOES,
        }
    }
}

/// The sizes that determine the upper part of the memory map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Total linear memory, in bytes (a multiple of [`PAGE`]).
    pub memory_bytes: u32,
    /// Data stack capacity, in cells.
    pub data_stack_cells: u32,
    /// Return stack capacity, in cells.
    pub return_stack_cells: u32,
    /// Floating-point stack capacity, in floats ([`FLOAT`] bytes each).
    pub float_stack_floats: u32,
}

/// Size of a floating-point stack item and of a `FLOAT` in memory, in bytes.
pub const FLOAT: u32 = 8;

/// Default capacity of the floating-point stack, in floats.
pub const DEFAULT_FLOAT_STACK: u32 = 1024;

/// Size of each guard zone above a stack, in bytes.
pub const GUARD: u32 = 4096;

impl Default for Layout {
    fn default() -> Self {
        Layout {
            memory_bytes: 16 * 1024 * 1024,
            data_stack_cells: 16384,
            return_stack_cells: 16384,
            float_stack_floats: DEFAULT_FLOAT_STACK,
        }
    }
}

impl Layout {
    /// A layout with the given memory size and stack capacities, and the
    /// default floating-point stack.
    pub fn new(memory_bytes: u32, data_stack_cells: u32, return_stack_cells: u32) -> Self {
        Layout { memory_bytes, data_stack_cells, return_stack_cells, float_stack_floats: DEFAULT_FLOAT_STACK }
    }

    /// The same layout with a floating-point stack of `floats` items.
    pub fn with_float_stack(self, floats: u32) -> Self {
        Layout { float_stack_floats: floats, ..self }
    }

    /// Number of wasm pages.
    pub fn pages(&self) -> u32 {
        self.memory_bytes.div_ceil(PAGE)
    }

    /// Value of `sp` when the data stack is empty.
    pub fn ds_base(&self) -> u32 {
        self.memory_bytes - GUARD
    }

    /// Lowest address the data stack may occupy.
    pub fn ds_limit(&self) -> u32 {
        self.ds_base() - self.data_stack_cells * CELL
    }

    /// Value of `rp` when the return stack is empty.
    pub fn rs_base(&self) -> u32 {
        self.ds_limit() - GUARD
    }

    /// Lowest address the return stack may occupy.
    pub fn rs_limit(&self) -> u32 {
        self.rs_base() - self.return_stack_cells * CELL
    }

    /// Value of `fsp` when the floating-point stack is empty.
    pub fn fs_base(&self) -> u32 {
        self.rs_limit() - GUARD
    }

    /// Lowest address the floating-point stack may occupy.
    pub fn fs_limit(&self) -> u32 {
        self.fs_base() - self.float_stack_floats * FLOAT
    }

    /// First address past the end of the heap.
    pub fn heap_end(&self) -> u32 {
        (self.fs_limit() - GUARD) & !7
    }

    /// First address of the heap: a quarter of the space above
    /// [`addr::DATA_START`] is heap, the rest data space.
    pub fn heap_start(&self) -> u32 {
        let end = self.heap_end();
        (end - end.saturating_sub(addr::DATA_START) / 4) & !7
    }

    /// First address past the end of data space: where the heap begins.
    pub fn data_end(&self) -> u32 {
        self.heap_start()
    }

    /// The least memory, in bytes, that holds this layout's stacks, their
    /// guard zones and a minimal data space.
    pub fn min_memory_bytes(&self) -> u64 {
        let stacks = (u64::from(self.data_stack_cells) + u64::from(self.return_stack_cells)) * u64::from(CELL)
            + u64::from(self.float_stack_floats) * u64::from(FLOAT)
            + 4 * u64::from(GUARD);
        u64::from(addr::DATA_START) + stacks + 64 * 1024
    }

    /// Checks that the stacks and a minimal data space fit in memory.
    pub fn validate(&self) -> Result<(), String> {
        let need = self.min_memory_bytes();
        if !self.memory_bytes.is_multiple_of(PAGE) {
            return Err(format!("memory size {} is not a multiple of 64 KiB", self.memory_bytes));
        }
        if u64::from(self.memory_bytes) < need {
            return Err(format!(
                "memory size {} bytes is too small: the layout needs at least {need}",
                self.memory_bytes
            ));
        }
        Ok(())
    }
}

/// Constants of the heap's format (see the crate doc).
pub mod heap {
    /// The first cell of an initialized heap.
    pub const MAGIC: u32 = 0x5041_4548;
    /// Xored with a block's address to make its check cell.
    pub const CHECK: u32 = 0xA110_CA7E;
}

/// Standard THROW codes that hosts and the compiler raise.
pub mod throw {
    /// `ABORT`.
    pub const ABORT: i32 = -1;
    /// `ABORT"`.
    pub const ABORT_QUOTE: i32 = -2;
    /// Stack overflow.
    pub const STACK_OVERFLOW: i32 = -3;
    /// Stack underflow.
    pub const STACK_UNDERFLOW: i32 = -4;
    /// Return stack overflow.
    pub const RSTACK_OVERFLOW: i32 = -5;
    /// Return stack underflow.
    pub const RSTACK_UNDERFLOW: i32 = -6;
    /// Dictionary overflow.
    pub const DICTIONARY_OVERFLOW: i32 = -8;
    /// Invalid memory address.
    pub const INVALID_ADDRESS: i32 = -9;
    /// Division by zero.
    pub const DIVISION_BY_ZERO: i32 = -10;
    /// Result out of range.
    pub const OUT_OF_RANGE: i32 = -11;
    /// Undefined word.
    pub const UNDEFINED_WORD: i32 = -13;
    /// Interpreting a compile-only word.
    pub const COMPILE_ONLY: i32 = -14;
    /// Attempt to use a zero-length string as a name.
    pub const ZERO_LENGTH_NAME: i32 = -16;
    /// Pictured numeric output string overflow.
    pub const PICTURED_OVERFLOW: i32 = -17;
    /// Parsed string overflow.
    pub const PARSED_OVERFLOW: i32 = -18;
    /// Definition name too long.
    pub const NAME_TOO_LONG: i32 = -19;
    /// Unsupported operation.
    pub const UNSUPPORTED: i32 = -21;
    /// Control structure mismatch.
    pub const CONTROL_MISMATCH: i32 = -22;
    /// Invalid numeric argument.
    pub const INVALID_NUMERIC: i32 = -24;
    /// Return stack imbalance.
    pub const RSTACK_IMBALANCE: i32 = -25;
    /// Loop parameters unavailable.
    pub const LOOP_PARAMS: i32 = -26;
    /// Invalid recursion.
    pub const INVALID_RECURSION: i32 = -27;
    /// User interrupt.
    pub const USER_INTERRUPT: i32 = -28;
    /// Compiler nesting.
    pub const COMPILER_NESTING: i32 = -29;
    /// `>BODY` used on a non-`CREATE`d definition.
    pub const BODY_OF_NON_CREATE: i32 = -31;
    /// Invalid name argument (for example `TO` of a non-VALUE).
    pub const INVALID_NAME: i32 = -32;
    /// Unexpected end of file (an unterminated string or comment).
    pub const UNEXPECTED_EOF: i32 = -39;
    /// Invalid BASE for floating-point conversion.
    pub const FLOAT_BASE: i32 = -40;
    /// Floating-point stack overflow.
    pub const FSTACK_OVERFLOW: i32 = -44;
    /// Floating-point stack underflow.
    pub const FSTACK_UNDERFLOW: i32 = -45;
    /// Invalid POSTPONE.
    pub const INVALID_POSTPONE: i32 = -48;
    /// `ALLOCATE` failed.
    pub const ALLOCATE: i32 = -59;
    /// `FREE` failed.
    pub const FREE: i32 = -60;
    /// `RESIZE` failed.
    pub const RESIZE: i32 = -61;
    /// Malformed xchar (an invalid UTF-8 sequence).
    pub const MALFORMED_XCHAR: i32 = -77;
    /// `SUBSTITUTE` failed (the result does not fit).
    pub const SUBSTITUTE: i32 = -78;

    /// The standard's description of a THROW code, if it has one.
    pub fn message(code: i32) -> Option<&'static str> {
        Some(match code {
            -1 => "aborted",
            -2 => "aborted",
            -3 => "stack overflow",
            -4 => "stack underflow",
            -5 => "return stack overflow",
            -6 => "return stack underflow",
            -7 => "do-loops nested too deeply during execution",
            -8 => "dictionary overflow",
            -9 => "invalid memory address",
            -10 => "division by zero",
            -11 => "result out of range",
            -12 => "argument type mismatch",
            -13 => "undefined word",
            -14 => "interpreting a compile-only word",
            -15 => "invalid FORGET",
            -16 => "attempt to use zero-length string as a name",
            -17 => "pictured numeric output string overflow",
            -18 => "parsed string overflow",
            -19 => "definition name too long",
            -20 => "write to a read-only location",
            -21 => "unsupported operation",
            -22 => "control structure mismatch",
            -23 => "address alignment exception",
            -24 => "invalid numeric argument",
            -25 => "return stack imbalance",
            -26 => "loop parameters unavailable",
            -27 => "invalid recursion",
            -28 => "user interrupt",
            -29 => "compiler nesting",
            -30 => "obsolescent feature",
            -31 => ">BODY used on non-CREATEd definition",
            -32 => "invalid name argument",
            -33 => "block read exception",
            -34 => "block write exception",
            -35 => "invalid block number",
            -36 => "invalid file position",
            -37 => "file I/O exception",
            -38 => "non-existent file",
            -39 => "unexpected end of file",
            -40 => "invalid BASE for floating point conversion",
            -41 => "loss of precision",
            -42 => "floating-point divide by zero",
            -43 => "floating-point result out of range",
            -44 => "floating-point stack overflow",
            -45 => "floating-point stack underflow",
            -46 => "floating-point invalid argument",
            -47 => "compilation word list deleted",
            -48 => "invalid POSTPONE",
            -49 => "search-order overflow",
            -50 => "search-order underflow",
            -51 => "compilation word list changed",
            -52 => "control-flow stack overflow",
            -53 => "exception stack overflow",
            -54 => "floating-point underflow",
            -55 => "floating-point unidentified fault",
            -56 => "QUIT",
            -57 => "exception in sending or receiving a character",
            -58 => "[IF], [ELSE], or [THEN] exception",
            -59 => "ALLOCATE",
            -60 => "FREE",
            -61 => "RESIZE",
            -62 => "CLOSE-FILE",
            -63 => "CREATE-FILE",
            -64 => "DELETE-FILE",
            -65 => "FILE-POSITION",
            -66 => "FILE-SIZE",
            -67 => "FILE-STATUS",
            -68 => "FLUSH-FILE",
            -69 => "OPEN-FILE",
            -70 => "READ-FILE",
            -71 => "READ-LINE",
            -72 => "RENAME-FILE",
            -73 => "REPOSITION-FILE",
            -74 => "RESIZE-FILE",
            -75 => "WRITE-FILE",
            -76 => "WRITE-LINE",
            -77 => "malformed xchar",
            -78 => "SUBSTITUTE",
            -79 => "REPLACES",
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_layout_is_valid_and_ordered() {
        let l = Layout::default();
        l.validate().unwrap();
        assert!(addr::DATA_START < l.data_end());
        assert!(l.data_end() == l.heap_start() && l.heap_start() < l.heap_end());
        assert!(l.heap_end() < l.fs_limit());
        assert_eq!(l.heap_start() % 8, 0);
        assert!(l.fs_limit() < l.fs_base());
        assert!(l.fs_base() < l.rs_limit());
        assert!(l.rs_limit() < l.rs_base());
        assert!(l.rs_base() < l.ds_limit());
        assert!(l.ds_limit() < l.ds_base());
        assert!(l.ds_base() < l.memory_bytes);
    }

    #[test]
    fn small_memory_is_rejected_with_a_reason() {
        let err = Layout::new(PAGE, 16, 16).validate().unwrap_err();
        assert!(err.contains("too small"), "{err}");
    }

    #[test]
    fn every_standard_code_up_to_79_has_a_message() {
        for code in -79..=-1 {
            assert!(throw::message(code).is_some(), "{code}");
        }
        assert_eq!(throw::message(0), None);
    }
}
