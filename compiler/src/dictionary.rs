//! The dictionary: word headers, kept by the host.
//!
//! Headers live in Rust, not in linear memory: a header has a name, an xt,
//! flags and a [`Kind`] that tells the compiler how to compile a reference
//! to the word. Lookup is case-insensitive and finds the newest visible
//! definition of a name, so a redefinition shadows the old word while
//! existing callers keep the xt they compiled.
//!
//! Guarantee: an xt maps to at most one header, and [`Dictionary::truncate`]
//! (used by `MARKER`) restores exactly the lookup results of the earlier
//! length.

use std::collections::HashMap;

use crate::host_words::HostWord;
use crate::ir::Xt;
use crate::primitives::Prim;

/// How a word behaves, which decides how references to it compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An inline primitive.
    Prim(Prim),
    /// A word implemented by the host.
    Host(HostWord),
    /// A colon definition (or `:NONAME`).
    Colon,
    /// A `CREATE`d word; its behaviour may still be changed by `DOES>`.
    Created {
        /// The data field address.
        body: u32,
    },
    /// A `CREATE`d word that `DOES>` has given a behaviour.
    Does {
        /// The data field address.
        body: u32,
    },
    /// A `VARIABLE` (or `BUFFER:`): pushes a fixed address.
    Variable {
        /// The data field address.
        body: u32,
    },
    /// A `CONSTANT`: pushes a fixed value.
    Constant {
        /// The value.
        value: i32,
    },
    /// A `VALUE`: pushes the cell at its body, which `TO` changes.
    Value {
        /// The data field address.
        body: u32,
    },
    /// A `2VALUE`: pushes the two cells at its body, which `TO` changes.
    TwoValue {
        /// The data field address.
        body: u32,
    },
    /// An `FCONSTANT`: pushes the float at its body.
    FConstant {
        /// The data field address.
        body: u32,
    },
    /// An `FVALUE`: pushes the float at its body, which `TO` changes.
    FValue {
        /// The data field address.
        body: u32,
    },
    /// A `DEFER`red word: executes the xt stored at its body.
    Defer {
        /// The data field address.
        body: u32,
    },
    /// A `MARKER`: forgets everything defined after it.
    Marker {
        /// Index of the marker's snapshot.
        snapshot: usize,
    },
}

impl Kind {
    /// The data field address, for words that have one.
    pub fn body(&self) -> Option<u32> {
        match *self {
            Kind::Created { body }
            | Kind::Does { body }
            | Kind::Variable { body }
            | Kind::Value { body }
            | Kind::TwoValue { body }
            | Kind::FConstant { body }
            | Kind::FValue { body }
            | Kind::Defer { body } => Some(body),
            _ => None,
        }
    }
}

/// One word's header.
#[derive(Clone, Debug)]
pub struct Header {
    /// The name as defined (case preserved; empty for `:NONAME`).
    pub name: String,
    /// The execution token.
    pub xt: Xt,
    /// Executes in compilation state too.
    pub immediate: bool,
    /// Interpreting it is an error.
    pub compile_only: bool,
    /// Not findable yet (a colon definition before its `;`).
    pub hidden: bool,
    /// How the word behaves.
    pub kind: Kind,
}

/// The set of headers.
#[derive(Default, Debug)]
pub struct Dictionary {
    words: Vec<Header>,
    by_name: HashMap<String, Vec<usize>>,
    by_xt: HashMap<Xt, usize>,
}

/// Index of a header in the dictionary.
pub type WordId = usize;

impl Dictionary {
    /// Adds a header and returns its id. An empty name is not findable.
    pub fn add(&mut self, header: Header) -> WordId {
        let id = self.words.len();
        if !header.name.is_empty() {
            self.by_name.entry(header.name.to_ascii_uppercase()).or_default().push(id);
        }
        self.by_xt.insert(header.xt, id);
        self.words.push(header);
        id
    }

    /// The newest visible word with this name, ignoring case.
    pub fn find(&self, name: &str) -> Option<&Header> {
        let ids = self.by_name.get(&name.to_ascii_uppercase())?;
        ids.iter().rev().map(|&i| &self.words[i]).find(|h| !h.hidden)
    }

    /// The header with this xt.
    pub fn by_xt(&self, xt: Xt) -> Option<&Header> {
        self.by_xt.get(&xt).map(|&i| &self.words[i])
    }

    /// The header with this id.
    pub fn get(&self, id: WordId) -> &Header {
        &self.words[id]
    }

    /// The header with this id, mutably.
    pub fn get_mut(&mut self, id: WordId) -> &mut Header {
        &mut self.words[id]
    }

    /// The number of headers.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are no headers.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Forgets every header from `len` on.
    pub fn truncate(&mut self, len: usize) {
        for h in self.words.drain(len..) {
            self.by_xt.remove(&h.xt);
            if !h.name.is_empty() {
                let key = h.name.to_ascii_uppercase();
                if let Some(ids) = self.by_name.get_mut(&key) {
                    ids.retain(|&i| i < len);
                    if ids.is_empty() {
                        self.by_name.remove(&key);
                    }
                }
            }
        }
    }

    /// Visible names, newest first, each name once.
    pub fn visible_names(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.words
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, h)| !h.hidden && !h.name.is_empty())
            .filter(|(i, h)| {
                self.by_name[&h.name.to_ascii_uppercase()].last() == Some(i) && seen.insert(h.name.to_ascii_uppercase())
            })
            .map(|(_, h)| h.name.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colon(name: &str, xt: Xt) -> Header {
        Header { name: name.into(), xt, immediate: false, compile_only: false, hidden: false, kind: Kind::Colon }
    }

    #[test]
    fn lookup_ignores_case_and_finds_the_newest() {
        let mut d = Dictionary::default();
        d.add(colon("foo", 10));
        d.add(colon("FOO", 11));
        assert_eq!(d.find("Foo").unwrap().xt, 11);
        assert_eq!(d.by_xt(10).unwrap().name, "foo");
    }

    #[test]
    fn hidden_words_are_skipped() {
        let mut d = Dictionary::default();
        d.add(colon("x", 10));
        let id = d.add(colon("x", 11));
        d.get_mut(id).hidden = true;
        assert_eq!(d.find("x").unwrap().xt, 10);
    }

    #[test]
    fn truncate_restores_earlier_lookups() {
        let mut d = Dictionary::default();
        d.add(colon("a", 10));
        let mark = d.len();
        d.add(colon("a", 11));
        d.add(colon("b", 12));
        d.truncate(mark);
        assert_eq!(d.find("a").unwrap().xt, 10);
        assert!(d.find("b").is_none());
        assert!(d.by_xt(12).is_none());
        assert_eq!(d.visible_names(), vec!["a"]);
    }
}
