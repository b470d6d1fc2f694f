//! The file-system interface: what the FILE ACCESS and BLOCK words, and
//! `INCLUDED`, ask of the host.
//!
//! The compiler does no I/O of its own. A `Machine` hands out its file
//! system through `Machine::files` (`machine::with_files`); `native-runner` implements
//! [`FileSystem`] over the real file system (paths relative to the current
//! directory, as `OPEN-FILE` in gforth; `INCLUDED` tries the including
//! file's folder first), and `web` over an in-memory map of the editor's
//! files.
//!
//! A file is identified by a [`Handle`], which is the `fileid` Forth code
//! sees; handles are never zero. Every failure is an [`FsError`] whose `ior`
//! is non-zero: [`IOR_NO_FILE`] when a path does not exist, [`IOR_IO`] for
//! everything else (a directory, a permission, a closed handle, a write to a
//! file opened read-only). Implementations must never panic on any path or
//! handle.

/// A file's identifier, as Forth code sees it (`fileid`); never zero.
pub type Handle = u32;

/// The ior of a path that does not exist (THROW -38, non-existent file).
pub const IOR_NO_FILE: i32 = -38;
/// The ior of any other failure (THROW -37, file I/O exception).
pub const IOR_IO: i32 = -37;

/// How a file is opened (`R/O`, `W/O`, `R/W`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Reading only.
    Read,
    /// Writing only.
    Write,
    /// Reading and writing.
    ReadWrite,
}

impl Access {
    /// The access a Forth file access method (`fam`) stands for: bits 0-1
    /// are R/O (0), W/O (1), R/W (2); `BIN` sets bit 2, which changes
    /// nothing here (files are bytes).
    pub fn from_fam(fam: i32) -> Option<Access> {
        match fam & !4 {
            0 => Some(Access::Read),
            1 => Some(Access::Write),
            2 => Some(Access::ReadWrite),
            _ => None,
        }
    }

    /// Whether reading is allowed.
    pub fn reads(self) -> bool {
        self != Access::Write
    }

    /// Whether writing is allowed.
    pub fn writes(self) -> bool {
        self != Access::Read
    }
}

/// A failed file operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FsError {
    /// The non-zero ior Forth code sees.
    pub ior: i32,
    /// What went wrong, for diagnostics (`no such file`, …).
    pub message: String,
}

impl FsError {
    /// An error with ior [`IOR_IO`].
    pub fn io(message: impl Into<String>) -> Self {
        FsError { ior: IOR_IO, message: message.into() }
    }

    /// An error with ior [`IOR_NO_FILE`].
    pub fn no_file(message: impl Into<String>) -> Self {
        FsError { ior: IOR_NO_FILE, message: message.into() }
    }
}

/// The files a Forth system can open.
pub trait FileSystem {
    /// Opens `path`. With `create`, creates the file or truncates it to
    /// zero length first. The position starts at 0.
    fn open(&mut self, path: &str, access: Access, create: bool) -> Result<Handle, FsError>;
    /// Closes a file; the handle is invalid afterwards.
    fn close(&mut self, h: Handle) -> Result<(), FsError>;
    /// Reads up to `buf.len()` bytes at the position and advances it;
    /// returns how many were read (0 at the end of the file).
    fn read(&mut self, h: Handle, buf: &mut [u8]) -> Result<usize, FsError>;
    /// Writes all of `data` at the position and advances it.
    fn write(&mut self, h: Handle, data: &[u8]) -> Result<(), FsError>;
    /// The position.
    fn position(&mut self, h: Handle) -> Result<u64, FsError>;
    /// Sets the position (it may be past the end).
    fn seek(&mut self, h: Handle, pos: u64) -> Result<(), FsError>;
    /// The size in bytes.
    fn size(&mut self, h: Handle) -> Result<u64, FsError>;
    /// Truncates or extends (with zero bytes) to `size` bytes.
    fn resize(&mut self, h: Handle, size: u64) -> Result<(), FsError>;
    /// Writes buffered data out.
    fn flush(&mut self, h: Handle) -> Result<(), FsError>;
    /// Deletes a file.
    fn delete(&mut self, path: &str) -> Result<(), FsError>;
    /// Renames a file.
    fn rename(&mut self, from: &str, to: &str) -> Result<(), FsError>;
    /// Whether a file exists at `path` (`FILE-STATUS`).
    fn exists(&mut self, path: &str) -> bool;
    /// Whether source text of `n` bytes may be interpreted (`INCLUDED`
    /// reads through [`read_whole_open`], which asks as it goes, so an
    /// endless file like `/dev/zero` stops at the limit).
    fn check_source_size(&self, _n: u64) -> Result<(), FsError> {
        Ok(())
    }
}

/// Reads a whole file through `fs`.
pub fn read_whole(fs: &mut dyn FileSystem, path: &str) -> Result<Vec<u8>, FsError> {
    let h = fs.open(path, Access::Read, false)?;
    let res = read_whole_open(fs, h);
    let closed = fs.close(h);
    res.and_then(|text| closed.map(|()| text))
}

/// Reads an open file from its position to its end, within the file
/// system's limit for source text.
pub fn read_whole_open(fs: &mut dyn FileSystem, h: Handle) -> Result<Vec<u8>, FsError> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match fs.read(h, &mut buf)? {
            0 => return Ok(out),
            n => {
                out.extend_from_slice(&buf[..n]);
                fs.check_source_size(out.len() as u64)?;
            }
        }
    }
}

/// `READ-LINE` on any file system: reads at most `max` bytes of the next
/// line into `buf` (which holds at least `max + 2` bytes) and leaves the
/// position after its terminator (LF, or CR LF). Returns the line's length,
/// or `None` at the end of the file.
pub fn read_line(fs: &mut dyn FileSystem, h: Handle, max: usize) -> Result<Option<Vec<u8>>, FsError> {
    let pos = fs.position(h)?;
    let mut buf = vec![0u8; max + 2];
    let mut n = 0;
    while n < buf.len() {
        let got = fs.read(h, &mut buf[n..])?;
        if got == 0 {
            break;
        }
        n += got;
    }
    if n == 0 {
        return Ok(None);
    }
    let data = &buf[..n];
    let (len, consumed) = match data.iter().position(|&c| c == b'\n') {
        Some(i) if i <= max => {
            let len = if i > 0 && data[i - 1] == b'\r' { i - 1 } else { i };
            (len, i + 1)
        }
        _ if n <= max => (n, n),
        // No terminator within `max` bytes (a CR LF that starts at `max`
        // belongs to this line).
        _ if data[max] == b'\r' && data.get(max + 1) == Some(&b'\n') => (max, max + 2),
        _ => (max, max),
    };
    fs.seek(h, pos + consumed as u64)?;
    Ok(Some(data[..len].to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One file in memory, enough to exercise the helpers.
    struct OneFile {
        data: Vec<u8>,
        pos: usize,
        open: bool,
    }

    impl FileSystem for OneFile {
        fn open(&mut self, path: &str, _: Access, _: bool) -> Result<Handle, FsError> {
            if path != "f" {
                return Err(FsError::no_file(path));
            }
            self.open = true;
            self.pos = 0;
            Ok(1)
        }
        fn close(&mut self, _: Handle) -> Result<(), FsError> {
            std::mem::replace(&mut self.open, false).then_some(()).ok_or_else(|| FsError::io("closed"))
        }
        fn read(&mut self, _: Handle, buf: &mut [u8]) -> Result<usize, FsError> {
            // Short reads on purpose: at most 3 bytes at a time.
            let n = buf.len().min(3).min(self.data.len().saturating_sub(self.pos));
            buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
        fn write(&mut self, _: Handle, _: &[u8]) -> Result<(), FsError> {
            Err(FsError::io("read-only"))
        }
        fn position(&mut self, _: Handle) -> Result<u64, FsError> {
            Ok(self.pos as u64)
        }
        fn seek(&mut self, _: Handle, pos: u64) -> Result<(), FsError> {
            self.pos = pos as usize;
            Ok(())
        }
        fn size(&mut self, _: Handle) -> Result<u64, FsError> {
            Ok(self.data.len() as u64)
        }
        fn resize(&mut self, _: Handle, _: u64) -> Result<(), FsError> {
            Err(FsError::io("read-only"))
        }
        fn flush(&mut self, _: Handle) -> Result<(), FsError> {
            Ok(())
        }
        fn delete(&mut self, _: &str) -> Result<(), FsError> {
            Err(FsError::io("read-only"))
        }
        fn rename(&mut self, _: &str, _: &str) -> Result<(), FsError> {
            Err(FsError::io("read-only"))
        }
        fn exists(&mut self, path: &str) -> bool {
            path == "f"
        }
    }

    fn file(text: &[u8]) -> OneFile {
        OneFile { data: text.to_vec(), pos: 0, open: false }
    }

    fn lines(text: &[u8], max: usize) -> Vec<Vec<u8>> {
        let mut fs = file(text);
        let h = fs.open("f", Access::Read, false).unwrap();
        std::iter::from_fn(|| read_line(&mut fs, h, max).unwrap()).collect()
    }

    #[test]
    fn read_line_strips_lf_and_crlf_across_short_reads() {
        assert_eq!(lines(b"ab\r\ncd\n\nlast", 80), vec![b"ab".to_vec(), b"cd".to_vec(), vec![], b"last".to_vec()]);
    }

    #[test]
    fn read_line_splits_lines_longer_than_the_buffer() {
        assert_eq!(lines(b"abcdef\n", 4), vec![b"abcd".to_vec(), b"ef".to_vec()]);
        // A CR LF right after the last character that fits ends that line.
        assert_eq!(lines(b"abcd\r\nx", 4), vec![b"abcd".to_vec(), b"x".to_vec()]);
        assert_eq!(lines(b"abcd\nx", 4), vec![b"abcd".to_vec(), b"x".to_vec()]);
    }

    #[test]
    fn read_whole_closes_and_reports_missing_files() {
        let mut fs = file(b"0123456789");
        assert_eq!(read_whole(&mut fs, "f").unwrap(), b"0123456789");
        assert!(!fs.open);
        assert_eq!(read_whole(&mut fs, "g").unwrap_err().ior, IOR_NO_FILE);
    }

    #[test]
    fn file_access_methods() {
        assert_eq!(Access::from_fam(0), Some(Access::Read));
        assert_eq!(Access::from_fam(1 | 4), Some(Access::Write));
        assert_eq!(Access::from_fam(2), Some(Access::ReadWrite));
        assert_eq!(Access::from_fam(3), None);
    }
}
