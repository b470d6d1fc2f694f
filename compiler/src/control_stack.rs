//! The control-flow stack on the data stack, as gforth keeps it.
//!
//! Each entry a control word leaves (an orig, a dest, a do-sys, ...) is
//! three cells on the data stack, from the bottom: a cookie naming the
//! definition being compiled, the entry's index into
//! [`Definition::items`], and gforth's tag for its kind (non-zero, on top).
//! So programs written for gforth can keep entries in memory (`3!`), move
//! them to the return stack, or test the tag, as gforth's regexp.fs does;
//! `CS-PICK` and `CS-ROLL` work on whole entries.
//!
//! A control word first loads the run of entries on top of the data stack
//! (as many as are there, stopping at the first three cells that are not an
//! entry of this definition) into [`Definition::cf`], works on them, and
//! pushes what is left back.
//!
//! Guarantee: a cell sequence that is not an entry of the current definition
//! (user data, an entry of an enclosing definition, a made-up triple whose
//! tag does not match its index) is never taken for one.

use crate::definition::{Cf, CfError, Definition};
use crate::interpreter::Forth;
use crate::machine::{Fault, Machine};
use runtime::throw;

/// The cookie cell of `def`'s entries: distinct for every definition open
/// at once (each has its own xt).
fn cookie(def: &Definition) -> i32 {
    0x4346_0000 ^ def.func.xt as i32
}

impl Forth {
    /// Applies a control-flow operation to the current definition, with
    /// the control-flow entries on top of the data stack loaded into
    /// [`Definition::cf`] and stored back afterwards.
    pub(crate) fn with_def<T>(
        &mut self,
        m: &mut dyn Machine,
        f: impl FnOnce(&mut Definition) -> Result<T, CfError>,
    ) -> Result<T, Fault> {
        if self.current.is_none() {
            return Err(self.fail(throw::COMPILE_ONLY, "control-flow word outside a definition"));
        }
        self.load_entries(m)?;
        let def = &mut self.current.as_mut().expect("checked above").def;
        let res = f(def);
        self.store_entries(m)?;
        res.map_err(|e| self.cf_error(e))
    }

    /// Checks that the current definition can end at `word` (see
    /// [`Definition::check_closed`]), looking at the data stack too.
    pub(crate) fn check_closed(&mut self, m: &mut dyn Machine, word: &'static str) -> Result<(), Fault> {
        self.with_def(m, |d| d.check_closed(word))
    }

    fn load_entries(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let base = self.cfg.layout.ds_base();
        let def = &mut self.current.as_mut().expect("a definition is open").def;
        let cookie = cookie(def);
        let mut sp = m.sp();
        let mut loaded = Vec::new();
        while sp.checked_add(12).is_some_and(|end| end <= base) {
            let mut entry = [0u8; 12];
            m.read(sp, &mut entry)?;
            let cell = |i: usize| i32::from_le_bytes([entry[i], entry[i + 1], entry[i + 2], entry[i + 3]]);
            let (tag, index, ck) = (cell(0), cell(4), cell(8));
            let item = def.items.get(index as u32 as usize).filter(|i| ck == cookie && i.tag() == tag);
            let Some(item) = item else { break };
            loaded.push(item.clone());
            sp += 12;
        }
        loaded.reverse();
        m.set_sp(sp);
        def.cf = loaded;
        Ok(())
    }

    fn store_entries(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let def = &mut self.current.as_mut().expect("a definition is open").def;
        let cookie = cookie(def);
        let entries: Vec<Cf> = std::mem::take(&mut def.cf);
        let mut cells = Vec::with_capacity(entries.len() * 3);
        for item in entries {
            cells.extend([cookie, def.items.len() as i32, item.tag()]);
            def.items.push(item);
        }
        self.push_cells(m, &cells)
    }
}
