//! The state that gforth's extension words keep between words: one struct
//! in [`Forth`](crate::interpreter::Forth), so the words of each family
//! (`gforth_defining.rs`, `gforth_debug.rs`, `gforth_exceptions.rs`,
//! `gforth_input.rs`, `gforth_bracket_loops.rs`) find theirs in one place.

use std::collections::HashMap;

use crate::gforth_exceptions::OpenTry;

/// What gforth's extension words remember.
#[derive(Debug, Default)]
pub(crate) struct GforthState {
    /// The name of the next defined word, set by `NEXTNAME` (a name) or
    /// `NONAME` (the empty name: the word is not findable).
    pub next_name: Option<String>,
    /// The source positions (`FILE:LINE`) of compiled `~~` and assertions.
    pub debug_sites: Vec<String>,
    /// The `TRY` structures being compiled, innermost last.
    pub tries: Vec<OpenTry>,
    /// The definitions set aside by `INTERPRETATION>` and `COMPILATION>`
    /// while their part is compiled, innermost last, with which part it is.
    pub semantics_parts: Vec<(crate::interpreter::Current, crate::gforth_intcomp::Part)>,
    /// Where `SOURCEFILENAME` put each file name in linear memory.
    pub file_names: HashMap<String, u32>,
    /// The indices of the running `[DO]` loops, innermost last.
    pub bracket_indices: Vec<i32>,
    /// How many interpretive loops are running their text.
    pub text_loops: usize,
    /// What the last closing word of an interpretive loop signalled.
    pub loop_end: Option<crate::gforth_bracket_loops::LoopEnd>,
    /// The prelude's command-line words, found at boot (none in an image).
    pub command_line: Option<crate::command_line::CommandLine>,
}

impl GforthState {
    /// Forgets what an error interrupted (an open `TRY` region, running
    /// interpretive loops, a pending `NEXTNAME`); what was defined stays.
    pub fn reset(&mut self) {
        self.next_name = None;
        self.tries.clear();
        self.semantics_parts.clear();
        self.bracket_indices.clear();
        self.text_loops = 0;
        self.loop_end = None;
    }
}
