//! The real file system behind the FILE ACCESS and BLOCK words and
//! `INCLUDED` (`compiler::file_system::FileSystem` over `std::fs`).
//!
//! Paths are used as given: relative paths are relative to the current
//! directory (`INCLUDED` itself tries the including file's folder first).
//! Handles start at 1 and are not reused within a run.
//!
//! [`NativeFs::disable`] turns every operation into an error, for runs of
//! untrusted input that must not touch the disk (the fuzz targets).
//!
//! Guarantees: no path or handle makes it panic; opening a directory, a
//! missing file or a file without permission, using a closed handle, and
//! writing a file opened read-only all give an error with a non-zero ior
//! (-38 for a missing file, -37 otherwise) and the operating system's
//! message.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};

use compiler::file_system::{Access, FileSystem, FsError, Handle};

/// One open file.
struct Open {
    file: File,
    access: Access,
}

/// The open files of a run.
pub struct NativeFs {
    open: HashMap<Handle, Open>,
    next: Handle,
    /// The largest source file `INCLUDED` may interpret (`--max-input`).
    max_source: u64,
    /// Off: every operation fails (for runs of untrusted input, such as
    /// the fuzz targets, which must not touch the disk).
    enabled: bool,
}

fn os_error(e: std::io::Error) -> FsError {
    if e.kind() == std::io::ErrorKind::NotFound {
        FsError::no_file(e.to_string())
    } else {
        FsError::io(e.to_string())
    }
}

impl NativeFs {
    /// No open files; source files of at most `max_source` bytes.
    pub fn new(max_source: u64) -> Self {
        NativeFs { open: HashMap::new(), next: 0, max_source, enabled: true }
    }

    /// Makes every later operation fail with ior -37.
    pub fn disable(&mut self) {
        self.enabled = false;
        self.open.clear();
    }

    /// Sets the largest source file `INCLUDED` may interpret.
    pub fn set_max_source_bytes(&mut self, n: u64) {
        self.max_source = n;
    }

    fn get(&mut self, h: Handle) -> Result<&mut Open, FsError> {
        self.open.get_mut(&h).ok_or_else(|| FsError::io(format!("{h} is not an open file")))
    }
}

impl FileSystem for NativeFs {
    fn open(&mut self, path: &str, access: Access, create: bool) -> Result<Handle, FsError> {
        if !self.enabled {
            return Err(FsError::io("file access is disabled"));
        }
        if std::path::Path::new(path).is_dir() {
            return Err(FsError::io(format!("{path} is a directory")));
        }
        let mut opts = OpenOptions::new();
        opts.read(access.reads()).write(access.writes() || create);
        if create {
            opts.create(true).truncate(true);
        }
        let file = opts.open(path).map_err(os_error)?;
        self.next += 1;
        self.open.insert(self.next, Open { file, access });
        Ok(self.next)
    }

    fn close(&mut self, h: Handle) -> Result<(), FsError> {
        self.open.remove(&h).map(|_| ()).ok_or_else(|| FsError::io(format!("{h} is not an open file")))
    }

    fn read(&mut self, h: Handle, buf: &mut [u8]) -> Result<usize, FsError> {
        let f = self.get(h)?;
        if !f.access.reads() {
            return Err(FsError::io("the file is open for writing only"));
        }
        f.file.read(buf).map_err(os_error)
    }

    fn write(&mut self, h: Handle, data: &[u8]) -> Result<(), FsError> {
        let f = self.get(h)?;
        if !f.access.writes() {
            return Err(FsError::io("the file is open for reading only"));
        }
        f.file.write_all(data).map_err(os_error)
    }

    fn position(&mut self, h: Handle) -> Result<u64, FsError> {
        self.get(h)?.file.stream_position().map_err(os_error)
    }

    fn seek(&mut self, h: Handle, pos: u64) -> Result<(), FsError> {
        self.get(h)?.file.seek(SeekFrom::Start(pos)).map(|_| ()).map_err(os_error)
    }

    fn size(&mut self, h: Handle) -> Result<u64, FsError> {
        self.get(h)?.file.metadata().map(|m| m.len()).map_err(os_error)
    }

    fn resize(&mut self, h: Handle, size: u64) -> Result<(), FsError> {
        let f = self.get(h)?;
        if !f.access.writes() {
            return Err(FsError::io("the file is open for reading only"));
        }
        f.file.set_len(size).map_err(os_error)
    }

    fn flush(&mut self, h: Handle) -> Result<(), FsError> {
        self.get(h)?.file.flush().map_err(os_error)
    }

    fn delete(&mut self, path: &str) -> Result<(), FsError> {
        if !self.enabled {
            return Err(FsError::io("file access is disabled"));
        }
        std::fs::remove_file(path).map_err(os_error)
    }

    fn rename(&mut self, from: &str, to: &str) -> Result<(), FsError> {
        if !self.enabled {
            return Err(FsError::io("file access is disabled"));
        }
        std::fs::rename(from, to).map_err(os_error)
    }

    fn exists(&mut self, path: &str) -> bool {
        self.enabled && std::path::Path::new(path).exists()
    }

    fn check_source_size(&self, n: u64) -> Result<(), FsError> {
        if n > self.max_source {
            return Err(FsError::io(format!(
                "larger than the input limit of {} bytes (see --max-input)",
                self.max_source
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_round_trip_and_errors_have_iors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let p = path.to_str().unwrap();
        let mut fs = NativeFs::new(1 << 20);
        let h = fs.open(p, Access::ReadWrite, true).unwrap();
        fs.write(h, b"hello\nworld\n").unwrap();
        fs.seek(h, 0).unwrap();
        assert_eq!(compiler::file_system::read_line(&mut fs, h, 80).unwrap().unwrap(), b"hello");
        assert_eq!(fs.position(h).unwrap(), 6);
        assert_eq!(fs.size(h).unwrap(), 12);
        fs.close(h).unwrap();
        assert_eq!(fs.close(h).unwrap_err().ior, -37);
        assert_eq!(fs.open(&format!("{p}.missing"), Access::Read, false).unwrap_err().ior, -38);
        assert_eq!(fs.open(dir.path().to_str().unwrap(), Access::Read, false).unwrap_err().ior, -37);
        let r = fs.open(p, Access::Read, false).unwrap();
        assert_eq!(fs.write(r, b"x").unwrap_err().ior, -37);
        fs.disable();
        assert_eq!(fs.read(r, &mut [0; 4]).unwrap_err().ior, -37);
        assert_eq!(fs.open(p, Access::Read, false).unwrap_err().ior, -37);
        assert_eq!(fs.delete(p).unwrap_err().ior, -37);
        assert!(!fs.exists(p) && path.exists());
    }
}
