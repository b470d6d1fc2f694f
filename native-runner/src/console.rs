//! The program's console: buffered standard output and standard input.
//!
//! Output is buffered and flushed before any read, so prompts appear before
//! input is awaited. At end of input, `key` and `read_line` return `None`.

use std::io::{BufRead, BufReader, Read, Stdin, Write};

/// Standard input and output, or in-memory buffers for tests.
pub struct Console {
    out: Box<dyn Write>,
    input: BufReader<Box<dyn Read>>,
    /// Input comes from a terminal, where a read may wait for the user.
    interactive: bool,
}

impl Console {
    /// A console over any streams (in-memory buffers for tests and fuzzing).
    pub fn new(out: Box<dyn Write>, input: Box<dyn Read>) -> Self {
        Console { out, input: BufReader::new(input), interactive: false }
    }

    /// The process's standard streams.
    pub fn stdio() -> Self {
        let stdin: Stdin = std::io::stdin();
        Console {
            out: Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout())),
            interactive: std::io::IsTerminal::is_terminal(&stdin),
            input: BufReader::new(Box::new(stdin)),
        }
    }

    /// A console that keeps output in memory (read it from the returned
    /// buffer) and whose input is empty, for benchmarks.
    pub fn capture() -> (Self, Captured) {
        let buf = Captured::default();
        (Console::new(Box::new(buf.clone()), Box::new(std::io::empty())), buf)
    }

    /// Output discarded and input at its end, for tools that run a program
    /// only to inspect it.
    pub fn silent() -> Self {
        Console::new(Box::new(std::io::sink()), Box::new(std::io::empty()))
    }

    /// Writes program output.
    pub fn write(&mut self, bytes: &[u8]) {
        // A closed stdout (a broken pipe) must not crash the runner.
        let _ = self.out.write_all(bytes);
    }

    /// Flushes program output.
    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    /// Whether `key` would return without waiting (`KEY?`): input from a
    /// file or pipe is always ready (a byte or the end); a terminal is
    /// ready while the rest of a line it delivered is buffered (it cannot
    /// be asked about more without waiting).
    pub fn key_ready(&self) -> bool {
        !self.interactive || !self.input.buffer().is_empty()
    }

    /// Whether input comes from a terminal.
    pub fn is_interactive(&self) -> bool {
        self.interactive
    }

    /// Reads one byte.
    pub fn key(&mut self) -> Option<u8> {
        self.flush();
        let mut b = [0u8; 1];
        match self.input.read(&mut b) {
            Ok(1) => Some(b[0]),
            _ => None,
        }
    }

    /// Reads one line without its terminator.
    pub fn read_line(&mut self) -> Option<Vec<u8>> {
        self.flush();
        let mut line = Vec::new();
        match self.input.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => {
                if line.last() == Some(&b'\n') {
                    line.pop();
                }
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                Some(line)
            }
        }
    }
}

/// Output kept in memory by [`Console::capture`].
#[derive(Clone, Default)]
pub struct Captured(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Captured {
    /// Takes what was written so far.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        self.flush();
    }
}
