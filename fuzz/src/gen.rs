//! Well-formed programs for the `opt_equivalence` target, made by the
//! tests' generator (`native-runner/tests/common/mod.rs`, included by path
//! so there is one generator) from the fuzzer's bytes through `arbitrary`.
//! These programs may stop with an error (any divisor, uncaught `THROW`).

#[path = "../../native-runner/tests/common/mod.rs"]
mod common;

use arbitrary::{Arbitrary, Unstructured};

/// The fuzzer's bytes as the generator's choices; zeros once they run out.
struct Bytes<'a, 'b>(&'a mut Unstructured<'b>);

impl common::Choose for Bytes<'_, '_> {
    fn below(&mut self, n: u64) -> u64 {
        if n <= 1 {
            return 0;
        }
        self.0.int_in_range(0..=n - 1).unwrap_or(0)
    }
}

/// A generated program.
#[derive(Debug)]
pub struct Program {
    source: String,
}

impl Program {
    /// Its Forth source, ending with a call of `MAIN`.
    pub fn source(&self) -> String {
        format!("{}main\n", self.source)
    }
}

impl<'a> Arbitrary<'a> for Program {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let n_words = u.int_in_range(1..=8)?;
        let source = common::program_from(&mut Bytes(u), common::Options { errors: true }, n_words);
        Ok(Program { source })
    }
}
