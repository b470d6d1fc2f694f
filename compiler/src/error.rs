//! Diagnostics: what the user sees when a program fails.
//!
//! Every uncaught error becomes a [`Diagnostic`] that names the file, line,
//! column and word, and the standard THROW code where there is one:
//! `t.fs:3:5: error: FOO: undefined word (THROW -13)`.

use std::fmt;

/// Where in the source something happened.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Location {
    /// The file name, `-e`, or `<repl>`.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

/// An error as shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where, if known.
    pub location: Option<Location>,
    /// The word being interpreted or compiled.
    pub word: Option<String>,
    /// What went wrong.
    pub message: String,
    /// The standard THROW code, if there is one.
    pub code: Option<i32>,
}

impl Diagnostic {
    /// A diagnostic without a location.
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic { location: None, word: None, message: message.into(), code: None }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{loc}: ")?;
        }
        write!(f, "error: ")?;
        if let Some(w) = &self.word {
            write!(f, "{w}: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(c) = self.code {
            write!(f, " (THROW {c})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// Why interpretation stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// `BYE` was executed.
    Bye,
    /// `QUIT` was executed: the program leaves for the interactive loop,
    /// which at the end of its input ends it as `BYE` does (gforth reads
    /// standard input there; a host without more input stops).
    Quit,
    /// An uncaught error.
    Error(Diagnostic),
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::Bye => write!(f, "bye"),
            Stop::Quit => write!(f, "quit"),
            Stop::Error(d) => d.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_diagnostic_format() {
        let d = Diagnostic {
            location: Some(Location { file: "t.fs".into(), line: 3, col: 5 }),
            word: Some("FOO".into()),
            message: "undefined word".into(),
            code: Some(-13),
        };
        assert_eq!(d.to_string(), "t.fs:3:5: error: FOO: undefined word (THROW -13)");
    }

    #[test]
    fn minimal_diagnostic_format() {
        assert_eq!(Diagnostic::new("cannot read x.fs").to_string(), "error: cannot read x.fs");
    }
}
