//! The outer (text) interpreter: the Forth system's host side.
//!
//! [`Forth`] holds the dictionary, the input-source stack, `STATE`, the
//! definition being compiled and the definitions waiting to be emitted. It
//! executes nothing itself: every word runs on the [`Machine`], and pending
//! definitions are emitted as one batch module the first time anything needs
//! to run.
//!
//! Errors travel as [`Fault`]s (so they can cross wasm frames); the first
//! interpreter loop a fault reaches records where it happened, and the public
//! entry points turn it into a [`Diagnostic`].
//!
//! Guarantees: no method panics on user input; after an error,
//! [`Forth::reset`] leaves the system usable with empty stacks.

use std::rc::Rc;

use sha2::Digest;

use crate::definition::{CfError, Definition};
use crate::dictionary::{Dictionary, Header, Kind, WordId};
use crate::error::{Diagnostic, Location, Stop};
use crate::host_words::HostWord;
use crate::input::{column, Input, SourceKind};
use crate::ir::{Op, Xt};
use crate::kernel::{self, host_word_of};
use crate::machine::{Fault, Host, Machine, MachineExt};
use crate::number::{self, Number};
use crate::primitives::Prim;
use runtime::{addr, throw, CodeField, Layout};

pub use crate::config::Config;

/// Counters about the work done, for `info` and benchmarks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stats {
    /// Batch modules instantiated.
    pub modules: u32,
    /// Functions emitted.
    pub functions: u32,
    /// Total bytes of emitted modules.
    pub module_bytes: u64,
}

/// The definition being compiled.
#[derive(Debug)]
pub(crate) struct Current {
    pub def: Definition,
    pub header: WordId,
    pub start: Option<Location>,
    /// The source text so far, for `SEE`, and the input depth it comes from.
    pub text: Option<(usize, Vec<u8>)>,
    /// The text of the definition's stack comment, once seen.
    pub stack_comment: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Snapshot {
    pub dict_len: usize,
    pub here: i32,
    pub latest: Option<WordId>,
    /// The search order and compilation word list.
    pub order: (Vec<crate::dictionary::WordListId>, crate::dictionary::WordListId),
}

/// What the table holds at an xt that the host installed at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TableEntry {
    /// A kernel code field (`CREATE`, `CONSTANT`, `DEFER`, `DOES>` words).
    CodeField(CodeField),
    /// The host import (`MARKER` words).
    Host,
}

/// Where and why the first interpreter loop saw a fault.
#[derive(Debug, Default)]
pub(crate) struct Detail {
    pub location: Option<Location>,
    pub word: Option<String>,
    pub message: Option<String>,
    pub hide_code: bool,
}

/// A Forth system whose code runs on a [`Machine`].
#[derive(Debug)]
pub struct Forth {
    pub(crate) cfg: Config,
    pub(crate) dict: Dictionary,
    pub(crate) next_xt: Xt,
    pub(crate) state: bool,
    pub(crate) inputs: Vec<Input>,
    pub(crate) current: Option<Current>,
    /// The state of compilation: definitions pending and prepared, their
    /// IR and effects, what the inliners keep.
    pub(crate) pipeline: crate::pipeline::Compilation,
    pub(crate) latest: Option<WordId>,
    pub(crate) markers: Vec<Snapshot>,
    pub(crate) detail: Option<Detail>,
    pub(crate) message: Option<(String, bool)>,
    pub(crate) squote_next: u32,
    pub(crate) next_file_id: i32,
    pub(crate) stats: Stats,
    /// What the optimizer did to the program's definitions (`explain`).
    pub(crate) remarks: crate::remarks::Remarks,
    /// The source map of each of the program's colon definitions, by xt,
    /// for the code view (`code_view.rs`).
    pub(crate) source_maps: std::collections::HashMap<Xt, crate::source_map::SourceMap>,
    /// Table entries installed at run time, in installation order.
    pub(crate) installed: Vec<(Xt, TableEntry)>,
    /// Name and sha256 of every source loaded, for provenance.
    pub(crate) sources: Vec<(String, [u8; 32])>,
    pub(crate) booted: bool,
    /// `SEE`'s source text of each colon definition, by xt.
    pub(crate) see_sources: std::collections::HashMap<Xt, String>,
    /// Names `NAME>STRING` copied to memory, by header and xt.
    pub(crate) names_copied: std::collections::HashMap<(WordId, Xt), u32>,
    /// Bytes of the names region in use.
    pub(crate) names_used: u32,
    /// The file system state of the FILE ACCESS and BLOCK words.
    pub(crate) files: crate::file_access::FileState,
    /// The block buffers.
    pub(crate) blocks: crate::block::Blocks,
    /// A conditional section (`[IF]` ... `[THEN]`) still being skipped at
    /// the end of an interactive line: the next line goes on skipping.
    pub(crate) pending_skip: Option<crate::tools::Skip>,
    /// `REPLACES` names (upper case) and their texts, for `SUBSTITUTE`.
    pub(crate) substitutions: std::collections::HashMap<Vec<u8>, Vec<u8>>,
    /// Stack comments of definitions not yet emitted, by xt.
    pub(crate) declared: std::collections::HashMap<Xt, crate::warnings::Declared>,
    /// Warnings not yet taken by the host.
    pub(crate) warnings: Vec<crate::warnings::Warning>,
    /// Significant digits of `F.`, `FE.` and `FS.` (`PRECISION`).
    pub(crate) precision: usize,
    /// The state of gforth's extension words.
    pub(crate) gforth: crate::gforth_state::GforthState,
    /// The system's words that host code calls, found at the end of boot.
    pub(crate) system: crate::system_words::SystemWords,
    /// The outer interpreter's copy of the token it is interpreting,
    /// reused from token to token.
    pub(crate) token: Vec<u8>,
    /// The modules boot gave the machine, kept for [`Forth::snapshot`].
    pub(crate) boot_record: Option<crate::boot_snapshot::BootRecord>,
    /// gforth's redirections, exceptions and end-of-file flags.
    pub(crate) io: crate::gforth_io::GforthIo,
}

/// The prelude: words of the system written in Forth, loaded at boot in
/// this order (its file names and texts). Later files may use the words of
/// earlier ones. [`Forth::boot`] loads these texts; a host that would
/// rather not carry them (the browser's worker, which boots from a
/// snapshot, and fetches the prelude only for other limits) hands them to
/// [`Forth::boot_with`] instead.
pub const PRELUDE: &[(&str, &str)] = &[
    ("prelude.fs", include_str!("prelude.fs")),
    ("gforth/words.fs", include_str!("gforth/words.fs")),
    ("gforth/compile.fs", include_str!("gforth/compile.fs")),
];

/// The most definitions one batch module holds.
pub(crate) const MAX_BATCH: usize = 256;

impl Forth {
    /// A system that has not booted yet.
    pub fn new(cfg: Config) -> Self {
        Forth {
            cfg,
            dict: Dictionary::default(),
            next_xt: kernel::first_user_xt(),
            state: false,
            inputs: Vec::new(),
            current: None,
            pipeline: Default::default(),
            latest: None,
            markers: Vec::new(),
            detail: None,
            message: None,
            squote_next: 0,
            // Far from the handles file systems hand out, which start low.
            next_file_id: 0x4000_0000,
            stats: Stats::default(),
            remarks: Default::default(),
            source_maps: Default::default(),
            installed: Vec::new(),
            sources: Vec::new(),
            booted: false,
            see_sources: Default::default(),
            names_copied: Default::default(),
            names_used: 0,
            files: Default::default(),
            blocks: Default::default(),
            pending_skip: None,
            substitutions: Default::default(),
            declared: Default::default(),
            warnings: Vec::new(),
            precision: crate::host_float::DEFAULT_PRECISION,
            gforth: Default::default(),
            system: Default::default(),
            boot_record: None,
            token: Vec::new(),
            io: Default::default(),
        }
    }

    /// The layout this system was configured with.
    pub fn layout(&self) -> Layout {
        self.cfg.layout
    }

    /// Work counters.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// Instantiates the kernel, initializes memory and loads the prelude.
    pub fn boot(&mut self, m: &mut dyn Machine) -> Result<(), Stop> {
        self.boot_with(m, PRELUDE)
    }

    /// [`Forth::boot`] with the prelude's texts given by the host, which
    /// must be those of [`PRELUDE`], in its order (file name, text); the
    /// system is then the one `boot` makes.
    pub fn boot_with(&mut self, m: &mut dyn Machine, prelude: &[(&str, &str)]) -> Result<(), Stop> {
        if let Err(e) = self.cfg.layout.validate() {
            return Err(Stop::Error(Diagnostic::new(e)));
        }
        let kernel = kernel::kernel_module(self.cfg.layout);
        m.boot(&kernel).map_err(|f| self.stop(f))?;
        self.boot_record = Some(crate::boot_snapshot::BootRecord { kernel, modules: Vec::new(), open: true });
        self.register_builtins();
        let init = [
            (addr::BASE, 10),
            (addr::DP, addr::DATA_START as i32),
            (addr::STATE, 0),
            (addr::HLD, addr::HOLD_END as i32),
        ];
        for (a, v) in init {
            m.write_cell(a, v).map_err(|f| self.stop(f))?;
        }
        let layout = self.cfg.layout;
        let expand = |text: &str| {
            text.replace("{HOLD_END}", &addr::HOLD_END.to_string())
                .replace("{HOLD_START}", &addr::HOLD_START.to_string())
                .replace("{BLK}", &addr::BLK.to_string())
                .replace("{SCR}", &addr::SCR.to_string())
                .replace("{DP}", &addr::DP.to_string())
                .replace("{SOURCE_LEN}", &addr::SOURCE_LEN.to_string())
                .replace("{DS_BASE}", &layout.ds_base().to_string())
                .replace("{RS_BASE}", &layout.rs_base().to_string())
                .replace("{FS_BASE}", &layout.fs_base().to_string())
                .replace("{HEAP_START}", &layout.heap_start().to_string())
                .replace("{HEAP_END}", &layout.heap_end().to_string())
                .replace("{HEAP_MAGIC}", &(runtime::heap::MAGIC as i32).to_string())
                .replace("{HEAP_CHECK}", &(runtime::heap::CHECK as i32).to_string())
                .replace("{ALLOCATE_IOR}", &throw::ALLOCATE.to_string())
                .replace("{FREE_IOR}", &throw::FREE.to_string())
                .replace("{RESIZE_IOR}", &throw::RESIZE.to_string())
        };
        self.booted = true;
        for (_, text) in prelude {
            self.load_source(m, "<prelude>", expand(text).as_bytes())?;
        }
        self.top(m, |f, m| f.flush(m))?;
        self.gforth.command_line = crate::command_line::CommandLine::find(self);
        self.system = crate::system_words::SystemWords::find(self);
        // The prelude's stack comments are for people; its words are tested.
        self.warnings.clear();
        if let Some(r) = self.boot_record.as_mut() {
            r.open = false;
        }
        Ok(())
    }

    /// Adds the primitives and host words to the dictionary.
    pub(crate) fn register_builtins(&mut self) {
        for &p in Prim::ALL {
            self.dict.add(Header {
                name: p.name().into(),
                xt: kernel::prim_xt(p),
                immediate: false,
                compile_only: false,
                hidden: false,
                kind: Kind::Prim(p),
            });
        }
        for &h in HostWord::ALL {
            let fl = h.flags();
            self.dict.add(Header {
                name: h.name().into(),
                xt: kernel::host_xt(h),
                immediate: fl.immediate,
                compile_only: fl.compile_only,
                hidden: false,
                kind: Kind::Host(h),
            });
        }
        self.add_root_words();
    }

    /// Whether [`Forth::boot`] succeeded.
    pub fn is_booted(&self) -> bool {
        self.booted
    }

    /// Interprets a whole file, read through the machine.
    pub fn include_file(&mut self, m: &mut dyn Machine, path: &str) -> Result<(), Stop> {
        self.pending_skip = None;
        self.top(m, |f, m| f.include(m, path))
    }

    /// Interprets a whole file unless it was already (`REQUIRED`), as
    /// gforth loads the files on its command line.
    pub fn require_file(&mut self, m: &mut dyn Machine, path: &str) -> Result<(), Stop> {
        self.pending_skip = None;
        self.top(m, |f, m| f.require(m, path))
    }

    /// Interprets source text that is already in memory, named `name`.
    pub fn load_source(&mut self, m: &mut dyn Machine, name: &str, text: &[u8]) -> Result<(), Stop> {
        self.pending_skip = None;
        self.top(m, |f, m| f.run_file_text(m, name.into(), text.into(), None))
    }

    /// Interprets one line of interactive or command-line input. The compile
    /// state carries over, so a definition may span lines.
    pub fn interpret_line(&mut self, m: &mut dyn Machine, name: &str, line: &str) -> Result<(), Stop> {
        self.sources.push((name.to_string(), sha2::Sha256::digest(line.as_bytes()).into()));
        self.top(m, |f, m| {
            f.push_input(m, SourceKind::Line { name: name.into() }, line.as_bytes().to_vec(), None)?;
            f.resume_skip(m)?;
            f.interpret_source(m)?;
            f.pop_input(m)
        })
    }

    /// Reports a definition left open at the end of all input.
    pub fn end_of_input(&mut self) -> Result<(), Stop> {
        match &self.current {
            Some(cur) => {
                let name = self.dict.get(cur.header).name.clone();
                let word = if name.is_empty() { ":NONAME".to_string() } else { name };
                Err(Stop::Error(Diagnostic {
                    location: cur.start.clone(),
                    word: Some(word),
                    message: "unterminated definition (missing ;)".into(),
                    code: None,
                }))
            }
            None => Ok(()),
        }
    }

    /// Whether a definition is being compiled (for the REPL's prompt).
    pub fn is_compiling(&self) -> bool {
        self.state || self.current.is_some()
    }

    /// Brings the system back to a usable state after an error: empty
    /// stacks, interpretation state, no open definition or input source,
    /// and FORTH-WORDLIST as the search order if the order was empty.
    pub fn reset(&mut self, m: &mut dyn Machine) {
        let l = self.cfg.layout;
        m.set_sp(l.ds_base());
        m.set_rp(l.rs_base());
        m.set_fsp(l.fs_base());
        self.gforth.reset();
        for &(body, xt) in &self.system.io_defers {
            let _ = m.write_cell(body, xt as i32);
        }
        if let Some(cur) = self.current.take() {
            self.dict.truncate_if_last(cur.header);
        }
        self.state = false;
        self.pending_skip = None;
        let _ = m.write_cell(addr::STATE, 0);
        // With an empty search order nothing could be typed next.
        if self.dict.order().is_empty() {
            self.dict.set_order(crate::dictionary::DEFAULT_ORDER.to_vec());
        }
        self.inputs.clear();
        let _ = m.write_cell(addr::SOURCE_LEN, 0);
        self.detail = None;
        self.message = None;
    }

    /// The data stack, bottom first.
    pub fn data_stack(&mut self, m: &mut dyn Machine) -> Vec<i32> {
        let base = self.cfg.layout.ds_base();
        let sp = m.sp();
        if sp >= base {
            return Vec::new();
        }
        let n = ((base - sp) / 4) as usize;
        let mut out = Vec::with_capacity(n);
        for i in (0..n).rev() {
            out.push(m.read_cell(sp + 4 * i as u32).unwrap_or(0));
        }
        out
    }

    /// Runs `body` as a top-level action and turns a fault into a [`Stop`].
    pub(crate) fn top(
        &mut self,
        m: &mut dyn Machine,
        body: impl FnOnce(&mut Self, &mut dyn Machine) -> Result<(), Fault>,
    ) -> Result<(), Stop> {
        if !self.booted {
            return Err(Stop::Error(Diagnostic::new("the system has not booted")));
        }
        // A panic is a bug of ours, never the program's; as a second line of
        // defence it becomes an error here rather than crashing the host,
        // and `reset` makes the system usable again.
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| body(self, m))) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(f)) => Err(self.stop(f)),
            Err(payload) => {
                self.detail = None;
                self.message = None;
                Err(Stop::Error(Diagnostic::new(format!(
                    "internal error: {} (this is a bug in FastForth/wasm)",
                    panic_message(payload.as_ref())
                ))))
            }
        }
    }

    /// Turns a fault into what the user sees, using the recorded detail.
    fn stop(&mut self, f: Fault) -> Stop {
        // A fault raised outside any interpreter loop (a file that cannot be
        // read at top level) has a message but no recorded detail.
        let detail = self.detail.take().unwrap_or_else(|| {
            let (message, hide_code) = self.message.take().map_or((None, false), |(m, h)| (Some(m), h));
            Detail { message, hide_code, ..Detail::default() }
        });
        self.message = None;
        let (default_msg, code) = match &f {
            Fault::Bye => return Stop::Bye,
            Fault::Quit => return Stop::Quit,
            Fault::Throw(c) => {
                let text = throw::message(*c).or_else(|| self.exception_message(*c));
                (text.map(str::to_string).unwrap_or_else(|| "uncaught exception".into()), Some(*c))
            }
            Fault::Trap { code, what } => {
                (throw::message(*code).map(|m| format!("{m} ({what})")).unwrap_or_else(|| what.clone()), Some(*code))
            }
            Fault::Timeout => ("time limit exceeded (see --timeout)".into(), None),
            Fault::Host(s) => (s.clone(), None),
        };
        let message = detail.message.unwrap_or(default_msg);
        Stop::Error(Diagnostic {
            location: detail.location,
            word: detail.word,
            message,
            code: if detail.hide_code { None } else { code },
        })
    }

    // ---- Faults with messages ----

    /// Records a message for the fault about to be raised.
    pub(crate) fn fail(&mut self, code: i32, msg: impl Into<String>) -> Fault {
        self.message = Some((msg.into(), false));
        Fault::Throw(code)
    }

    /// Like [`Forth::fail`], but the diagnostic shows no THROW code.
    pub(crate) fn fail_plain(&mut self, code: i32, msg: impl Into<String>) -> Fault {
        self.message = Some((msg.into(), true));
        Fault::Throw(code)
    }

    /// Records where the fault happened, once: the innermost loop wins.
    pub(crate) fn note(&mut self, word: &[u8]) {
        if self.detail.is_some() {
            return;
        }
        let (message, hide_code) = match self.message.take() {
            Some((m, h)) => (Some(m), h),
            None => (None, false),
        };
        self.detail = Some(Detail {
            location: self.location(),
            word: (!word.is_empty()).then(|| String::from_utf8_lossy(word).into_owned()),
            message,
            hide_code,
        });
    }

    /// The location of the token being interpreted in the innermost named source.
    pub(crate) fn location(&self) -> Option<Location> {
        let input = self.inputs.iter().rev().find(|i| i.display_name().is_some())?;
        Some(Location {
            file: input.display_name()?.to_string(),
            line: input.line_no.max(1),
            col: column(&input.line, input.tok_start),
        })
    }

    // ---- The outer interpreter ----

    /// Interprets a file's text; `SOURCE-ID` is `fileid`, or a number of
    /// its own for text that did not come from the file system.
    pub(crate) fn run_file_text(
        &mut self,
        m: &mut dyn Machine,
        path: Rc<str>,
        text: Rc<[u8]>,
        fileid: Option<i32>,
    ) -> Result<(), Fault> {
        if &*path != "<prelude>" {
            self.sources.push((path.to_string(), sha2::Sha256::digest(&text).into()));
        }
        let id = fileid.unwrap_or_else(|| {
            self.next_file_id += 1;
            self.next_file_id - 1
        });
        self.push_input(m, SourceKind::File { path, text, next: 0 }, Vec::new(), Some(id))?;
        self.inputs.last_mut().expect("just pushed").line_no = 0;
        if let Err(f) = self.refill_file(m) {
            self.note(b"");
            return Err(f);
        }
        // A script's first line, `#!/usr/bin/env ...`, is a comment even
        // without the space the word `#!` needs.
        if self.inputs.last().is_some_and(|t| t.line.starts_with(b"#!")) {
            let len = self.inputs.last().map_or(0, |t| t.line.len());
            m.write_cell(addr::TO_IN, len as i32)?;
        }
        self.interpret_source(m)?;
        self.pop_input(m)
    }

    /// Interprets the top input source to its end (refilling files).
    pub(crate) fn interpret_source(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        loop {
            let span = self.parse_name_span(m)?;
            if span.is_empty() {
                let is_file = matches!(self.inputs.last().map(|i| &i.kind), Some(SourceKind::File { .. }));
                if is_file {
                    match self.refill_file(m) {
                        Ok(true) => continue,
                        Ok(false) => return Ok(()),
                        Err(f) => {
                            self.note(b"");
                            return Err(f);
                        }
                    }
                }
                return Ok(());
            }
            // The token is copied out of the line (running it may read the
            // next line) into a buffer kept from token to token; a nested
            // interpreter (`EVALUATE`, `INCLUDED`) takes a buffer of its own.
            let mut tok = std::mem::take(&mut self.token);
            tok.clear();
            let top = self.inputs.last_mut().expect("a token was parsed from it");
            tok.extend_from_slice(&top.line[span.clone()]);
            top.tok_start = span.start;
            self.note_token(span.start, &tok);
            let res = self.interpret_word(m, &tok);
            if res.is_err() {
                self.note(&tok);
            }
            self.token = tok;
            res?;
        }
    }

    /// Tells the definition being compiled, if it records its tokens and
    /// the token is in its own text, that the token at `start` is next.
    fn note_token(&mut self, start: usize, tok: &[u8]) {
        let Some(t) = self.current.as_mut().and_then(|c| c.def.tokens.as_mut()) else { return };
        if !self.state || t.depth != self.inputs.len() {
            return;
        }
        let Some(top) = self.inputs.last() else { return };
        let col = column(&top.line, start);
        let len = if tok.is_ascii() { tok.len() as u32 } else { String::from_utf8_lossy(tok).chars().count() as u32 };
        t.at = Some(crate::source_map::Span { line: top.line_no.max(1), col, len });
    }

    pub(crate) fn interpret_word(&mut self, m: &mut dyn Machine, tok: &[u8]) -> Result<(), Fault> {
        // `from_utf8` checks a valid token faster than the lossy decoder
        // walks it; only a token that is not UTF-8 is decoded.
        let name = match std::str::from_utf8(tok) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) => String::from_utf8_lossy(tok),
        };
        if self.state {
            // Locals come before every other word and before numbers.
            if let Some(local) = self.current.as_ref().and_then(|c| c.def.find_local(&name)) {
                return self.compile_local_fetch(local);
            }
        }
        if let Some(h) = self.dict.find(&name) {
            let (xt, immediate, compile_only) = (h.xt, h.immediate, h.compile_only);
            if self.state && !immediate {
                return self.compile_xt(m, xt);
            }
            if !self.state && compile_only {
                return Err(self.fail(throw::COMPILE_ONLY, "interpreting a compile-only word"));
            }
            let xt = match h.kind {
                Kind::InterpCompile { comp } if self.state => comp,
                _ => xt,
            };
            self.execute(m, xt)?;
            return self.check_stacks(m);
        }
        let base = m.read_cell(addr::BASE)?;
        match number::parse(tok, base as u32) {
            Some(Number::Single(n)) => self.literal(m, n),
            Some(Number::Double(d)) => {
                self.literal(m, d as i32)?;
                self.literal(m, (d >> 32) as i32)
            }
            None => match crate::float_text::literal(tok).filter(|_| base == 10) {
                Some(r) => self.float_literal(m, r),
                None => Err(self.fail(throw::UNDEFINED_WORD, "undefined word")),
            },
        }
    }

    /// Pushes `n`, or compiles it as a literal.
    pub(crate) fn literal(&mut self, m: &mut dyn Machine, n: i32) -> Result<(), Fault> {
        if self.state {
            self.compile_op(Op::Lit(n))
        } else {
            self.push(m, n)
        }
    }

    /// Checks the stack pointers after a word ran.
    pub(crate) fn check_stacks(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let l = self.cfg.layout;
        let sp = m.sp();
        if sp > l.ds_base() {
            m.set_sp(l.ds_base());
            return Err(Fault::Throw(throw::STACK_UNDERFLOW));
        }
        if sp < l.ds_limit() {
            return Err(Fault::Throw(throw::STACK_OVERFLOW));
        }
        if m.rp() > l.rs_base() {
            m.set_rp(l.rs_base());
            return Err(Fault::Throw(throw::RSTACK_UNDERFLOW));
        }
        self.check_float_stack(m)
    }

    /// Executes a word.
    pub(crate) fn execute(&mut self, m: &mut dyn Machine, xt: Xt) -> Result<(), Fault> {
        if let Some(h) = host_word_of(xt) {
            return self.run_host(m, h);
        }
        match self.dict.by_xt(xt).map(|h| h.kind.clone()) {
            Some(Kind::Marker { snapshot }) => return self.forget(m, snapshot),
            Some(Kind::Variable { body }) | Some(Kind::Created { body }) => return self.push(m, body as i32),
            Some(Kind::Constant { value }) => return self.push(m, value),
            Some(Kind::Value { body }) => {
                let v = m.read_cell(body)?;
                return self.push(m, v);
            }
            // A primitive runs in the kernel and calls no other word (but
            // EXECUTE), so the pending definitions can wait for a word that
            // needs them: a file that defines words and stores into its
            // variables between them makes one batch, not one per line.
            Some(Kind::Prim(p)) if p != Prim::Execute => return m.call(xt, self),
            _ => {}
        }
        self.flush(m)?;
        m.call(xt, self)
    }

    /// Appends the execution semantics of `xt` to the current definition.
    pub(crate) fn compile_xt(&mut self, m: &mut dyn Machine, xt: Xt) -> Result<(), Fault> {
        let kind = self.dict.by_xt(xt).map(|h| h.kind.clone());
        // A CREATEd word can only get (another) DOES> while it is the latest
        // definition, and while a definition is being compiled the latest is
        // that definition. So what a CREATEd word does is final here: push
        // its body, then run its DOES> code if it has one.
        let does = match kind {
            Some(Kind::Does { .. }) => Some(m.read_cell(addr::XT_INFO + 8 * xt + 4)? as Xt),
            _ => None,
        };
        let res = {
            let Some(cur) = self.current.as_mut() else {
                return Err(self.fail(throw::COMPILE_ONLY, "compiling outside a definition"));
            };
            let d = &mut cur.def;
            match kind {
                Some(Kind::Prim(p)) => {
                    d.op(Op::Prim(p));
                    Ok(())
                }
                Some(Kind::Host(HostWord::Exit)) => {
                    d.exit();
                    Ok(())
                }
                Some(Kind::Host(HostWord::Unloop)) => d.unloop(),
                Some(Kind::Host(HostWord::LoopI)) => d.loop_index(0, "I"),
                Some(Kind::Host(HostWord::LoopJ)) => d.loop_index(1, "J"),
                Some(Kind::Host(HostWord::LoopK)) => d.loop_index(2, "K"),
                Some(Kind::Host(HostWord::LoopLimit)) => d.loop_limit("I'"),
                Some(Kind::Variable { body }) => {
                    d.op(Op::Lit(body as i32));
                    Ok(())
                }
                Some(Kind::Constant { value }) => {
                    d.op(Op::Lit(value));
                    Ok(())
                }
                Some(Kind::Value { body }) => {
                    d.op(Op::FetchLit(body));
                    Ok(())
                }
                Some(Kind::TwoValue { body }) => {
                    d.op(Op::Lit(body as i32));
                    d.op(Op::Prim(Prim::TwoFetch));
                    Ok(())
                }
                Some(Kind::FConstant { body }) | Some(Kind::FValue { body }) => {
                    d.op(Op::Lit(body as i32));
                    d.op(Op::Prim(Prim::FFetch));
                    Ok(())
                }
                Some(Kind::Created { body }) => {
                    d.op(Op::Lit(body as i32));
                    Ok(())
                }
                Some(Kind::Does { body }) => {
                    d.op(Op::Lit(body as i32));
                    d.op(Op::Call(does.expect("read above")));
                    Ok(())
                }
                _ => {
                    d.op(Op::Call(xt));
                    Ok(())
                }
            }
        };
        res.map_err(|e| self.cf_error(e))
    }

    /// Appends an op to the current definition.
    pub(crate) fn compile_op(&mut self, op: Op) -> Result<(), Fault> {
        match self.current.as_mut() {
            Some(cur) => {
                cur.def.op(op);
                Ok(())
            }
            None => Err(self.fail(throw::COMPILE_ONLY, "compiling outside a definition")),
        }
    }

    pub(crate) fn cf_error(&mut self, e: CfError) -> Fault {
        match e {
            CfError::Mismatch(w) => self.fail(throw::CONTROL_MISMATCH, format!("control structure mismatch at {w}")),
            CfError::NoLoop(w) => self.fail(throw::LOOP_PARAMS, format!("{w} used outside a DO loop")),
            CfError::LeaveOpen(w) => self.fail(
                throw::CONTROL_MISMATCH,
                format!("a LEAVE or ?LEAVE is still unresolved at {w}: no loop or DONE took it"),
            ),
        }
    }

    /// Makes every pending definition runnable: prepares it
    /// ([`Forth::prepare`]), then emits and instantiates every prepared
    /// batch, in the order they were prepared.
    pub(crate) fn flush(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        self.prepare()?;
        while !self.pipeline.prepared.is_empty() {
            let batch = self.pipeline.prepared.remove(0);
            let funcs = &self.pipeline.compiled[batch.funcs];
            let is_host = |xt: Xt| host_word_of(xt).is_some();
            let deferred = &self.system.deferred_effects;
            let (bytes, _) = crate::emit::module::assemble(
                self.cfg.layout,
                funcs,
                &batch.plan,
                &is_host,
                &self.pipeline.effects,
                deferred,
                None,
            )
            .map_err(|e| Fault::Host(e.to_string()))?;
            #[cfg(feature = "validate")]
            if self.cfg.validate {
                if let Err(e) = wasmparser::validate(&bytes) {
                    return Err(Fault::Host(format!("internal error: emitted module does not validate: {e}")));
                }
            }
            self.stats.modules += 1;
            self.stats.functions += funcs.len() as u32;
            self.stats.module_bytes += bytes.len() as u64;
            m.instantiate(&bytes)?;
            if let Some(r) = self.boot_record.as_mut().filter(|r| r.open) {
                r.modules.push(bytes);
            }
        }
        Ok(())
    }

    /// Runs the pending definitions through the batch passes and plans
    /// their module as one batch ([`crate::pipeline::Compilation::prepare`]):
    /// their effects are known and their IR is in `compiled` from then on,
    /// but nothing is emitted until something runs them ([`Forth::flush`]).
    /// Linking and the views of the code need only this, so a file that
    /// only defines words is never emitted as batch modules when it is
    /// built into an image.
    pub(crate) fn prepare(&mut self) -> Result<(), Fault> {
        let (funcs, remarks) = self
            .pipeline
            .prepare(&self.cfg)
            .map_err(|e| Fault::Host(format!("internal error: IR verification failed {e}")))?;
        for (xt, r) in remarks {
            self.note_remarks(xt, r);
        }
        self.check_declared(funcs);
        Ok(())
    }

    /// Installs a table entry at `xt` and remembers it for linking.
    pub(crate) fn install(&mut self, m: &mut dyn Machine, xt: Xt, entry: TableEntry) -> Result<(), Fault> {
        match entry {
            TableEntry::CodeField(cf) => m.set_code_field(xt, cf)?,
            TableEntry::Host => m.set_host_entry(xt)?,
        }
        self.installed.push((xt, entry));
        Ok(())
    }

    // ---- Data stack access from the host ----

    /// Pops a cell from the data stack.
    pub(crate) fn pop(&mut self, m: &mut dyn Machine) -> Result<i32, Fault> {
        let sp = m.sp();
        if sp >= self.cfg.layout.ds_base() {
            return Err(Fault::Throw(throw::STACK_UNDERFLOW));
        }
        let v = m.read_cell(sp)?;
        m.set_sp(sp + 4);
        Ok(v)
    }

    /// Pushes a cell on the data stack.
    pub(crate) fn push(&mut self, m: &mut dyn Machine, v: i32) -> Result<(), Fault> {
        let sp = self.stack_room(m, 1)?;
        m.write_cell(sp, v)?;
        m.set_sp(sp);
        Ok(())
    }

    /// Pushes `cells` on the data stack in order (the last ends on top), in
    /// one write; nothing is pushed if they do not all fit.
    pub(crate) fn push_cells(&mut self, m: &mut dyn Machine, cells: &[i32]) -> Result<(), Fault> {
        let sp = self.stack_room(m, cells.len() as u32)?;
        let bytes: Vec<u8> = cells.iter().rev().flat_map(|c| c.to_le_bytes()).collect();
        m.write(sp, &bytes)?;
        m.set_sp(sp);
        Ok(())
    }

    /// The data stack pointer with `n` more cells pushed, or a stack
    /// overflow if they do not fit.
    fn stack_room(&self, m: &mut dyn Machine, n: u32) -> Result<u32, Fault> {
        let sp = m.sp().wrapping_sub(4 * n);
        if sp < self.cfg.layout.ds_limit() {
            return Err(Fault::Throw(throw::STACK_OVERFLOW));
        }
        Ok(sp)
    }

    // ---- Data space ----

    /// `HERE`.
    pub(crate) fn here(&mut self, m: &mut dyn Machine) -> Result<u32, Fault> {
        Ok(m.read_cell(addr::DP)? as u32)
    }

    /// Appends bytes to data space and returns their address.
    pub(crate) fn allot_bytes(&mut self, m: &mut dyn Machine, bytes: &[u8]) -> Result<u32, Fault> {
        let here = self.here(m)?;
        let end = here.checked_add(bytes.len() as u32).filter(|&e| e <= self.cfg.layout.data_end());
        let Some(end) = end else {
            return Err(self.fail(throw::DICTIONARY_OVERFLOW, "data space is full"));
        };
        m.write(here, bytes)?;
        m.write_cell(addr::DP, end as i32)?;
        Ok(here)
    }

    /// Aligns `HERE` to a cell boundary.
    pub(crate) fn align(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let here = self.here(m)?;
        let aligned = here.wrapping_add(3) & !3;
        // gforth pads with blanks, and programs that read past a compiled
        // string (`S" ab" DROP 2 + C@`) see them.
        if aligned > here && aligned <= self.cfg.layout.data_end() {
            m.write(here, &b"   "[..(aligned - here) as usize])?;
        }
        m.write_cell(addr::DP, aligned as i32)
    }

    /// A fresh execution token.
    pub(crate) fn alloc_xt(&mut self) -> Result<Xt, Fault> {
        if self.next_xt >= addr::MAX_XTS {
            return Err(
                self.fail(throw::DICTIONARY_OVERFLOW, format!("too many definitions (the limit is {})", addr::MAX_XTS))
            );
        }
        self.next_xt += 1;
        Ok(self.next_xt - 1)
    }

    /// A fresh xt for a nameless colon definition that no search finds (a
    /// part of a definition: `DOES>` code, a `TRY` region, a `FORK`
    /// subroutine), with its hidden header.
    pub(crate) fn alloc_hidden_colon(&mut self) -> Result<Xt, Fault> {
        let xt = self.alloc_xt()?;
        self.dict.add(crate::dictionary::Header {
            name: String::new(),
            xt,
            immediate: false,
            compile_only: false,
            hidden: true,
            kind: crate::dictionary::Kind::Colon,
        });
        Ok(xt)
    }

    /// Records `body` (and `does`) for `xt` in the xt info array.
    pub(crate) fn set_xt_info(
        &mut self,
        m: &mut dyn Machine,
        xt: Xt,
        body: u32,
        does: Option<Xt>,
    ) -> Result<(), Fault> {
        m.write_cell(addr::XT_INFO + 8 * xt, body as i32)?;
        if let Some(d) = does {
            m.write_cell(addr::XT_INFO + 8 * xt + 4, d as i32)?;
        }
        Ok(())
    }

    /// `MARKER` execution: forgets everything defined after the snapshot.
    fn forget(&mut self, m: &mut dyn Machine, snapshot: usize) -> Result<(), Fault> {
        let Some(s) = self.markers.get(snapshot) else {
            return Err(self.fail(throw::UNSUPPORTED, "marker no longer exists"));
        };
        let (dict_len, here, latest) = (s.dict_len, s.here, s.latest);
        let (order, current) = s.order.clone();
        self.markers.truncate(snapshot);
        self.dict.truncate(dict_len);
        self.dict.set_order(order);
        self.dict.set_current(current);
        self.latest = latest;
        m.write_cell(addr::DP, here)
    }

    // ---- Input sources ----

    fn region_top(&self) -> u32 {
        let mut top = addr::SOURCE_BUF;
        for i in &self.inputs {
            top = i.region_top(top);
        }
        top
    }

    /// Pushes an input source. For `Evaluate`, `line` is already in memory at
    /// `eval_addr`; otherwise it is copied into the source-line region.
    pub(crate) fn push_input(
        &mut self,
        m: &mut dyn Machine,
        kind: SourceKind,
        line: Vec<u8>,
        file_id: Option<i32>,
    ) -> Result<(), Fault> {
        self.push_input_at(m, kind, line, file_id, None)
    }

    /// Like [`Forth::push_input`], with the address of an `EVALUATE` string.
    pub(crate) fn push_input_at(
        &mut self,
        m: &mut dyn Machine,
        kind: SourceKind,
        line: Vec<u8>,
        file_id: Option<i32>,
        eval_addr: Option<u32>,
    ) -> Result<(), Fault> {
        if self.inputs.len() >= self.cfg.max_input_depth {
            return Err(self.fail(
                throw::RSTACK_OVERFLOW,
                format!("input sources nested too deeply (the limit is {})", self.cfg.max_input_depth),
            ));
        }
        let to_in = m.read_cell(addr::TO_IN)?;
        let region = self.region_top();
        if let Some(top) = self.inputs.last_mut() {
            top.saved_to_in = to_in;
        }
        let source_id = match (&kind, file_id) {
            (SourceKind::Evaluate, _) => -1,
            (_, Some(id)) => id,
            _ => 0,
        };
        let addr = eval_addr.unwrap_or(region);
        self.inputs.push(Input {
            kind,
            line: Vec::new(),
            addr,
            line_no: 1,
            line_start: 0,
            source_id,
            saved_to_in: 0,
            tok_start: 0,
        });
        if eval_addr.is_some() {
            self.inputs.last_mut().expect("just pushed").line = line;
            self.publish_top(m, 0)
        } else {
            self.set_line(m, line)
        }
    }

    /// Pops the top input source and restores the one below.
    pub(crate) fn pop_input(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        self.inputs.pop();
        match self.inputs.last() {
            Some(top) => {
                let to_in = top.saved_to_in;
                self.publish_top(m, to_in)
            }
            None => {
                m.write_cell(addr::SOURCE_LEN, 0)?;
                m.write_cell(addr::SOURCE_ID, 0)?;
                m.write_cell(addr::BLK, 0)?;
                m.write_cell(addr::TO_IN, 0)
            }
        }
    }

    /// Pops input sources until `depth` remain (after a THROW).
    pub(crate) fn unwind_inputs(&mut self, m: &mut dyn Machine, depth: usize) -> Result<(), Fault> {
        while self.inputs.len() > depth {
            self.pop_input(m)?;
        }
        Ok(())
    }

    /// Writes the top source's buffer description to the system variables.
    fn publish_top(&mut self, m: &mut dyn Machine, to_in: i32) -> Result<(), Fault> {
        let top = self.inputs.last().expect("an input source");
        let (a, len, id) = (top.addr, top.line.len() as i32, top.source_id);
        m.write_cell(addr::SOURCE_ADDR, a as i32)?;
        m.write_cell(addr::SOURCE_LEN, len)?;
        m.write_cell(addr::SOURCE_ID, id)?;
        let blk = match top.kind {
            SourceKind::Block { blk, .. } => blk as i32,
            _ => 0,
        };
        m.write_cell(addr::BLK, blk)?;
        m.write_cell(addr::TO_IN, to_in)
    }

    /// Makes `line` the top source's current line, in memory too.
    pub(crate) fn set_line(&mut self, m: &mut dyn Machine, line: Vec<u8>) -> Result<(), Fault> {
        let top = self.inputs.last().expect("an input source");
        let limit = addr::SOURCE_BUF + addr::SOURCE_BUF_LEN;
        if top.addr as usize + line.len() > limit as usize {
            let room = limit.saturating_sub(top.addr);
            return Err(self
                .fail(throw::PARSED_OVERFLOW, format!("input line too long: {} bytes (room for {room})", line.len())));
        }
        m.write(top.addr, &line)?;
        let depth = self.inputs.len();
        if let Some((d, text)) = self.current.as_mut().and_then(|c| c.text.as_mut()) {
            if *d == depth {
                text.push(b'\n');
                text.extend_from_slice(&line);
            }
        }
        let top = self.inputs.last_mut().expect("an input source");
        top.line = line;
        top.tok_start = 0;
        self.publish_top(m, 0)
    }

    /// Reads the next line of the top source if it is a file.
    pub(crate) fn refill_file(&mut self, m: &mut dyn Machine) -> Result<bool, Fault> {
        let Some(top) = self.inputs.last_mut() else {
            return Ok(false);
        };
        match top.next_file_line() {
            Some(line) => {
                self.set_line(m, line)?;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// `REFILL` for any source.
    pub(crate) fn refill(&mut self, m: &mut dyn Machine) -> Result<bool, Fault> {
        match self.inputs.last().map(|i| i.kind.clone()) {
            Some(SourceKind::File { .. }) => self.refill_file(m),
            Some(SourceKind::Block { blk, .. }) => self.refill_block(m, blk),
            Some(SourceKind::Line { .. }) => match m.read_line() {
                Some(line) => {
                    self.set_line(m, line)?;
                    Ok(true)
                }
                None => Ok(false),
            },
            _ => Ok(false),
        }
    }

    // ---- Parsing ----

    fn parse_bounds(&mut self, m: &mut dyn Machine) -> Result<Option<usize>, Fault> {
        let Some(top) = self.inputs.last() else {
            return Ok(None);
        };
        let len = top.line.len();
        let to_in = m.read_cell(addr::TO_IN)?;
        Ok(Some((to_in.max(0) as usize).min(len)))
    }

    /// Skips white space, then parses a name; returns its start and bytes
    /// (empty at the end of the parse area).
    pub(crate) fn parse_name(&mut self, m: &mut dyn Machine) -> Result<(usize, Vec<u8>), Fault> {
        let span = self.parse_name_span(m)?;
        Ok((span.start, self.inputs.last().map_or(Vec::new(), |top| top.line[span].to_vec())))
    }

    /// [`Forth::parse_name`], giving where the name is in the current line
    /// (empty at the end of the parse area, or with no input source).
    fn parse_name_span(&mut self, m: &mut dyn Machine) -> Result<std::ops::Range<usize>, Fault> {
        let Some(mut i) = self.parse_bounds(m)? else {
            return Ok(0..0);
        };
        let line = &self.inputs.last().expect("checked").line;
        while i < line.len() && line[i] <= b' ' {
            i += 1;
        }
        let start = i;
        while i < line.len() && line[i] > b' ' {
            i += 1;
        }
        let after = if i < line.len() { i + 1 } else { i };
        m.write_cell(addr::TO_IN, after as i32)?;
        Ok(start..i)
    }

    /// Parses up to `delim` (white space if `delim` is a space); returns the
    /// start and length in the current line and whether `delim` was found.
    pub(crate) fn parse_delim(
        &mut self,
        m: &mut dyn Machine,
        delim: u8,
        skip_leading: bool,
    ) -> Result<(usize, usize, bool), Fault> {
        let Some(mut i) = self.parse_bounds(m)? else {
            return Ok((0, 0, false));
        };
        let line = &self.inputs.last().expect("checked").line;
        let is_delim = |c: u8| if delim == b' ' { c <= b' ' } else { c == delim };
        if skip_leading {
            while i < line.len() && is_delim(line[i]) {
                i += 1;
            }
        }
        let start = i;
        while i < line.len() && !is_delim(line[i]) {
            i += 1;
        }
        let found = i < line.len();
        let after = if found { i + 1 } else { i };
        m.write_cell(addr::TO_IN, after as i32)?;
        Ok((start, i - start, found))
    }

    /// The address in memory of byte `offset` of the current line.
    pub(crate) fn line_addr(&self, offset: usize) -> u32 {
        self.inputs.last().map_or(0, |t| t.addr + offset as u32)
    }

    /// Bytes of the current line.
    pub(crate) fn line_bytes(&self, start: usize, len: usize) -> Vec<u8> {
        self.inputs.last().map_or(Vec::new(), |t| t.line[start..start + len].to_vec())
    }

    /// Parses a name for a defining or ticking word; an empty name is an error.
    pub(crate) fn parse_word_name(&mut self, m: &mut dyn Machine) -> Result<String, Fault> {
        let (_, tok) = self.parse_name(m)?;
        if tok.is_empty() {
            return Err(self.fail(throw::ZERO_LENGTH_NAME, "a name was expected"));
        }
        if tok.len() > 255 {
            return Err(self.fail(throw::NAME_TOO_LONG, "names are at most 255 characters"));
        }
        Ok(String::from_utf8_lossy(&tok).into_owned())
    }

    /// Looks a parsed name up; an unknown name is THROW -13.
    pub(crate) fn find_parsed(&mut self, m: &mut dyn Machine) -> Result<(Xt, bool, Kind), Fault> {
        let name = self.parse_word_name(m)?;
        match self.dict.find(&name) {
            Some(h) => Ok((h.xt, h.immediate, h.kind.clone())),
            None => Err(self.fail(throw::UNDEFINED_WORD, format!("undefined word {name}"))),
        }
    }
}

/// The message a panic carried, if it was a string.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message")
}

impl Host for Forth {
    fn host_word(&mut self, m: &mut dyn Machine, xt: Xt) -> Result<(), Fault> {
        let res = match host_word_of(xt) {
            Some(h) => self.run_host(m, h),
            None => match self.dict.by_xt(xt).map(|h| h.kind.clone()) {
                Some(Kind::Marker { snapshot }) => self.forget(m, snapshot),
                _ => Err(Fault::Host(format!("internal error: xt {xt} is not a host word"))),
            },
        };
        // Code that returns to wasm may execute what was just defined.
        if res.is_ok() && !(self.pipeline.pending.is_empty() && self.pipeline.prepared.is_empty()) {
            self.flush(m)?;
        }
        res
    }
}

impl Dictionary {
    /// Drops the header `id` if it is the newest one (an abandoned definition).
    pub(crate) fn truncate_if_last(&mut self, id: WordId) {
        if id + 1 == self.len() {
            self.truncate(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A machine on which everything fails, and reading a file panics: a
    /// stand-in for a bug below the outer interpreter.
    struct PanickingMachine;

    impl Machine for PanickingMachine {
        fn boot(&mut self, _: &[u8]) -> Result<(), Fault> {
            Ok(())
        }
        fn instantiate(&mut self, _: &[u8]) -> Result<(), Fault> {
            Err(Fault::Host("no engine".into()))
        }
        fn call(&mut self, _: Xt, _: &mut dyn Host) -> Result<(), Fault> {
            Err(Fault::Host("no engine".into()))
        }
        fn set_code_field(&mut self, _: Xt, _: CodeField) -> Result<(), Fault> {
            Ok(())
        }
        fn set_host_entry(&mut self, _: Xt) -> Result<(), Fault> {
            Ok(())
        }
        fn read(&mut self, _: u32, buf: &mut [u8]) -> Result<(), Fault> {
            buf.fill(0);
            Ok(())
        }
        fn write(&mut self, _: u32, _: &[u8]) -> Result<(), Fault> {
            Ok(())
        }
        fn sp(&mut self) -> u32 {
            0
        }
        fn set_sp(&mut self, _: u32) {}
        fn rp(&mut self) -> u32 {
            0
        }
        fn set_rp(&mut self, _: u32) {}
        fn fsp(&mut self) -> u32 {
            0
        }
        fn set_fsp(&mut self, _: u32) {}
        fn output(&mut self, _: &[u8]) {}
        fn key(&mut self) -> Option<u8> {
            None
        }
        fn read_line(&mut self) -> Option<Vec<u8>> {
            None
        }
        fn files(&mut self, _: &mut dyn FnMut(&mut dyn crate::file_system::FileSystem)) {
            panic!("deliberate panic in the file system");
        }
        fn now_ms(&mut self) -> f64 {
            0.0
        }
        fn wall_clock_ms(&mut self) -> f64 {
            0.0
        }
    }

    #[test]
    fn a_panic_below_an_entry_point_is_an_internal_error() {
        let mut f = Forth::new(Config::default());
        // The prelude needs an engine; the entry points only need this flag.
        f.booted = true;
        let Err(Stop::Error(d)) = f.include_file(&mut PanickingMachine, "x.fs") else { panic!("no error") };
        assert!(d.message.starts_with("internal error: deliberate panic in the file system"), "{}", d.message);
        f.reset(&mut PanickingMachine);
        assert!(f.interpret_line(&mut PanickingMachine, "-e", "").is_ok());
    }
}
