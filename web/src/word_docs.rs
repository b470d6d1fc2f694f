//! The system's words for the playground's completion: every word a fresh
//! system defines, each with its stack effect and a one-line doc. The
//! build writes them as `pkg/words.json` (`web-tools`, under Node.js),
//! which the editor fetches: neither the worker's façade nor the page
//! carries this code.
//!
//! The primitives and host words come from their tables (the doc line
//! there begins with the stack comment); the words the prelude defines in
//! Forth come from the prelude's text: the stack comment written after the
//! name, and the `\` comment lines right above the definition as its doc.
//!
//! Guarantee: the listing is static (no system is booted to make it) and
//! names each word once; `web/tests/words.test.mjs` checks that it holds
//! every name `WORDS` prints in a fresh system.

use compiler::host_words::HostWord;
use compiler::primitives::Prim;

/// Words whose next word in the text is the name of a new definition.
const DEFINING: &[&str] = &[
    ":",
    "CREATE",
    "VARIABLE",
    "CONSTANT",
    "VALUE",
    "DEFER",
    "2CONSTANT",
    "2VARIABLE",
    "2VALUE",
    "FVARIABLE",
    "FCONSTANT",
    "FVALUE",
    "BUFFER:",
    "MARKER",
    "SYNONYM",
    "ALIAS",
    "END-STRUCT",
    "FIELD:",
    "CFIELD:",
    "VOCABULARY",
];

/// One word as completion shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordDoc {
    /// The name, as defined.
    pub name: String,
    /// `primitive`, `host word`, or the defining word that made it (`:`, `CONSTANT`...).
    pub kind: String,
    /// The stack comment, `( n1 n2 -- n3 )`, or empty when none is written.
    pub effect: String,
    /// One line of doc, or empty.
    pub doc: String,
}

/// Splits a table's doc line into its leading stack comments and the rest.
fn split_doc(doc: &str) -> (String, String) {
    let mut rest = doc.trim_start();
    let mut effect = Vec::new();
    while rest.starts_with('(') {
        let Some(end) = rest.find(')') else { break };
        effect.push(&rest[..=end]);
        rest = rest[end + 1..].trim_start();
    }
    (effect.join(" "), rest.to_string())
}

/// The definitions a prelude file's text makes, in order.
fn prelude_words(text: &str, out: &mut Vec<WordDoc>) {
    let mut comment: Vec<&str> = Vec::new();
    // Inside a colon definition a defining word is compiled, not run:
    // `: FFIELD: ... CREATE DUP , ... ;` defines FFIELD:, not DUP.
    let mut compiling = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(c) = trimmed.strip_prefix('\\') {
            let c = c.trim();
            if c.starts_with("----") {
                comment.clear();
            } else {
                comment.push(c);
            }
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let mut k = 0;
        while k < words.len() {
            let w = words[k].to_ascii_uppercase();
            if w == "\\" {
                // The rest of the line is a comment (`POSTPONE \` is skipped below).
                break;
            }
            if w == "(" {
                // Skip a comment, so that its words define nothing.
                while k < words.len() && !words[k].ends_with(')') {
                    k += 1;
                }
                k += 1;
                continue;
            }
            if matches!(w.as_str(), "'" | "[']" | "POSTPONE" | "[COMPILE]") {
                // The next word is named, not executed: `' VALUE ALIAS AVALUE`.
                k += 2;
                continue;
            }
            match w.as_str() {
                ";" => compiling = false,
                ":NONAME" => compiling = true,
                _ => {}
            }
            if compiling || !DEFINING.contains(&w.as_str()) || k + 1 == words.len() {
                k += 1;
                continue;
            }
            compiling = w == ":";
            let name = words[k + 1];
            // SYNONYM NEW OLD: the comment follows the old name.
            let mut after = k + 2 + usize::from(w == "SYNONYM");
            let mut effect = Vec::new();
            if words.get(after) == Some(&"(") {
                while after < words.len() {
                    effect.push(words[after]);
                    if words[after].ends_with(')') {
                        break;
                    }
                    after += 1;
                }
            }
            out.push(WordDoc {
                name: name.to_string(),
                kind: w,
                effect: effect.join(" "),
                doc: first_sentence(&comment.join(" ")),
            });
            k = after.max(k + 2);
        }
        comment.clear();
    }
}

/// The first sentence of a comment, for a one-line doc.
fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(i) => text[..=i].to_string(),
        None => text.to_string(),
    }
}

/// Every word of a fresh system, each name once (a later definition of a
/// name replaces an earlier one, as in the dictionary).
pub fn system_words() -> Vec<WordDoc> {
    let mut all = Vec::new();
    for p in Prim::ALL {
        let (effect, doc) = split_doc(p.doc());
        all.push(WordDoc { name: p.name().to_string(), kind: "primitive".into(), effect, doc });
    }
    for h in HostWord::ALL {
        let (effect, doc) = split_doc(h.doc());
        let flags = h.flags();
        let kind = match (flags.immediate, flags.compile_only) {
            (true, true) => "host word, immediate, compile-only",
            (true, false) => "host word, immediate",
            (false, true) => "host word, compile-only",
            (false, false) => "host word",
        };
        all.push(WordDoc { name: h.name().to_string(), kind: kind.into(), effect, doc });
    }
    for (_, text) in compiler::PRELUDE {
        prelude_words(text, &mut all);
    }
    let mut seen = std::collections::HashMap::new();
    let mut out: Vec<WordDoc> = Vec::new();
    for w in all {
        match seen.get(&w.name.to_ascii_uppercase()) {
            Some(&i) => {
                let old: &mut WordDoc = &mut out[i];
                // A redefinition keeps what the first one said when it says nothing.
                let doc = if w.doc.is_empty() { std::mem::take(&mut old.doc) } else { w.doc };
                let effect = if w.effect.is_empty() { std::mem::take(&mut old.effect) } else { w.effect };
                *old = WordDoc { doc, effect, ..w };
            }
            None => {
                seen.insert(w.name.to_ascii_uppercase(), out.len());
                out.push(w);
            }
        }
    }
    out
}

/// [`system_words`] as JSON: `[{name, kind, effect, doc}]`.
pub fn system_words_json() -> String {
    let words: Vec<serde_json::Value> = system_words()
        .into_iter()
        .map(|w| serde_json::json!({ "name": w.name, "kind": w.kind, "effect": w.effect, "doc": w.doc }))
        .collect();
    serde_json::Value::Array(words).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_docs_split_into_effect_and_text() {
        assert_eq!(
            split_doc("( n -- ) ( F: -- r ) Convert a cell."),
            ("( n -- ) ( F: -- r )".into(), "Convert a cell.".into())
        );
    }

    #[test]
    fn prelude_definitions_carry_their_comments() {
        let mut out = Vec::new();
        prelude_words(
            "\\ Adds one.\n\\ More.\n: INC ( n -- n' )\n  1+ ;\n: F: ( n -- ) CREATE DUP , ;\n7 CONSTANT SEVEN ( -- 7 )  SYNONYM A! ! ( x a -- )\n' value alias avalue ( x -- )\n: \\G POSTPONE \\ ; IMMEDIATE \\ : NOT-A-WORD\n: AFTER ;\n",
            &mut out,
        );
        let names: Vec<_> = out.iter().map(|w| (w.name.as_str(), w.effect.as_str(), w.doc.as_str())).collect();
        assert_eq!(
            names,
            [
                ("INC", "( n -- n' )", "Adds one."),
                ("F:", "( n -- )", ""),
                ("SEVEN", "( -- 7 )", ""),
                ("A!", "( x a -- )", ""),
                ("avalue", "( x -- )", ""),
                ("\\G", "", ""),
                ("AFTER", "", "")
            ]
        );
    }

    #[test]
    fn dup_is_listed_once_with_its_effect() {
        let words = system_words();
        let dup: Vec<_> = words.iter().filter(|w| w.name == "DUP").collect();
        assert_eq!(dup.len(), 1);
        assert_eq!((dup[0].kind.as_str(), dup[0].effect.as_str()), ("primitive", "( x -- x x )"));
    }
}
