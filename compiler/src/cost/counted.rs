//! Reading the counters of an instrumented image after its entry word ran
//! once: the step every host takes between running a counted build and
//! predicting from it (`native-runner predict`, `profile`, `calibrate`,
//! `bench`, and the playground's Performance tab).
//!
//! Guarantee: the counts are those [`super::word_costs`] makes of the cells
//! at `counters.base`, read through [`Machine`] alone, so the native and the
//! browser machine give the same numbers for the same image and run.

use super::{word_costs, Counters, WordCost};
use crate::machine::{Fault, Machine, MachineExt as _};

/// What one run of an instrumented image executed.
#[derive(Clone, Debug, PartialEq)]
pub struct Counted {
    /// Each word's calls and executed ops, in the order of the counters.
    pub words: Vec<WordCost>,
    /// Data space in use (`HERE`) after the run, not counting the counters,
    /// which the instrumented image keeps at the bottom of it.
    pub data_space_bytes: u32,
}

/// Reads the counters of an instrumented image from the machine it ran on.
pub fn read<M: Machine + ?Sized>(m: &mut M, counters: &Counters) -> Result<Counted, Fault> {
    let n = counters.counters.len() as u32;
    let raw = m.read_vec(counters.base, 4 * n)?;
    let values: Vec<u32> = raw.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    let here = m.read_cell(runtime::addr::DP).unwrap_or(0) as u32;
    Ok(Counted { words: word_costs(counters, &values), data_space_bytes: here.saturating_sub(4 * n) })
}
