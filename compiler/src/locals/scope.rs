//! What a local's name compiles to, and which locals are visible where.
//!
//! A value local lives in wasm locals of its function: one for a cell or a
//! char, two for a double or a float (a float as its IEEE bits, so the IR
//! keeps one type of local). An address local (gforth's `W^ D^ F^ C^`)
//! lives in the definition's frame, memory the definition reserves on the
//! return stack at entry and releases at every return, so its address stays
//! valid until the definition returns and every activation has its own.
//!
//! Visibility follows gforth's rules for locals declared inside control
//! structures: where two control flows join (`THEN`, `LOOP`'s exits,
//! `ENDCASE`, `ENDSCOPE`), only the locals visible on both stay visible;
//! after unreachable code (`AHEAD`, `AGAIN`, `EXIT`, `LEAVE`) the flow that
//! joins brings its own list; a `BEGIN` reached only by its back edge sees
//! no locals. A backward branch (`UNTIL`, `AGAIN`, `LOOP`) changes nothing.
//! Lists are compared by their common prefix, which is gforth's common
//! tail of its linked lists: every declaration is a distinct entry.

use crate::ir::LocalId;

/// How a local is stored, and so what its name and `TO` compile to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// A cell in one wasm local (`W:`, and every `{:`, `(LOCAL)`, `LOCALS|` local).
    Cell(LocalId),
    /// A char (`C:`): a cell that keeps only its low 8 bits, as `C!` then `C@` would.
    Char(LocalId),
    /// A double (`D:`): its low cell, then its high cell.
    Double(LocalId, LocalId),
    /// A float (`F:`): the low, then the high cell of its IEEE bits.
    Float(LocalId, LocalId),
    /// Storage in the frame (`W^ D^ F^ C^`): the name pushes its address,
    /// `base + offset`; `kind` says how the declaration initializes it.
    Addr {
        /// The wasm local holding the frame's address.
        base: LocalId,
        /// The offset of the storage in the frame.
        offset: u32,
        /// The type of the storage.
        kind: Kind,
    },
}

/// The four types of gforth's locals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A cell (`W:`, `W^`, or no prefix).
    Cell,
    /// A double cell (`D:`, `D^`).
    Double,
    /// A float (`F:`, `F^`).
    Float,
    /// A char (`C:`, `C^`).
    Char,
}

impl Kind {
    /// Bytes of frame storage, which is also the alignment it gets.
    pub fn size(self) -> u32 {
        match self {
            Kind::Cell => 4,
            Kind::Double | Kind::Float => 8,
            Kind::Char => 1,
        }
    }
}

/// A visible local.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Local {
    /// The name, upper case (lookup ignores case).
    pub name: String,
    /// Where it lives.
    pub access: Access,
}

/// The locals visible where a forward branch leaves, or `None` if the branch
/// is in unreachable code (then it brings nothing to the join).
pub type Origin = Option<Vec<Local>>;

/// How many leading entries `a` and `b` share: the locals still visible
/// where flows that saw `a` and `b` join.
pub fn common_prefix(a: &[Local], b: &[Local]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(name: &str, id: u32) -> Local {
        Local { name: name.into(), access: Access::Cell(LocalId(id)) }
    }

    /// Two branches that each declared a local keep only what came before.
    #[test]
    fn joins_keep_the_shared_prefix() {
        let (a, b, c) = (local("A", 0), local("B", 1), local("C", 2));
        assert_eq!(common_prefix(&[a.clone(), b.clone()], &[a.clone(), c]), 1);
        assert_eq!(common_prefix(std::slice::from_ref(&a), &[a.clone(), b]), 1);
        assert_eq!(common_prefix(&[], &[a]), 0);
    }

    /// Two declarations of one name are different locals.
    #[test]
    fn same_name_different_local_is_not_shared() {
        assert_eq!(common_prefix(&[local("A", 0)], &[local("A", 1)]), 0);
    }
}
