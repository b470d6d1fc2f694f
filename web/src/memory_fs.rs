//! An in-memory file system for the browser: the editor's files, as the
//! FILE ACCESS and BLOCK words and `INCLUDED` see them
//! (`compiler::file_system::FileSystem` over a map from path to bytes).
//!
//! Paths are normalized before use: a leading `./` is dropped and `a/./b`
//! and `a/x/../b` become `a/b`, so `INCLUDED` relative to an including file
//! finds the same entry as the bare name. There are no directories: a path
//! names a file or nothing. Handles start at 1 and are not reused.
//!
//! Guarantees: no path or handle makes it panic; a missing file gives ior
//! -38, any other failure (a closed handle, a write to a file opened
//! read-only, an empty path) ior -37; writes are visible to later opens at
//! once (there is no buffering); a file deleted while open comes back,
//! empty, at the next use of its handle.

use std::collections::HashMap;

use compiler::file_system::{Access, FileSystem, FsError, Handle};

struct Open {
    path: String,
    pos: u64,
    access: Access,
}

/// The largest file the playground holds.
const MAX_FILE: usize = 64 << 20;

/// Files by normalized path, and the open handles.
pub struct MemoryFs {
    files: HashMap<String, Vec<u8>>,
    open: HashMap<Handle, Open>,
    next: Handle,
    /// The largest source text `INCLUDED` interprets (`--max-input`).
    pub max_source: u64,
}

impl Default for MemoryFs {
    fn default() -> Self {
        MemoryFs {
            files: HashMap::new(),
            open: HashMap::new(),
            next: 0,
            max_source: compiler::Limits::default().max_input_bytes(),
        }
    }
}

/// The error for source text over the limit: the native runner's words.
pub fn too_large(max: u64) -> String {
    format!("larger than the input limit of {max} bytes (see --max-input)")
}

/// The path as a key: no `./`, no `..`, no empty segments.
pub fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

impl MemoryFs {
    /// Adds or replaces a file.
    pub fn insert(&mut self, path: &str, bytes: Vec<u8>) {
        self.files.insert(normalize(path), bytes);
    }

    /// The bytes of a file, if it exists.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(&normalize(path)).map(Vec::as_slice)
    }

    fn handle(&mut self, h: Handle) -> Result<&mut Open, FsError> {
        self.open.get_mut(&h).ok_or_else(|| FsError::io(format!("{h} is not an open file")))
    }

    /// The open file and its bytes; a file deleted while open is made again,
    /// empty, by the next use of its handle.
    fn file(&mut self, h: Handle) -> Result<(&mut Open, &mut Vec<u8>), FsError> {
        let open = self.open.get_mut(&h).ok_or_else(|| FsError::io(format!("{h} is not an open file")))?;
        let data = self.files.entry(open.path.clone()).or_default();
        Ok((open, data))
    }
}

impl FileSystem for MemoryFs {
    fn open(&mut self, path: &str, access: Access, create: bool) -> Result<Handle, FsError> {
        let key = normalize(path);
        if key.is_empty() {
            return Err(FsError::io(format!("'{path}' is not a file name")));
        }
        if create {
            self.files.insert(key.clone(), Vec::new());
        } else if !self.files.contains_key(&key) {
            return Err(FsError::no_file(format!("{path}: no such file in the playground")));
        }
        self.next += 1;
        self.open.insert(self.next, Open { path: key, pos: 0, access });
        Ok(self.next)
    }

    fn close(&mut self, h: Handle) -> Result<(), FsError> {
        self.open.remove(&h).map(|_| ()).ok_or_else(|| FsError::io(format!("{h} is not an open file")))
    }

    fn read(&mut self, h: Handle, buf: &mut [u8]) -> Result<usize, FsError> {
        let (open, data) = self.file(h)?;
        if !open.access.reads() {
            return Err(FsError::io("the file is open for writing only"));
        }
        let start = usize::try_from(open.pos).unwrap_or(usize::MAX).min(data.len());
        let n = buf.len().min(data.len() - start);
        buf[..n].copy_from_slice(&data[start..start + n]);
        open.pos = (start + n) as u64;
        Ok(n)
    }

    fn write(&mut self, h: Handle, bytes: &[u8]) -> Result<(), FsError> {
        let (open, data) = self.file(h)?;
        if !open.access.writes() {
            return Err(FsError::io("the file is open for reading only"));
        }
        let start = usize::try_from(open.pos).map_err(|_| FsError::io("position too large"))?;
        let end = start.checked_add(bytes.len()).filter(|&e| e <= MAX_FILE);
        let end = end.ok_or_else(|| FsError::io("files in the playground are at most 64 MiB"))?;
        if data.len() < end {
            data.resize(end, 0);
        }
        data[start..end].copy_from_slice(bytes);
        open.pos = end as u64;
        Ok(())
    }

    fn position(&mut self, h: Handle) -> Result<u64, FsError> {
        Ok(self.handle(h)?.pos)
    }

    fn seek(&mut self, h: Handle, pos: u64) -> Result<(), FsError> {
        self.handle(h)?.pos = pos;
        Ok(())
    }

    fn size(&mut self, h: Handle) -> Result<u64, FsError> {
        let (_, data) = self.file(h)?;
        Ok(data.len() as u64)
    }

    fn resize(&mut self, h: Handle, size: u64) -> Result<(), FsError> {
        let (open, data) = self.file(h)?;
        if !open.access.writes() {
            return Err(FsError::io("the file is open for reading only"));
        }
        let size = usize::try_from(size).ok().filter(|&s| s <= MAX_FILE);
        let size = size.ok_or_else(|| FsError::io("files in the playground are at most 64 MiB"))?;
        data.resize(size, 0);
        Ok(())
    }

    fn flush(&mut self, h: Handle) -> Result<(), FsError> {
        self.handle(h).map(|_| ())
    }

    fn delete(&mut self, path: &str) -> Result<(), FsError> {
        self.files
            .remove(&normalize(path))
            .map(|_| ())
            .ok_or_else(|| FsError::no_file(format!("{path}: no such file in the playground")))
    }

    fn rename(&mut self, from: &str, to: &str) -> Result<(), FsError> {
        let data = self
            .files
            .remove(&normalize(from))
            .ok_or_else(|| FsError::no_file(format!("{from}: no such file in the playground")))?;
        self.files.insert(normalize(to), data);
        Ok(())
    }

    fn check_source_size(&self, n: u64) -> Result<(), FsError> {
        if n > self.max_source {
            return Err(FsError::io(too_large(self.max_source)));
        }
        Ok(())
    }

    fn exists(&mut self, path: &str) -> bool {
        self.files.contains_key(&normalize(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalized() {
        assert_eq!(normalize("./a/./b/../c.fs"), "a/c.fs");
        assert_eq!(normalize("lib.fs"), "lib.fs");
    }

    #[test]
    fn write_read_resize_and_errors() {
        let mut fs = MemoryFs::default();
        let h = fs.open("x.txt", Access::ReadWrite, true).unwrap();
        fs.write(h, b"one\r\ntwo").unwrap();
        fs.seek(h, 0).unwrap();
        assert_eq!(compiler::file_system::read_line(&mut fs, h, 10).unwrap().unwrap(), b"one");
        assert_eq!(compiler::file_system::read_line(&mut fs, h, 10).unwrap().unwrap(), b"two");
        assert_eq!(compiler::file_system::read_line(&mut fs, h, 10).unwrap(), None);
        fs.resize(h, 2).unwrap();
        assert_eq!(fs.size(h).unwrap(), 2);
        fs.seek(h, 4).unwrap();
        fs.write(h, b"z").unwrap();
        assert_eq!(fs.get("./x.txt").unwrap(), b"on\0\0z");
        fs.close(h).unwrap();
        assert_eq!(fs.read(h, &mut [0; 4]).unwrap_err().ior, -37);
        assert_eq!(fs.open("nope", Access::Read, false).unwrap_err().ior, -38);
        let r = fs.open("x.txt", Access::Read, false).unwrap();
        assert_eq!(fs.write(r, b"no").unwrap_err().ior, -37);
        fs.rename("x.txt", "y.txt").unwrap();
        assert!(fs.exists("y.txt") && !fs.exists("x.txt"));
        assert_eq!(fs.delete("x.txt").unwrap_err().ior, -38);
    }
}
