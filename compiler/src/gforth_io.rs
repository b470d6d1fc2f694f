//! gforth 0.7.3's host words for the outside world and the stacks: the
//! standard streams as fileids (`STDIN`, `STDOUT`, `STDERR`), redirected
//! output and input (`OUTFILE-EXECUTE`, `INFILE-EXECUTE`), `KEY-FILE` and
//! its relatives, the clock (`UTIME`, `CPUTIME`), the environment
//! (`(GETENV)`, behind `GETENV` in `gforth/words.fs`), the stack pointers
//! (`SP@` `SP!` `RP@` `RP!` `FP@` `FP!`) and `EXCEPTION`.
//!
//! Guarantees:
//! - The standard streams are fileids that no file system hands out; every
//!   FILE ACCESS word accepts them (see [`Forth::std_file_word`]): writes
//!   to `STDOUT` are program output, writes to `STDERR` go to the host's
//!   error stream, reads from `STDIN` read the program's input. Closing one
//!   does nothing, as closing gforth's would be fatal.
//! - While `OUTFILE-EXECUTE` runs its xt, everything the program displays
//!   (`TYPE`, `EMIT`, `.`, `F.`, `DUMP`, ...) goes to its fileid; the
//!   previous destination comes back when the xt returns or throws. Likewise
//!   `KEY` and `ACCEPT` read `INFILE-EXECUTE`'s fileid.
//! - `KEY-FILE` returns 4 (`#EOF`) at the end of a file, and `FILE-EOF?` is
//!   true once a `KEY-FILE` has met that end, as gforth's C streams do.
//! - `SP@`, `RP@` and `FP@` give the addresses of the stacks in linear
//!   memory, consistent with `DEPTH` and `SP0` (`SP0 @ SP@ - CELL /` is the
//!   depth). Return-stack items a definition keeps in wasm locals (its
//!   balanced `>R`/`R>` pairs) are not in that memory.

use std::collections::HashSet;

use runtime::throw;

use crate::file_system::{self, FsError, Handle};
use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::ir::Xt;
use crate::kernel::host_xt;
use crate::machine::with_files;
use crate::machine::{Fault, Machine, MachineExt};

/// `STDIN`'s fileid. The three are far from the handles file systems give
/// (which start low) and from the ones `INCLUDED` makes up (0x4000_0000 on).
pub(crate) const STDIN: Handle = 0x3fff_fff0;
/// `STDOUT`'s fileid.
pub(crate) const STDOUT: Handle = 0x3fff_fff1;
/// `STDERR`'s fileid.
pub(crate) const STDERR: Handle = 0x3fff_fff2;

/// The first code `EXCEPTION` hands out (gforth 0.7.3's first, once its own
/// image has taken one); later ones count down.
const FIRST_EXCEPTION: i32 = -2051;

/// What these words remember between calls.
#[derive(Debug, Default)]
pub(crate) struct GforthIo {
    /// Where displayed text goes while `OUTFILE-EXECUTE` runs (None: output).
    pub outfile: Option<Handle>,
    /// What `KEY` and `ACCEPT` read while `INFILE-EXECUTE` runs (None: input).
    pub infile: Option<Handle>,
    /// The messages of the codes `EXCEPTION` handed out, in order.
    pub exceptions: Vec<String>,
    /// Files whose end a `KEY-FILE` met (C's end-of-file indicator).
    pub at_eof: HashSet<Handle>,
}

/// What `KEY` and `XKEY` give at the end of input, as in gforth: `#EOF`.
pub(crate) const EOF_KEY: i32 = 4;
impl GforthIo {
    /// The output redirection, or the input one.
    fn redirection(&mut self, out: bool) -> &mut Option<Handle> {
        if out {
            &mut self.outfile
        } else {
            &mut self.infile
        }
    }
}

impl Forth {
    /// Runs one of this file's host words.
    pub(crate) fn run_gforth_io(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            Utime => {
                let us = (m.wall_clock_ms() * 1000.0) as i64;
                self.push_double(m, us)
            }
            Cputime => {
                let us = (m.now_ms() * 1000.0) as i64;
                self.push_double(m, us)?;
                self.push_double(m, 0)
            }
            ParenGetenv => {
                let cap = self.pop(m)?.max(0) as usize;
                let buf = self.pop(m)? as u32;
                let name = self.pop_string(m)?;
                match m.env_var(&name) {
                    Some(v) => {
                        m.write(buf, &v[..v.len().min(cap)])?;
                        self.push(m, v.len() as i32)
                    }
                    None => self.push(m, -1),
                }
            }
            Stdin => self.push(m, STDIN as i32),
            Stdout => self.push(m, STDOUT as i32),
            Stderr => self.push(m, STDERR as i32),
            InfileId => {
                let id = self.io.infile.unwrap_or(STDIN);
                self.push(m, id as i32)
            }
            OutfileId => {
                let id = self.io.outfile.unwrap_or(STDOUT);
                self.push(m, id as i32)
            }
            ToOutfileId | ToInfileId => {
                let fid = self.pop(m)? as Handle;
                // The standard stream itself is kept as None, the
                // undirected state that OUTFILE-EXECUTE restores.
                let standard = if h == ToOutfileId { STDOUT } else { STDIN };
                *self.io.redirection(h == ToOutfileId) = (fid != standard).then_some(fid);
                Ok(())
            }
            OutfileExecute | InfileExecute => {
                let fid = self.pop(m)? as Handle;
                let xt = self.pop(m)? as u32;
                let out = h == OutfileExecute;
                let old = self.io.redirection(out).replace(fid);
                let res = self.execute(m, xt);
                *self.io.redirection(out) = old;
                res
            }
            KeyFile => {
                let fid = self.pop(m)? as Handle;
                let c = self.key_from(m, fid)?;
                self.push(m, c)
            }
            KeyQuestionFile => {
                let fid = self.pop(m)? as Handle;
                // gforth asks the operating system how many bytes wait; a
                // regular file answers none, a pipe or terminal what it holds.
                let ready = fid == STDIN && m.key_ready();
                self.push(m, if ready { -1 } else { 0 })
            }
            FileEofQuestion => {
                let fid = self.pop(m)? as Handle;
                let eof = self.io.at_eof.contains(&fid);
                self.push(m, if eof { -1 } else { 0 })
            }
            SpFetch | RpFetch | FpFetch => {
                let p = match h {
                    SpFetch => m.sp(),
                    RpFetch => m.rp(),
                    _ => m.fsp(),
                };
                self.push(m, p as i32)
            }
            SpStore | RpStore | FpStore => {
                let p = self.pop(m)? as u32;
                let l = self.cfg.layout;
                let (limit, base, stack) = match h {
                    SpStore => (l.ds_limit(), l.ds_base(), "data"),
                    RpStore => (l.rs_limit(), l.rs_base(), "return"),
                    _ => (l.fs_limit(), l.fs_base(), "float"),
                };
                // A new stack pointer must point into its stack, at a cell boundary.
                if p < limit || p > base || !p.is_multiple_of(4) {
                    return Err(self.fail(throw::INVALID_ADDRESS, format!("{p:#x} is not within the {stack} stack")));
                }
                match h {
                    SpStore => m.set_sp(p),
                    RpStore => m.set_rp(p),
                    _ => m.set_fsp(p),
                }
                Ok(())
            }
            Exception => {
                let text = self.pop_string(m)?;
                let code = FIRST_EXCEPTION - self.io.exceptions.len() as i32;
                self.io.exceptions.push(text);
                self.push(m, code)
            }
            _ => Err(Fault::Host(format!("internal error: {} is not a gforth I/O word", h.name()))),
        }
    }

    /// The message `EXCEPTION` gave `code`, if it gave one.
    pub(crate) fn exception_message(&self, code: i32) -> Option<&str> {
        let i = usize::try_from(FIRST_EXCEPTION.checked_sub(code)?).ok()?;
        self.io.exceptions.get(i).map(String::as_str)
    }

    /// Displays text from a host word (`.S`, `WORDS`, `.(`, an interpreted
    /// `."`...) as gforth does: through the deferred `TYPE`. While `TYPE`
    /// still does what the system's `(TYPE)` does, the bytes go straight to
    /// [`Forth::out_bytes`]; otherwise they are copied to `ALLOCATE`d memory
    /// for the program's own `TYPE`, and freed after it returns.
    pub(crate) fn display(&mut self, m: &mut dyn Machine, bytes: &[u8]) -> Result<(), Fault> {
        let Some(body) = self.system.type_body else {
            self.out_bytes(m, bytes);
            return Ok(());
        };
        let xt = m.read_cell(body)? as Xt;
        if xt == host_xt(HostWord::Type) || bytes.is_empty() {
            self.out_bytes(m, bytes);
            return Ok(());
        }
        let Some(a) = self.allocate(m, bytes.len() as u32)? else {
            self.out_bytes(m, bytes);
            return Ok(());
        };
        m.write(a, bytes)?;
        self.push(m, a as i32)?;
        self.push(m, bytes.len() as i32)?;
        let shown = self.execute(m, xt);
        if let Some(free) = self.system.free {
            self.push(m, a as i32)?;
            self.execute(m, free)?;
            self.pop(m)?;
        }
        shown
    }

    /// Displays bytes: program output, or `OUTFILE-EXECUTE`'s file.
    pub(crate) fn out_bytes(&mut self, m: &mut dyn Machine, bytes: &[u8]) {
        match self.io.outfile {
            None | Some(STDOUT) => m.output(bytes),
            Some(STDERR) => m.error_output(bytes),
            // gforth ignores a failed write to a redirected output too.
            Some(fid) => drop(with_files(m, |fs| fs.write(fid, bytes))),
        }
    }

    /// `KEY`: the next byte of input, or of `INFILE-EXECUTE`'s file.
    pub(crate) fn key_in(&mut self, m: &mut dyn Machine) -> Result<i32, Fault> {
        match self.io.infile {
            // At the end of input gforth's KEY gives 4 (`#EOF`); so does ours.
            None => Ok(m.key().map_or(EOF_KEY, i32::from)),
            Some(fid) => self.key_from(m, fid),
        }
    }

    /// `ACCEPT`: the next line of input, or of `INFILE-EXECUTE`'s file.
    pub(crate) fn line_in(&mut self, m: &mut dyn Machine, max: usize) -> Result<Vec<u8>, Fault> {
        match self.io.infile {
            None | Some(STDIN) => Ok(m.read_line().unwrap_or_default()),
            Some(fid) => match with_files(m, |fs| file_system::read_line(fs, fid, max)) {
                Ok(line) => Ok(line.unwrap_or_default()),
                Err(e) => Err(self.fail(e.ior, format!("cannot read fileid {fid}: {}", e.message))),
            },
        }
    }

    /// The line `ACCEPT` reads, as gforth reads it: from standard input,
    /// `None` at its end, and a line from anything but a terminal is
    /// echoed with a space after it (what gforth's line editor shows); from
    /// a file made the input with `INFILE-ID`, an empty line at its end.
    pub(crate) fn accept_line(&mut self, m: &mut dyn Machine, max: usize) -> Result<Option<Vec<u8>>, Fault> {
        if !matches!(self.io.infile, None | Some(STDIN)) {
            return self.line_in(m, max).map(Some);
        }
        let Some(line) = m.read_line() else { return Ok(None) };
        if !m.input_is_terminal() {
            let shown = line.len().min(max);
            self.out_bytes(m, &line[..shown]);
            self.out_bytes(m, b" ");
        }
        Ok(Some(line))
    }

    /// One byte of `fid`, or 4 (`#EOF`) at its end.
    fn key_from(&mut self, m: &mut dyn Machine, fid: Handle) -> Result<i32, Fault> {
        let byte = if fid == STDIN {
            m.key()
        } else {
            let mut b = [0u8; 1];
            match with_files(m, |fs| fs.read(fid, &mut b)) {
                Ok(1) => Some(b[0]),
                Ok(_) => None,
                Err(e) => return Err(self.fail(e.ior, format!("cannot read fileid {fid}: {}", e.message))),
            }
        };
        match byte {
            Some(c) => Ok(i32::from(c)),
            None => {
                self.io.at_eof.insert(fid);
                Ok(4)
            }
        }
    }

    /// The FILE ACCESS words on a standard stream: `Some` with what the word
    /// did, or `None` if `fid` is not a standard stream. `data` is what a
    /// write writes; a read fills `buf`.
    pub(crate) fn std_file_word(
        &mut self,
        m: &mut dyn Machine,
        h: HostWord,
        fid: Handle,
        io: StdIo<'_>,
    ) -> Option<Result<usize, FsError>> {
        if ![STDIN, STDOUT, STDERR].contains(&fid) {
            return None;
        }
        let wrong = || Err(FsError::io(format!("{} cannot be used on a standard stream", h.name())));
        Some(match io {
            StdIo::Write(data) => match fid {
                // A write to STDOUT is program output even while
                // OUTFILE-EXECUTE sends displayed text elsewhere.
                STDOUT => {
                    m.output(data);
                    Ok(data.len())
                }
                STDERR => {
                    m.error_output(data);
                    Ok(data.len())
                }
                _ => wrong(),
            },
            StdIo::Read(buf) if fid == STDIN => {
                let mut n = 0;
                while n < buf.len() {
                    match m.key() {
                        Some(c) => buf[n] = c,
                        None => break,
                    }
                    n += 1;
                }
                Ok(n)
            }
            StdIo::ReadLine(line) if fid == STDIN => match m.read_line() {
                Some(l) => {
                    *line = Some(l);
                    Ok(0)
                }
                None => Ok(0),
            },
            StdIo::Other => Ok(0),
            _ => wrong(),
        })
    }

    fn push_double(&mut self, m: &mut dyn Machine, v: i64) -> Result<(), Fault> {
        self.push(m, v as i32)?;
        self.push(m, (v >> 32) as i32)
    }

    fn pop_string(&mut self, m: &mut dyn Machine) -> Result<String, Fault> {
        let u = self.pop(m)?;
        let a = self.pop(m)?;
        let bytes = if u > 0 { m.read_vec(a as u32, u as u32)? } else { Vec::new() };
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// What a FILE ACCESS word does with a standard stream.
pub(crate) enum StdIo<'a> {
    /// `WRITE-FILE`, `WRITE-LINE`: these bytes.
    Write(&'a [u8]),
    /// `READ-FILE`: into this buffer.
    Read(&'a mut [u8]),
    /// `READ-LINE`: the line read, `None` at the end of input.
    ReadLine(&'a mut Option<Vec<u8>>),
    /// `CLOSE-FILE` and `FLUSH-FILE`: nothing to do.
    Other,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exception_codes_count_down_and_keep_their_messages() {
        let mut io = GforthIo::default();
        io.exceptions.push("first".into());
        io.exceptions.push("second".into());
        let mut f = Forth::new(crate::Config::default());
        f.io = io;
        assert_eq!(f.exception_message(-2051), Some("first"));
        assert_eq!(f.exception_message(-2052), Some("second"));
        assert_eq!(f.exception_message(-2053), None);
        assert_eq!(f.exception_message(-2050), None);
        assert_eq!(f.exception_message(5), None);
    }

    #[test]
    fn standard_streams_are_not_handles_of_included_files() {
        for fid in [STDIN, STDOUT, STDERR] {
            assert!(fid < 0x4000_0000);
            assert!(fid > 0x1000_0000);
        }
    }
}
