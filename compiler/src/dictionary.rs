//! The dictionary: word headers in word lists, kept by the host.
//!
//! Headers live in Rust, not in linear memory: a header has a name, an xt,
//! flags and a [`Kind`] that tells the compiler how to compile a reference
//! to the word. Every header belongs to one word list (the compilation word
//! list when it was added); each word list has its own hash table from the
//! upper-cased name to its headers, so a lookup costs one hash probe per
//! word list in the search order. Lookup is case-insensitive and finds the
//! newest visible definition of a name in the first word list of the search
//! order that has one, so a redefinition shadows the old word while existing
//! callers keep the xt they compiled.
//!
//! The system starts with two word lists, FORTH and gforth's Root, and
//! gforth 0.7.3's search order `Forth Forth Root`.
//!
//! Guarantees: [`Dictionary::by_xt`] gives the first header made for an xt
//! (a `SYNONYM` shares its xt but never replaces it), and
//! [`Dictionary::truncate`] (used by `MARKER`) restores exactly the lookup
//! results of the earlier length in every word list.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::host_words::HostWord;
use crate::ir::Xt;
use crate::primitives::Prim;

/// How a word behaves, which decides how references to it compile.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// gforth's `INTERPRET/COMPILE:`: the header's xt gives the
    /// interpretation semantics; compiling executes `comp`.
    InterpCompile {
        /// The xt of the compilation semantics.
        comp: Xt,
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
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
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

/// The dictionary's hash tables. The outer interpreter looks up every
/// token it reads, so their keys (short names, xts) are hashed with
/// [`NameHasher`] rather than the default SipHash, which is made to resist
/// chosen keys at several times the cost; a program that chooses its names
/// to collide only slows its own loading.
type NameMap<K, V> = StdHashMap<K, V, BuildHasherDefault<NameHasher>>;

/// A multiply-rotate hash (the one rustc uses for its own tables, "FxHash"):
/// each word of the input is mixed in with one rotate, xor and multiply.
#[derive(Clone, Copy, Debug, Default)]
struct NameHasher(u64);

impl NameHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(tail) ^ ((rest.len() as u64) << 56));
    }

    fn write_u8(&mut self, v: u8) {
        self.add(u64::from(v));
    }

    fn write_u32(&mut self, v: u32) {
        self.add(u64::from(v));
    }

    fn write_usize(&mut self, v: usize) {
        self.add(v as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// One word list: the headers of each upper-cased name (each name as
/// written, in a case-sensitive list), oldest first.
#[derive(Clone, Default, Debug, serde::Serialize, serde::Deserialize)]
struct WordList {
    by_name: NameMap<String, Vec<WordId>>,
    /// gforth's `TABLE`: names are found only as written.
    case_sensitive: bool,
    /// How many headers there were when it was made: the next header made
    /// may name it (`WORDLIST CONSTANT NAME`).
    made_at: usize,
    /// The header that names it (a `VOCABULARY`).
    named_by: Option<WordId>,
}

impl WordList {
    /// The key a name is filed under in this list.
    fn key<'a>(&self, name: &'a str) -> std::borrow::Cow<'a, str> {
        if self.case_sensitive {
            std::borrow::Cow::Borrowed(name)
        } else {
            std::borrow::Cow::Owned(name.to_ascii_uppercase())
        }
    }
}

/// The set of headers, its word lists and the search order.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Dictionary {
    words: Vec<Header>,
    /// The word list of each header.
    list_of: Vec<WordListId>,
    lists: Vec<WordList>,
    by_xt: NameMap<Xt, usize>,
    /// The search order, first searched first.
    order: Vec<WordListId>,
    /// The compilation word list.
    current: WordListId,
}

/// Index of a header in the dictionary.
pub type WordId = usize;

/// Index of a word list; [`FORTH_WORDLIST`] holds the system's words.
pub type WordListId = usize;

/// The word list `FORTH-WORDLIST` returns.
pub const FORTH_WORDLIST: WordListId = 0;

/// gforth's Root word list: the minimum search order, which holds only
/// `order set-order forth-wordlist Forth words`.
pub const ROOT_WORDLIST: WordListId = 1;

/// The search order at boot, first searched first, as gforth 0.7.3's.
pub const DEFAULT_ORDER: [WordListId; 3] = [FORTH_WORDLIST, FORTH_WORDLIST, ROOT_WORDLIST];

/// The minimum search order (`ONLY`, `-1 SET-ORDER`), as gforth 0.7.3's.
pub const MINIMUM_ORDER: [WordListId; 2] = [ROOT_WORDLIST, ROOT_WORDLIST];

/// The most word lists the search order may hold (`SET-ORDER` beyond it
/// is THROW -49).
pub const MAX_ORDER: usize = 16;

impl Default for Dictionary {
    fn default() -> Self {
        Dictionary {
            words: Vec::new(),
            list_of: Vec::new(),
            lists: vec![WordList::default(), WordList::default()],
            by_xt: NameMap::default(),
            order: DEFAULT_ORDER.to_vec(),
            current: FORTH_WORDLIST,
        }
    }
}

impl Dictionary {
    /// Adds a header to the compilation word list and returns its id. An
    /// empty name is not findable.
    pub fn add(&mut self, header: Header) -> WordId {
        let id = self.words.len();
        if !header.name.is_empty() {
            let key = self.lists[self.current].key(&header.name).into_owned();
            self.lists[self.current].by_name.entry(key).or_default().push(id);
        }
        self.by_xt.entry(header.xt).or_insert(id);
        self.words.push(header);
        self.list_of.push(self.current);
        id
    }

    /// The newest visible word with this name, ignoring case, in the first
    /// word list of the search order that has one.
    pub fn find(&self, name: &str) -> Option<&Header> {
        self.find_id(name).map(|i| &self.words[i])
    }

    /// Like [`Dictionary::find`], giving the header's id.
    pub fn find_id(&self, name: &str) -> Option<WordId> {
        // The outer interpreter looks up every token: a name of ordinary
        // length is upper-cased on the stack, not in a new string.
        let mut buf = [0u8; 64];
        let long;
        let upper = match buf.get_mut(..name.len()) {
            Some(b) => {
                b.copy_from_slice(name.as_bytes());
                b.make_ascii_uppercase();
                std::str::from_utf8(b).expect("changing ASCII case keeps UTF-8")
            }
            None => {
                long = name.to_ascii_uppercase();
                long.as_str()
            }
        };
        self.order.iter().find_map(|&wl| {
            let key = if self.lists.get(wl)?.case_sensitive { name } else { upper };
            self.find_key_in(key, wl)
        })
    }

    /// The newest visible word with this name in one word list.
    pub fn find_in(&self, name: &str, wl: WordListId) -> Option<WordId> {
        self.find_key_in(&self.lists.get(wl)?.key(name), wl)
    }

    fn find_key_in(&self, key: &str, wl: WordListId) -> Option<WordId> {
        let ids = self.lists.get(wl)?.by_name.get(key)?;
        ids.iter().rev().copied().find(|&i| !self.words[i].hidden)
    }

    /// Makes a new, empty word list; a `case_sensitive` one (gforth's
    /// `TABLE`) finds names only as written.
    pub fn new_word_list(&mut self, case_sensitive: bool) -> WordListId {
        self.lists.push(WordList {
            by_name: NameMap::default(),
            case_sensitive,
            made_at: self.words.len(),
            named_by: None,
        });
        self.lists.len() - 1
    }

    /// The header made right after the word list, if any: the one that
    /// may name it.
    pub fn header_after(&self, wl: WordListId) -> Option<WordId> {
        let id = self.lists.get(wl)?.made_at;
        (wl > ROOT_WORDLIST && id < self.words.len()).then_some(id)
    }

    /// The header that names a word list (see [`Dictionary::name_word_list`]).
    pub fn named_by(&self, wl: WordListId) -> Option<WordId> {
        self.lists.get(wl)?.named_by.filter(|&id| id < self.words.len())
    }

    /// Records that a header (a vocabulary's) names a word list.
    pub fn name_word_list(&mut self, wl: WordListId, id: WordId) {
        if let Some(l) = self.lists.get_mut(wl) {
            l.named_by = Some(id);
        }
    }

    /// How many word lists there are.
    pub fn word_lists(&self) -> usize {
        self.lists.len()
    }

    /// Whether `wl` names a word list.
    pub fn is_word_list(&self, wl: WordListId) -> bool {
        wl < self.lists.len()
    }

    /// The search order, first searched first.
    pub fn order(&self) -> &[WordListId] {
        &self.order
    }

    /// Replaces the search order (the caller checks the ids and the length).
    pub fn set_order(&mut self, order: Vec<WordListId>) {
        self.order = order;
    }

    /// The compilation word list.
    pub fn current(&self) -> WordListId {
        self.current
    }

    /// Sets the compilation word list.
    pub fn set_current(&mut self, wl: WordListId) {
        self.current = wl;
    }

    /// The word list a header belongs to.
    pub fn list_of(&self, id: WordId) -> WordListId {
        self.list_of[id]
    }

    /// The visible, named headers of one word list, newest first (every
    /// header, also those a newer one of the same name shadows).
    pub fn words_of(&self, wl: WordListId) -> Vec<WordId> {
        (0..self.words.len())
            .rev()
            .filter(|&i| self.list_of[i] == wl && !self.words[i].hidden && !self.words[i].name.is_empty())
            .collect()
    }

    /// Whether `id` is a header id.
    pub fn contains(&self, id: WordId) -> bool {
        id < self.words.len()
    }

    /// The header with this xt.
    pub fn by_xt(&self, xt: Xt) -> Option<&Header> {
        self.by_xt.get(&xt).map(|&i| &self.words[i])
    }

    /// The id of the header with this xt (the first one made for it).
    pub fn id_by_xt(&self, xt: Xt) -> Option<WordId> {
        self.by_xt.get(&xt).copied()
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
        let lists = self.list_of.split_off(len.min(self.list_of.len()));
        for (i, (h, wl)) in self.words.drain(len..).zip(lists).enumerate() {
            if self.by_xt.get(&h.xt) == Some(&(len + i)) {
                self.by_xt.remove(&h.xt);
            }
            if !h.name.is_empty() {
                let key = self.lists[wl].key(&h.name).into_owned();
                let by_name = &mut self.lists[wl].by_name;
                if let Some(ids) = by_name.get_mut(&key) {
                    ids.retain(|&i| i < len);
                    if ids.is_empty() {
                        by_name.remove(&key);
                    }
                }
            }
        }
    }

    /// The names `WORDS` lists: every named header of the first word list
    /// of the search order, newest first, shadowed ones too (as gforth).
    pub fn top_names(&self) -> Vec<&str> {
        let Some(&wl) = self.order.first() else {
            return Vec::new();
        };
        self.words_of(wl).into_iter().map(|i| self.words[i].name.as_str()).collect()
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

    /// Names that differ in one byte, in their length or only in where a
    /// word boundary of the hasher falls hash apart, and each is found.
    #[test]
    fn similar_names_hash_apart() {
        let hash = |s: &str| {
            let mut h = NameHasher::default();
            std::hash::Hash::hash(s, &mut h);
            h.finish()
        };
        let names = ["", "a", "A", "ab", "ba", "abcdefgh", "abcdefghi", "abcdefgh\0", "W1", "W2", "W10"];
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                assert_ne!(hash(a), hash(b), "{a:?} and {b:?}");
            }
        }
        let mut d = Dictionary::default();
        for (xt, name) in names.iter().enumerate().skip(1) {
            d.add(colon(name, 100 + xt as Xt));
        }
        for (xt, name) in names.iter().enumerate().skip(1) {
            let found = d.find(name).map(|h| h.xt);
            // "a" and "A" are one name: the newer is found.
            let want = if name.eq_ignore_ascii_case("a") { 102 } else { 100 + xt as Xt };
            assert_eq!(found, Some(want), "{name}");
        }
    }

    /// Names up to 64 bytes are upper-cased in a buffer on the stack,
    /// longer ones in a string: both are found ignoring case, as are names
    /// with characters beyond ASCII (which keep their case).
    #[test]
    fn lookup_ignores_case_at_every_length() {
        let mut d = Dictionary::default();
        for (xt, len) in [(10, 63), (11, 64), (12, 65), (13, 200)] {
            d.add(colon(&"k".repeat(len), xt));
            assert_eq!(d.find(&"K".repeat(len)).map(|h| h.xt), Some(xt));
        }
        d.add(colon("ébc", 14));
        assert_eq!(d.find("éBC").map(|h| h.xt), Some(14));
        assert!(d.find("ÉBC").is_none());
        assert!(d.find(&"K".repeat(66)).is_none());
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
        assert_eq!(d.top_names(), vec!["a"]);
    }

    #[test]
    fn the_search_order_picks_the_word_list() {
        let mut d = Dictionary::default();
        d.add(colon("w", 10));
        let wl = d.new_word_list(false);
        d.set_current(wl);
        d.add(colon("W", 11));
        d.add(colon("only-here", 12));
        assert_eq!(d.find("w").unwrap().xt, 10);
        assert!(d.find("only-here").is_none());
        d.set_order(vec![wl, FORTH_WORDLIST]);
        assert_eq!(d.find("w").unwrap().xt, 11);
        assert_eq!(d.find_in("w", FORTH_WORDLIST).map(|i| d.get(i).xt), Some(10));
        assert_eq!(d.words_of(wl).len(), 2);
        d.set_order(vec![]);
        assert!(d.find("w").is_none());
    }

    #[test]
    fn a_case_sensitive_list_finds_names_only_as_written() {
        let mut d = Dictionary::default();
        let table = d.new_word_list(true);
        d.set_current(table);
        d.add(colon("Foo", 10));
        let mark = d.len();
        d.add(colon("foo", 11));
        d.set_order(vec![table, FORTH_WORDLIST]);
        assert_eq!(d.find("Foo").unwrap().xt, 10);
        assert_eq!(d.find("foo").unwrap().xt, 11);
        assert!(d.find("FOO").is_none());
        assert_eq!(d.find_in("Foo", table).map(|i| d.get(i).xt), Some(10));
        d.truncate(mark);
        assert!(d.find("foo").is_none());
        assert_eq!(d.find("Foo").unwrap().xt, 10);
    }

    #[test]
    fn words_shows_shadowed_names_and_a_new_list_knows_its_next_header() {
        let mut d = Dictionary::default();
        assert_eq!(d.order(), &DEFAULT_ORDER);
        let wl = d.new_word_list(false);
        assert_eq!(d.header_after(wl), None);
        d.set_current(wl);
        d.set_order(vec![wl]);
        let first = d.add(colon("x", 10));
        d.add(colon("x", 11));
        assert_eq!(d.header_after(wl), Some(first));
        assert_eq!(d.header_after(FORTH_WORDLIST), None);
        assert_eq!(d.top_names(), vec!["x", "x"]);
    }

    #[test]
    fn a_synonym_keeps_the_original_header_of_its_xt() {
        let mut d = Dictionary::default();
        d.add(colon("orig", 10));
        let mark = d.len();
        d.add(colon("syn", 10));
        assert_eq!(d.by_xt(10).unwrap().name, "orig");
        d.truncate(mark);
        assert_eq!(d.by_xt(10).unwrap().name, "orig");
    }
}
