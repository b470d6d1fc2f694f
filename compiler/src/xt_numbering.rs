//! How execution tokens are numbered: 0 is never valid, primitives come
//! next in table order, then host words, then user definitions from
//! [`first_user_xt`].
//!
//! A leaf module (it needs only the tables of primitives and host words),
//! so that passes can tell what an xt is without importing the kernel.
//! Guarantee: the numbering is a pure function of those two tables.

use crate::host_words::HostWord;
use crate::ir::Xt;
use crate::primitives::Prim;

/// The xt of a primitive.
pub fn prim_xt(p: Prim) -> Xt {
    1 + p as u32
}

/// The xt of a host word.
pub fn host_xt(h: HostWord) -> Xt {
    1 + Prim::ALL.len() as u32 + h as u32
}

/// The first xt given to user definitions.
pub fn first_user_xt() -> Xt {
    1 + (Prim::ALL.len() + HostWord::ALL.len()) as u32
}

/// The host word with this xt, if it is one.
pub fn host_word_of(xt: Xt) -> Option<HostWord> {
    let first = host_xt(HostWord::ALL[0]);
    HostWord::ALL.get(xt.checked_sub(first)? as usize).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranges_follow_each_other() {
        assert_eq!(prim_xt(Prim::ALL[0]), 1);
        let last_prim = prim_xt(*Prim::ALL.last().unwrap());
        assert_eq!(host_xt(HostWord::ALL[0]), last_prim + 1);
        assert_eq!(first_user_xt(), host_xt(*HostWord::ALL.last().unwrap()) + 1);
        for &h in HostWord::ALL.iter() {
            assert_eq!(host_word_of(host_xt(h)), Some(h));
        }
        assert_eq!(host_word_of(last_prim), None);
        assert_eq!(host_word_of(first_user_xt()), None);
        assert_eq!(host_word_of(0), None);
    }
}
