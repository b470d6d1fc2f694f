//! The SEARCH-ORDER word set: word lists, the search order and the
//! compilation word list.
//!
//! A word list id on the stack (a *wid*) is the index of the word list plus
//! one, so no wid is zero; [`FORTH_WORDLIST`] is 1. The minimum search order
//! (`ONLY`, `-1 SET-ORDER`) is FORTH-WORDLIST alone: every word of the
//! system, including `FORTH-WORDLIST` and `SET-ORDER`, is in it. The order
//! holds at most [`MAX_ORDER`] word lists (more is THROW -49; `PREVIOUS` on
//! an empty order is THROW -50). `MARKER` restores the order and the
//! compilation word list it saw.
//!
//! `ORDER` prints the search order, first searched first, then the
//! compilation word list after `current:`; FORTH-WORDLIST is `FORTH` and
//! every other word list `WORDLIST#n` with n its wid.

use crate::dictionary::{WordListId, FORTH_WORDLIST, MAX_ORDER};
use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::machine::{Fault, Machine, MachineExt};

/// THROW code of a search order that would hold too many word lists.
const SEARCH_ORDER_OVERFLOW: i32 = -49;
/// THROW code of `PREVIOUS` on an empty search order.
const SEARCH_ORDER_UNDERFLOW: i32 = -50;

/// The stack value of a word list.
pub(crate) fn wid_cell(wl: WordListId) -> i32 {
    wl as i32 + 1
}

/// How `ORDER` names a word list.
fn word_list_name(wl: WordListId) -> String {
    if wl == FORTH_WORDLIST {
        "FORTH".into()
    } else {
        format!("WORDLIST#{}", wid_cell(wl))
    }
}

impl Forth {
    /// Pops a wid and checks that it names a word list.
    pub(crate) fn pop_wid(&mut self, m: &mut dyn Machine) -> Result<WordListId, Fault> {
        let v = self.pop(m)?;
        match usize::try_from(v).ok().and_then(|v| v.checked_sub(1)) {
            Some(wl) if self.dict.is_word_list(wl) => Ok(wl),
            _ => Err(self.fail(runtime::throw::INVALID_NAME, format!("{v} is not a word list"))),
        }
    }

    fn set_order_checked(&mut self, order: Vec<WordListId>) -> Result<(), Fault> {
        if order.len() > MAX_ORDER {
            return Err(
                self.fail(SEARCH_ORDER_OVERFLOW, format!("the search order holds at most {MAX_ORDER} word lists"))
            );
        }
        self.dict.set_order(order);
        Ok(())
    }

    /// Runs a word of the SEARCH-ORDER word set.
    pub(crate) fn run_search_order(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            ForthWordlist => self.push(m, wid_cell(FORTH_WORDLIST)),
            Wordlist => {
                let wl = self.dict.new_word_list();
                self.push(m, wid_cell(wl))
            }
            GetOrder => {
                let order = self.dict.order().to_vec();
                for &wl in order.iter().rev() {
                    self.push(m, wid_cell(wl))?;
                }
                self.push(m, order.len() as i32)
            }
            SetOrder => {
                let n = self.pop(m)?;
                if n == -1 {
                    return self.set_order_checked(vec![FORTH_WORDLIST]);
                }
                if n < 0 || n as usize > MAX_ORDER {
                    return Err(self.fail(SEARCH_ORDER_OVERFLOW, format!("SET-ORDER of {n} word lists")));
                }
                let mut order = Vec::with_capacity(n as usize);
                for _ in 0..n {
                    order.push(self.pop_wid(m)?);
                }
                self.set_order_checked(order)
            }
            GetCurrent => {
                let wl = self.dict.current();
                self.push(m, wid_cell(wl))
            }
            SetCurrent => {
                let wl = self.pop_wid(m)?;
                self.dict.set_current(wl);
                Ok(())
            }
            SearchWordlist => {
                let wl = self.pop_wid(m)?;
                let u = self.pop(m)?;
                let a = self.pop(m)? as u32;
                let name = m.read_vec(a, u.max(0) as u32)?;
                match self.dict.find_in(&String::from_utf8_lossy(&name), wl) {
                    Some(id) => {
                        let hdr = self.dict.get(id);
                        let (xt, flag) = (hdr.xt, if hdr.immediate { 1 } else { -1 });
                        self.push(m, xt as i32)?;
                        self.push(m, flag)
                    }
                    None => self.push(m, 0),
                }
            }
            Definitions => {
                if let Some(&wl) = self.dict.order().first() {
                    self.dict.set_current(wl);
                }
                Ok(())
            }
            Also => {
                let mut order = self.dict.order().to_vec();
                if let Some(&first) = order.first() {
                    order.insert(0, first);
                }
                self.set_order_checked(order)
            }
            Only => self.set_order_checked(vec![FORTH_WORDLIST]),
            Previous => {
                let mut order = self.dict.order().to_vec();
                if order.is_empty() {
                    return Err(self.fail(SEARCH_ORDER_UNDERFLOW, "the search order is empty"));
                }
                order.remove(0);
                self.set_order_checked(order)
            }
            ForthOrder => {
                let mut order = self.dict.order().to_vec();
                match order.first_mut() {
                    Some(first) => *first = FORTH_WORDLIST,
                    None => order.push(FORTH_WORDLIST),
                }
                self.set_order_checked(order)
            }
            Order => {
                let mut out: Vec<String> = self.dict.order().iter().map(|&wl| word_list_name(wl)).collect();
                out.push(format!("  current: {}\n", word_list_name(self.dict.current())));
                self.out_bytes(m, out.join(" ").as_bytes());
                Ok(())
            }
            _ => Err(Fault::Host(format!("internal error: {} is not a search-order word", h.name()))),
        }
    }
}
