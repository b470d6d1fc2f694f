//! The SEARCH-ORDER word set: word lists, the search order and the
//! compilation word list.
//!
//! A word list id on the stack (a *wid*) is the index of the word list plus
//! one, so no wid is zero; [`FORTH_WORDLIST`] is 1 and gforth's Root 2. As
//! in gforth 0.7.3, the search order starts as `Forth Forth Root`, and the
//! minimum search order (`ONLY`, `-1 SET-ORDER`) is `Root Root`: Root holds
//! only `order set-order forth-wordlist Forth words`, which is enough to get
//! back to FORTH and what the standard requires of the minimum order. The
//! order holds at most [`MAX_ORDER`] word lists (more is THROW -49;
//! `PREVIOUS` on an empty order is THROW -50). `MARKER` restores the order
//! and the compilation word list it saw.
//!
//! The output formats are gforth's. `.VOC` prints a word list's name and a
//! space: `Forth`, `Root`, the name of a `VOCABULARY`, or the name of a
//! `CONSTANT` made right after `WORDLIST` with its wid (`WORDLIST CONSTANT
//! NAME`), and `???` for any other (`(NAMES-WORDLIST)` is how
//! `VOCABULARY` gives its word list its name). `ORDER` prints the `.VOC` of each word
//! list of the order, first searched first, four spaces, and the `.VOC` of
//! the compilation word list. `VOCS` prints every word list, newest first.
//! `WORDS` starts a new line and prints every name of the first word list of
//! the order, newest first (shadowed ones too), each followed by a space,
//! starting a new line before a name that would reach the 80th column
//! (counting two columns after each name, as gforth does).

use crate::dictionary::{Header, Kind, WordListId, FORTH_WORDLIST, MAX_ORDER, MINIMUM_ORDER, ROOT_WORDLIST};
use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::machine::{Fault, Machine, MachineExt};
use runtime::throw;

/// THROW code of a search order that would hold too many word lists.
const SEARCH_ORDER_OVERFLOW: i32 = -49;
/// THROW code of `PREVIOUS` on an empty search order.
const SEARCH_ORDER_UNDERFLOW: i32 = -50;

/// The stack value of a word list.
pub(crate) fn wid_cell(wl: WordListId) -> i32 {
    wl as i32 + 1
}

/// The width `WORDS` fills, gforth's `COLS` without a terminal.
const COLUMNS: usize = 80;

/// Root's words, as gforth spells them, oldest first (`WORDS` shows them
/// newest first).
const ROOT_WORDS: [(&str, HostWord); 5] = [
    ("words", HostWord::Words),
    ("Forth", HostWord::ForthOrder),
    ("forth-wordlist", HostWord::ForthWordlist),
    ("set-order", HostWord::SetOrder),
    ("order", HostWord::Order),
];

/// `WORDS`'s text for these names: gforth's line breaking.
fn words_text(names: &[&str]) -> String {
    let mut out = String::from("\n");
    let mut col = 0;
    for name in names {
        let width = name.len() + 2;
        if col + width >= COLUMNS {
            out.push('\n');
            col = 0;
        }
        out.push_str(name);
        out.push(' ');
        col += width;
    }
    out
}

impl Forth {
    /// Adds Root's words (the same words as FORTH's of those names).
    pub(crate) fn add_root_words(&mut self) {
        let current = self.dict.current();
        self.dict.set_current(ROOT_WORDLIST);
        for (name, h) in ROOT_WORDS {
            let fl = h.flags();
            self.dict.add(Header {
                name: name.into(),
                xt: crate::kernel::host_xt(h),
                immediate: fl.immediate,
                compile_only: fl.compile_only,
                hidden: false,
                kind: Kind::Host(h),
            });
        }
        self.dict.set_current(current);
    }

    /// The name `.VOC` prints for a word list, without the space.
    fn voc_name(&self, wl: WordListId) -> String {
        match wl {
            FORTH_WORDLIST => return "Forth".into(),
            ROOT_WORDLIST => return "Root".into(),
            _ => {}
        }
        if let Some(id) = self.dict.named_by(wl) {
            return self.dict.get(id).name.clone();
        }
        match self.dict.header_after(wl).map(|id| self.dict.get(id)) {
            Some(hdr) if hdr.kind == (Kind::Constant { value: wid_cell(wl) }) && !hdr.name.is_empty() => {
                hdr.name.clone()
            }
            _ => "???".into(),
        }
    }

    /// `.VOC` of each word list, then a space after each.
    fn vocs_text(&self, lists: impl IntoIterator<Item = WordListId>) -> String {
        lists.into_iter().map(|wl| self.voc_name(wl) + " ").collect()
    }

    /// What `WORDS` prints.
    pub(crate) fn words_text(&self) -> String {
        words_text(&self.dict.top_names())
    }

    /// Pops a wid and checks that it names a word list.
    pub(crate) fn pop_wid(&mut self, m: &mut dyn Machine) -> Result<WordListId, Fault> {
        let v = self.pop(m)?;
        match usize::try_from(v).ok().and_then(|v| v.checked_sub(1)) {
            Some(wl) if self.dict.is_word_list(wl) => Ok(wl),
            _ => Err(self.fail(throw::INVALID_NAME, format!("{v} is not a word list"))),
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

    /// What a vocabulary does: replaces the first word list of the order
    /// (or makes it the order's only one if the order is empty).
    fn replace_first(&mut self, wl: WordListId) -> Result<(), Fault> {
        let mut order = self.dict.order().to_vec();
        match order.first_mut() {
            Some(first) => *first = wl,
            None => order.push(wl),
        }
        self.set_order_checked(order)
    }

    /// Runs a word of the SEARCH-ORDER word set.
    pub(crate) fn run_search_order(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            ForthWordlist => self.push(m, wid_cell(FORTH_WORDLIST)),
            Wordlist | Table => {
                let wl = self.dict.new_word_list(h == Table);
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
                    return self.set_order_checked(MINIMUM_ORDER.to_vec());
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
            Only => self.set_order_checked(MINIMUM_ORDER.to_vec()),
            Previous => {
                let mut order = self.dict.order().to_vec();
                if order.is_empty() {
                    return Err(self.fail(SEARCH_ORDER_UNDERFLOW, "the search order is empty"));
                }
                order.remove(0);
                self.set_order_checked(order)
            }
            ForthOrder => self.replace_first(FORTH_WORDLIST),
            RootOrder => self.replace_first(ROOT_WORDLIST),
            Order => {
                let order = self.dict.order().to_vec();
                let mut out = self.vocs_text(order);
                out.push_str("    ");
                out.push_str(&self.vocs_text([self.dict.current()]));
                self.display(m, out.as_bytes())
            }
            Vocs => {
                let out = self.vocs_text((0..self.dict.word_lists()).rev());
                self.display(m, out.as_bytes())
            }
            NamesWordlist => {
                let wl = self.pop_wid(m)?;
                match self.latest {
                    Some(id) => self.dict.name_word_list(wl, id),
                    None => return Err(self.fail(throw::INVALID_NAME, "no word to name the word list")),
                }
                Ok(())
            }
            DotVoc => {
                let wl = self.pop_wid(m)?;
                let out = self.vocs_text([wl]);
                self.display(m, out.as_bytes())
            }
            _ => Err(Fault::Host(format!("internal error: {} is not a search-order word", h.name()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_breaks_lines_as_gforth_does() {
        assert_eq!(words_text(&[]), "\n");
        assert_eq!(words_text(&["yy", "xx"]), "\nyy xx ");
        let long = "a".repeat(78);
        assert_eq!(words_text(&["y", &long, "b"]), format!("\ny \n{long} \nb "));
        let ten = ["c123456789"; 7];
        assert_eq!(words_text(&ten), format!("\n{}\nc123456789 ", "c123456789 ".repeat(6)));
    }
}
