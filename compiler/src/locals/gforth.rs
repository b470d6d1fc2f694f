//! gforth's locals syntax: `{ a b -- c }`, with type prefixes.
//!
//! A group `{ ... }` declares its names in order; the last one takes the
//! top of its stack (the data stack, or the float stack for `F:` and `F^`).
//! Everything from `--` to the next `}` is a comment, and so are `\` and
//! `( ... )` comments inside the group. A name may follow a type prefix:
//! `W:` (a cell, the default), `D:` (a double), `F:` (a float), `C:` (a
//! char, which keeps its low 8 bits), and the address forms `W^ D^ F^ C^`,
//! whose name pushes the address of the local's storage (see
//! [`super::scope`]). `TO` stores into the value forms.
//!
//! As in gforth 0.7.3, `|` is a name like any other here: `{ a | b }`
//! declares three locals, `|` among them, each taken from the stack. (Later
//! gforths read `|` as the start of locals without an initial value; `{:
//! a | b :}` declares those here.)
//!
//! Guarantee: a group outside a definition, without its `}`, with a prefix
//! not followed by a name, or with too many locals is an error with a
//! THROW code, never a panic.

use super::scope::{Access, Kind};
use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::machine::{Fault, Machine};
use runtime::throw;

/// One name of a group.
struct Decl {
    name: String,
    kind: Kind,
    /// Whether the name stands for the local's address (`W^` and the like).
    addr: bool,
}

/// The type prefix `tok`, if it is one: its kind and whether it is an address form.
fn prefix(tok: &str) -> Option<(Kind, bool)> {
    let t = tok.as_bytes();
    if t.len() != 2 || !matches!(t[1], b':' | b'^') {
        return None;
    }
    let kind = match t[0].to_ascii_uppercase() {
        b'W' => Kind::Cell,
        b'D' => Kind::Double,
        b'F' => Kind::Float,
        b'C' => Kind::Char,
        _ => return None,
    };
    Some((kind, t[1] == b'^'))
}

impl Forth {
    /// `{`: parses a group and compiles the initialization of its locals.
    pub(crate) fn gforth_locals(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        self.check_in_definition("{")?;
        let start = self.location();
        let mut decls: Vec<Decl> = Vec::new();
        loop {
            let tok = self.next_local_name(m, start.clone(), "{", "}")?;
            match tok.as_str() {
                "}" => break,
                "--" => {
                    self.skip_outputs(m, start.clone())?;
                    break;
                }
                "\\" => self.run_host(m, HostWord::Backslash)?,
                "(" => {
                    self.skip_comment(m)?;
                }
                _ => {
                    let (kind, addr, name) = match prefix(&tok) {
                        Some((kind, addr)) => {
                            let name = self.next_local_name(m, start.clone(), "{", "}")?;
                            if matches!(name.as_str(), "}" | "--") {
                                let msg = format!("{tok} needs the name of a local before {name}");
                                return Err(self.fail(throw::ZERO_LENGTH_NAME, msg));
                            }
                            (kind, addr, name)
                        }
                        None => (Kind::Cell, false, tok),
                    };
                    decls.push(Decl { name, kind, addr });
                }
            }
        }
        let cells: u32 = decls
            .iter()
            .map(|d| match (d.addr, d.kind) {
                (false, Kind::Double | Kind::Float) => 2,
                (true, k) => k.size().div_ceil(4),
                _ => 1,
            })
            .sum();
        self.check_room(cells)?;
        let def = &mut self.current.as_mut().expect("checked above").def;
        let locals: Vec<Access> = decls
            .iter()
            .map(|d| {
                let access = match (d.addr, d.kind) {
                    (true, kind) => def.new_frame_slot(kind),
                    (false, Kind::Cell) => Access::Cell(def.new_slot()),
                    (false, Kind::Char) => Access::Char(def.new_slot()),
                    (false, Kind::Double) => Access::Double(def.new_slot(), def.new_slot()),
                    (false, Kind::Float) => Access::Float(def.new_slot(), def.new_slot()),
                };
                def.declare(&d.name, access);
                access
            })
            .collect();
        for local in locals.into_iter().rev() {
            self.compile_local_init(local)?;
        }
        Ok(())
    }

    /// Skips the comment after `--`, up to the next `}` (which may end a
    /// word, as gforth parses for the character).
    fn skip_outputs(&mut self, m: &mut dyn Machine, start: Option<crate::error::Location>) -> Result<(), Fault> {
        loop {
            let (_, _, found) = self.parse_delim(m, b'}', false)?;
            if found {
                return Ok(());
            }
            if !self.refill_declaration(m)? {
                return Err(self.unterminated(start, "{", "}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_ignore_case_and_need_both_characters() {
        assert_eq!(prefix("w:"), Some((Kind::Cell, false)));
        assert_eq!(prefix("D^"), Some((Kind::Double, true)));
        assert_eq!(prefix("f:"), Some((Kind::Float, false)));
        assert_eq!(prefix("C^"), Some((Kind::Char, true)));
        assert_eq!(prefix("x:"), None);
        assert_eq!(prefix("W"), None);
        assert_eq!(prefix("W::"), None);
    }
}
