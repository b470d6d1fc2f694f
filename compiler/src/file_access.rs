//! The FILE ACCESS word set, and `INCLUDED` and its relatives.
//!
//! Every word works through the machine's [`FileSystem`]; a `fileid` is the
//! file system's [`Handle`]. Words that return an ior return 0 on success
//! and the file system's non-zero ior on failure (-38 for a missing file,
//! -37 otherwise); they never THROW for a failed operation. `INCLUDED`,
//! `INCLUDE`, `REQUIRED`, `REQUIRE` and `INCLUDE-FILE` do THROW on a file
//! that cannot be read (-38 or -37), with a diagnostic that names the file.
//!
//! `INCLUDED` keeps the file open while it is interpreted, so `SOURCE-ID`
//! is its fileid. A relative path is looked up beside the including file
//! first, then as given. `REQUIRED` skips a file that was included before
//! under the same resolved path.

use std::collections::HashSet;

use crate::file_system::{self, Access, FsError, Handle};
use crate::gforth_io::StdIo;
use crate::host_words::HostWord;
use crate::input::SourceKind;
use crate::interpreter::Forth;
use crate::machine::with_files;
use crate::machine::{Fault, Machine, MachineExt};

/// What the file words remember between calls.
#[derive(Debug, Default)]
pub(crate) struct FileState {
    /// Resolved paths of every file included so far, for `REQUIRED`.
    pub included: HashSet<String>,
}

/// A file the host read for `INCLUDED`: the path it was found at, its handle
/// (still open) and its text.
struct Opened {
    path: String,
    handle: Handle,
    text: Vec<u8>,
}

impl Forth {
    /// Runs a word of the FILE ACCESS word set.
    pub(crate) fn run_file_access(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            OpenFile | CreateFile => {
                let fam = self.pop(m)?;
                let path = self.pop_path(m)?;
                let res = match Access::from_fam(fam) {
                    Some(access) => with_files(m, |fs| fs.open(&path, access, h == CreateFile)),
                    None => Err(FsError::io(format!("{fam} is not a file access method"))),
                };
                match res {
                    Ok(handle) => self.push_ior(m, &[handle as i32], Ok(())),
                    Err(e) => self.push_ior(m, &[0], Err(e)),
                }
            }
            CloseFile => {
                let fid = self.pop(m)? as Handle;
                if let Some(res) = self.std_file_word(m, h, fid, StdIo::Other) {
                    return self.push_ior(m, &[], res.map(drop));
                }
                let res = with_files(m, |fs| fs.close(fid));
                self.push_ior(m, &[], res)
            }
            ReadFile => {
                let fid = self.pop(m)? as Handle;
                let (a, u) = self.pop_region(m)?;
                let mut buf = vec![0u8; u];
                let std = self.std_file_word(m, h, fid, StdIo::Read(&mut buf));
                let res = std.unwrap_or_else(|| {
                    with_files(m, |fs| {
                        let mut n = 0;
                        while n < u {
                            let got = fs.read(fid, &mut buf[n..])?;
                            if got == 0 {
                                break;
                            }
                            n += got;
                        }
                        Ok(n)
                    })
                });
                match res {
                    Ok(n) => {
                        m.write(a, &buf[..n])?;
                        self.push_ior(m, &[n as i32], Ok(()))
                    }
                    Err(e) => self.push_ior(m, &[0], Err(e)),
                }
            }
            ReadLine => {
                let fid = self.pop(m)? as Handle;
                let (a, u) = self.pop_region(m)?;
                let mut line = None;
                let res = match self.std_file_word(m, h, fid, StdIo::ReadLine(&mut line)) {
                    // A line longer than the buffer loses its end, as ACCEPT's does.
                    Some(res) => res.map(|_| line.map(|l| l[..l.len().min(u)].to_vec())),
                    None => with_files(m, |fs| file_system::read_line(fs, fid, u)),
                };
                match res {
                    Ok(Some(line)) => {
                        m.write(a, &line)?;
                        self.push_ior(m, &[line.len() as i32, -1], Ok(()))
                    }
                    Ok(None) => self.push_ior(m, &[0, 0], Ok(())),
                    Err(e) => self.push_ior(m, &[0, 0], Err(e)),
                }
            }
            WriteFile | WriteLine => {
                let fid = self.pop(m)? as Handle;
                let mut data = self.pop_bytes(m)?;
                if h == WriteLine {
                    data.push(b'\n');
                }
                let res = match self.std_file_word(m, h, fid, StdIo::Write(&data)) {
                    Some(res) => res.map(drop),
                    None => with_files(m, |fs| fs.write(fid, &data)),
                };
                self.push_ior(m, &[], res)
            }
            FilePosition | FileSize => {
                let fid = self.pop(m)? as Handle;
                let res = with_files(m, |fs| if h == FilePosition { fs.position(fid) } else { fs.size(fid) });
                let (lo, hi) = split(*res.as_ref().unwrap_or(&0));
                self.push_ior(m, &[lo, hi], res.map(|_| ()))
            }
            RepositionFile | ResizeFile => {
                let fid = self.pop(m)? as Handle;
                let ud = self.pop_ud(m)?;
                let res = with_files(m, |fs| if h == RepositionFile { fs.seek(fid, ud) } else { fs.resize(fid, ud) });
                self.push_ior(m, &[], res)
            }
            FlushFile => {
                let fid = self.pop(m)? as Handle;
                if let Some(res) = self.std_file_word(m, h, fid, StdIo::Other) {
                    return self.push_ior(m, &[], res.map(drop));
                }
                let res = with_files(m, |fs| fs.flush(fid));
                self.push_ior(m, &[], res)
            }
            DeleteFile => {
                let path = self.pop_path(m)?;
                let res = with_files(m, |fs| fs.delete(&path));
                self.push_ior(m, &[], res)
            }
            RenameFile => {
                let to = self.pop_path(m)?;
                let from = self.pop_path(m)?;
                let res = with_files(m, |fs| fs.rename(&from, &to));
                self.push_ior(m, &[], res)
            }
            FileStatus => {
                let path = self.pop_path(m)?;
                let exists = with_files(m, |fs| Ok(fs.exists(&path))).unwrap_or(false);
                let res = if exists { Ok(()) } else { Err(FsError::no_file(format!("{path}: no such file"))) };
                self.push_ior(m, &[0], res)
            }
            IncludeFile => {
                let fid = self.pop(m)? as Handle;
                let res = with_files(m, |fs| file_system::read_whole_open(fs, fid));
                match res {
                    Ok(text) => {
                        let name = format!("<fileid {fid}>");
                        let opened = Opened { path: name, handle: fid, text };
                        self.run_opened(m, opened)
                    }
                    Err(e) => Err(self.fail_plain(e.ior, format!("cannot read fileid {fid}: {}", e.message))),
                }
            }
            Required | Require => {
                let path = if h == Require { self.parse_word_name(m)? } else { self.pop_path(m)? };
                self.include_path(m, &path, true)
            }
            _ => Err(Fault::Host(format!("internal error: {} is not a file word", h.name()))),
        }
    }

    /// Pops `c-addr u` and reads the string (lossy UTF-8, for paths).
    fn pop_path(&mut self, m: &mut dyn Machine) -> Result<String, Fault> {
        let bytes = self.pop_bytes(m)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Pops `c-addr u` and reads the bytes.
    fn pop_bytes(&mut self, m: &mut dyn Machine) -> Result<Vec<u8>, Fault> {
        let (a, u) = self.pop_region(m)?;
        m.read_vec(a, u as u32)
    }

    /// Pops `c-addr u` and checks that the region lies in memory (so no
    /// buffer is ever made larger than memory).
    fn pop_region(&mut self, m: &mut dyn Machine) -> Result<(u32, usize), Fault> {
        let u = self.pop(m)?.max(0) as u32;
        let a = self.pop(m)? as u32;
        if u64::from(a) + u64::from(u) > u64::from(self.cfg.layout.memory_bytes) {
            return Err(self.fail(runtime::throw::INVALID_ADDRESS, format!("{u} bytes at {a} are outside memory")));
        }
        Ok((a, u as usize))
    }

    /// Pops an unsigned double.
    fn pop_ud(&mut self, m: &mut dyn Machine) -> Result<u64, Fault> {
        let hi = self.pop(m)? as u32;
        let lo = self.pop(m)? as u32;
        Ok((u64::from(hi) << 32) | u64::from(lo))
    }

    /// Pushes `values`, then the ior of `res` (0 or the error's ior).
    fn push_ior(&mut self, m: &mut dyn Machine, values: &[i32], res: Result<(), FsError>) -> Result<(), Fault> {
        for &v in values {
            self.push(m, v)?;
        }
        self.push(m, res.err().map_or(0, |e| e.ior))
    }

    /// Reads and interprets a file (`INCLUDED`), relative to the including file.
    pub(crate) fn include(&mut self, m: &mut dyn Machine, path: &str) -> Result<(), Fault> {
        self.include_path(m, path, false)
    }

    /// Reads and interprets a file unless it was already (`REQUIRED`).
    pub(crate) fn require(&mut self, m: &mut dyn Machine, path: &str) -> Result<(), Fault> {
        self.include_path(m, path, true)
    }

    /// `INCLUDED`, or `REQUIRED` when `once`.
    fn include_path(&mut self, m: &mut dyn Machine, path: &str, once: bool) -> Result<(), Fault> {
        let including_dir = self.inputs.iter().rev().find_map(|i| match &i.kind {
            SourceKind::File { path, .. } => Some(path.clone()),
            _ => None,
        });
        let mut candidates = Vec::new();
        if let Some(dir) = including_dir.as_deref().and_then(|p| p.rfind('/').map(|i| &p[..i])) {
            if !path.starts_with('/') {
                candidates.push(format!("{dir}/{path}"));
            }
        }
        candidates.push(path.to_string());
        let mut last_err = FsError::no_file("no such file");
        for c in candidates {
            let res = with_files(m, |fs| {
                let handle = fs.open(&c, Access::Read, false)?;
                let text = file_system::read_whole_open(fs, handle);
                match text {
                    Ok(text) => Ok((handle, text)),
                    Err(e) => {
                        let _ = fs.close(handle);
                        Err(e)
                    }
                }
            });
            match res {
                Ok((handle, text)) => {
                    if once && self.files.included.contains(&c) {
                        let _ = with_files(m, |fs| fs.close(handle));
                        return Ok(());
                    }
                    return self.run_opened(m, Opened { path: c, handle, text });
                }
                Err(e) if e.ior == file_system::IOR_NO_FILE => last_err = e,
                Err(e) => {
                    last_err = e;
                    break;
                }
            }
        }
        if last_err.ior == file_system::IOR_NO_FILE {
            if let Some(text) = crate::gforth_library::library_file(path) {
                let key = format!("<gforth library>/{path}");
                if once && self.files.included.contains(&key) {
                    return Ok(());
                }
                self.files.included.insert(key);
                return self.run_file_text(m, path.into(), text.as_bytes().into(), None);
            }
        }
        Err(self.fail_plain(last_err.ior, format!("cannot read {path}: {}", last_err.message)))
    }

    /// Interprets an opened file with its handle as `SOURCE-ID`, then closes it.
    fn run_opened(&mut self, m: &mut dyn Machine, f: Opened) -> Result<(), Fault> {
        self.files.included.insert(f.path.clone());
        let res = self.run_file_text(m, f.path.into(), f.text.into(), Some(f.handle as i32));
        let _ = with_files(m, |fs| fs.close(f.handle));
        res
    }
}

/// An unsigned double as (low, high) cells.
fn split(v: u64) -> (i32, i32) {
    (v as u32 as i32, (v >> 32) as u32 as i32)
}
