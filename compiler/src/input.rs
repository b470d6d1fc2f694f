//! Input sources: files, `EVALUATE` strings, and interactive lines.
//!
//! The input sources form a stack; the top one is being interpreted. Each
//! source's current line has a host copy (for parsing) and a copy in linear
//! memory (for `SOURCE`): file and interactive lines are written into the
//! source-line region, nested sources above their parents; an `EVALUATE`
//! string is used where it already is, as the standard requires.
//!
//! Guarantee: a source only refills when it is on top, so its line may grow
//! into the space above it without overwriting a parent's line.

use std::rc::Rc;

/// What kind of source, with what it needs to refill.
#[derive(Clone, Debug)]
pub enum SourceKind {
    /// A file: its name (for diagnostics and relative includes), its text,
    /// and where the next line starts.
    File {
        /// The path as given.
        path: Rc<str>,
        /// The whole text.
        text: Rc<[u8]>,
        /// Byte offset of the next line.
        next: usize,
    },
    /// A string given to `EVALUATE`: one line, never refilled.
    Evaluate,
    /// A block being `LOAD`ed: one line of 1024 characters; `REFILL`
    /// moves to the next block.
    Block {
        /// The block number (`BLK`).
        blk: u32,
        /// The name used in diagnostics (`<block N>` of the first block).
        name: Rc<str>,
    },
    /// An interactive or command-line line; `REFILL` reads the console.
    Line {
        /// The name used in diagnostics (`-e`, `<repl>`).
        name: Rc<str>,
    },
}

/// One input source.
#[derive(Clone, Debug)]
pub struct Input {
    /// Kind and refill state.
    pub kind: SourceKind,
    /// Host copy of the current line.
    pub line: Vec<u8>,
    /// Address of the current line in linear memory.
    pub addr: u32,
    /// 1-based number of the current line (files) or 1.
    pub line_no: u32,
    /// Byte offset of the current line in the file.
    pub line_start: usize,
    /// `SOURCE-ID`.
    pub source_id: i32,
    /// `>IN` of this source while a nested source runs.
    pub saved_to_in: i32,
    /// Start of the token the outer interpreter is working on, for diagnostics.
    pub tok_start: usize,
}

impl Input {
    /// The name to show in diagnostics, and whether this is a file.
    pub fn display_name(&self) -> Option<&str> {
        match &self.kind {
            SourceKind::File { path, .. } => Some(path),
            SourceKind::Line { name } | SourceKind::Block { name, .. } => Some(name),
            SourceKind::Evaluate => None,
        }
    }

    /// End of this source's line in the source-line region (its children
    /// put their lines above it).
    pub fn region_top(&self, parent_top: u32) -> u32 {
        match self.kind {
            SourceKind::Evaluate => parent_top,
            _ => self.addr + self.line.len() as u32,
        }
    }

    /// The next line of a file and where it starts, advancing; `None` at end.
    pub fn next_file_line(&mut self) -> Option<Vec<u8>> {
        let SourceKind::File { text, next, .. } = &mut self.kind else {
            return None;
        };
        if *next >= text.len() {
            return None;
        }
        let start = *next;
        let end = text[start..].iter().position(|&c| c == b'\n').map_or(text.len(), |p| start + p);
        *next = (end + 1).min(text.len() + 1);
        let mut line = text[start..end].to_vec();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        self.line_start = start;
        self.line_no += 1;
        Some(line)
    }

    /// Repositions a file so that the next line read starts at `start`,
    /// numbered `line_no`.
    pub fn seek_file(&mut self, start: usize, line_no: u32) -> bool {
        match &mut self.kind {
            SourceKind::File { text, next, .. } if start <= text.len() => {
                *next = start;
                self.line_no = line_no.saturating_sub(1);
                true
            }
            _ => false,
        }
    }
}

/// 1-based column of byte offset `at` in `line`, counting UTF-8 characters.
pub fn column(line: &[u8], at: usize) -> u32 {
    let head = &line[..at.min(line.len())];
    // Almost every line is ASCII, where a byte is a character; counting
    // characters decodes the line, once per token.
    if head.is_ascii() {
        return head.len() as u32 + 1;
    }
    String::from_utf8_lossy(head).chars().count() as u32 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Input {
        Input {
            kind: SourceKind::File { path: "t.fs".into(), text: text.as_bytes().into(), next: 0 },
            line: Vec::new(),
            addr: 0,
            line_no: 0,
            line_start: 0,
            source_id: 1,
            saved_to_in: 0,
            tok_start: 0,
        }
    }

    #[test]
    fn lines_are_split_and_numbered() {
        let mut f = file("a\r\nb\n\nc");
        let mut got = Vec::new();
        while let Some(l) = f.next_file_line() {
            got.push((f.line_no, String::from_utf8(l).unwrap()));
        }
        assert_eq!(got, vec![(1, "a".into()), (2, "b".into()), (3, "".into()), (4, "c".into())]);
    }

    #[test]
    fn seek_rereads_a_line() {
        let mut f = file("one\ntwo\n");
        f.next_file_line();
        let (start, no) = (f.line_start, f.line_no);
        f.next_file_line();
        assert!(f.seek_file(start, no));
        assert_eq!(f.next_file_line().unwrap(), b"one");
        assert_eq!(f.line_no, 1);
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(column("éa b".as_bytes(), 4), 4);
        assert_eq!(column(b"abc", 0), 1);
        // An ASCII head counts bytes, whatever follows it; an offset past
        // the end is the end.
        assert_eq!(column("ab é".as_bytes(), 3), 4);
        assert_eq!(column(b"abc", 9), 4);
        // Bytes that are not UTF-8 count as one character each, as the
        // lossy decoding shows them.
        assert_eq!(column(b"a\xffb c", 4), 5);
    }
}
