//! The program's command line, as gforth 0.7.3 gives it: `ARGC` and `ARGV`
//! (variables in `gforth/words.fs`, with `ARG`, `SHIFT-ARGS` and
//! `NEXT-ARG`), which a host fills with [`Forth::set_args`] and consumes
//! with [`Forth::next_arg`].
//!
//! The compiler does no I/O, so the host hands over the arguments. A host
//! that has none (the browser) calls nothing: `ARGC` is then 1 and `0 ARG`
//! is the fixed name `fastforth`. A host with a command line calls
//! `set_args` once after boot, with the program's name first and then the
//! arguments it has not consumed itself, and then loads what is left the
//! way gforth does: it takes each argument with `next_arg`, so that a file
//! that takes the arguments after it with `NEXT-ARG` keeps them from being
//! loaded.
//!
//! Guarantees: the arguments live as gforth's do, outside the dictionary:
//! one `ALLOCATE`d block holds the array of `argc` pointers, a null
//! pointer, and the zero-terminated strings. The host reaches the variables
//! and `NEXT-ARG` as they were at boot, whatever the program redefines.

use runtime::throw;

use crate::dictionary::Kind;
use crate::interpreter::Forth;
use crate::ir::Xt;
use crate::machine::{Fault, Machine, MachineExt};
use crate::Stop;

/// Where the command-line words of the prelude live.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct CommandLine {
    argc: u32,
    argv: u32,
    next_arg: Xt,
}

impl CommandLine {
    /// Finds the prelude's `ARGC`, `ARGV` and `NEXT-ARG` (at the end of boot).
    pub(crate) fn find(f: &Forth) -> Option<CommandLine> {
        let variable = |name: &str| match f.dict.find(name).map(|h| &h.kind) {
            Some(Kind::Variable { body }) => Some(*body),
            _ => None,
        };
        Some(CommandLine { argc: variable("ARGC")?, argv: variable("ARGV")?, next_arg: f.dict.find("NEXT-ARG")?.xt })
    }
}

/// The block `set_args` allocates: the pointer array, then the strings.
fn layout(base: u32, args: &[&[u8]]) -> Vec<u8> {
    let strings_at = base + 4 * (args.len() as u32 + 1);
    let mut pointers = Vec::with_capacity(4 * (args.len() + 1));
    let mut strings = Vec::new();
    for a in args {
        pointers.extend_from_slice(&(strings_at + strings.len() as u32).to_le_bytes());
        strings.extend_from_slice(a);
        strings.push(0);
    }
    pointers.extend_from_slice(&0u32.to_le_bytes());
    pointers.extend(strings);
    pointers
}

impl Forth {
    /// Gives the program its command line: `args[0]` becomes `0 ARG`.
    /// A C string ends at its first zero byte, so an argument holding one
    /// is cut there, as in gforth. An error if the system was not booted
    /// from source (an image has no command-line words) or the heap
    /// cannot hold the arguments.
    pub fn set_args(&mut self, m: &mut dyn Machine, args: &[&[u8]]) -> Result<(), Stop> {
        let Some(cl) = self.gforth.command_line else {
            return Err(Stop::Error(crate::Diagnostic::new("this system has no command-line words")));
        };
        let mut out = Ok(());
        self.top(m, |f, m| {
            let size = layout(0, args).len() as u32;
            let Some(base) = f.allocate(m, size)? else {
                out = Err(format!("the command line ({size} bytes) does not fit in the heap"));
                return Ok(());
            };
            m.write(base, &layout(base, args))?;
            m.write_cell(cl.argc, args.len() as i32)?;
            m.write_cell(cl.argv, base as i32)
        })?;
        out.map_err(|e| Stop::Error(crate::Diagnostic::new(e)))
    }

    /// Takes the next argument (`1 ARG`) off the command line, as
    /// `NEXT-ARG` does; `None` once only `0 ARG` is left.
    pub fn next_arg(&mut self, m: &mut dyn Machine) -> Result<Option<Vec<u8>>, Stop> {
        let Some(cl) = self.gforth.command_line else { return Ok(None) };
        let mut out = None;
        self.top(m, |f, m| {
            if m.read_cell(cl.argc)? < 2 {
                return Ok(());
            }
            f.execute(m, cl.next_arg)?;
            let len = f.pop(m)?;
            let at = f.pop(m)?;
            let len = u32::try_from(len).map_err(|_| Fault::Throw(throw::INVALID_ADDRESS))?;
            out = Some(m.read_vec(at as u32, len)?);
            Ok(())
        })?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_a_c_argv() {
        let block = layout(100, &[b"prog", b"", b"x"]);
        let cell = |i: usize| u32::from_le_bytes(block[4 * i..4 * i + 4].try_into().unwrap());
        // Three pointers and a null pointer, then "prog\0", "\0" and "x\0".
        assert_eq!([cell(0), cell(1), cell(2), cell(3)], [116, 121, 122, 0]);
        assert_eq!(&block[16..], b"prog\0\0x\0");
    }

    #[test]
    fn no_arguments_is_just_the_null_pointer() {
        assert_eq!(layout(8, &[]), vec![0, 0, 0, 0]);
    }
}
