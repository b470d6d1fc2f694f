//! Scanning Forth source text for colon definitions and `T{ ... }T` tests,
//! without running it.
//!
//! The scanner splits text into whitespace-separated tokens the way the
//! outer interpreter does, and knows the parsing words whose input is not
//! code: comments (`\`, `(`), strings (`."`, `S"`, `S\"`, `C"`, `ABORT"`,
//! `.(`) and the words that take the next name (`POSTPONE`, `[COMPILE]`,
//! `'`, `[']`, `CHAR`, `[CHAR]`). So `POSTPONE ;` or `." ;"` never ends a
//! definition.
//!
//! **Normalized text** of a definition, which its `SPEC_HASH` hashes: the
//! pieces from `:` up to and including the `;` that ends it, joined by one
//! space. A piece is a token, or a parsing word together with what it parsed,
//! kept verbatim (`." a  b"` keeps its two spaces, `\ note` runs to the end
//! of its line, trailing blanks removed). Case is preserved. So re-indenting
//! or re-flowing a definition keeps its hash, and any other edit, including
//! one in a comment or a string, changes it.
//!
//! Guarantee: never panics; text the scanner cannot make sense of (an
//! unterminated definition or comment) simply ends where the text ends.

/// One piece of source: a token, or a parsing word with what it parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// The token (the parsing word alone, for parsing words).
    pub token: String,
    /// Whether the piece is a comment (`\` or `(`).
    pub comment: bool,
}

/// A colon definition found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceDefinition {
    /// The name after `:`, as written.
    pub name: String,
    /// 0-based index of the line holding `:`.
    pub line: usize,
    /// Whether `:` is the first token of its line (only then can headers
    /// sit above it).
    pub starts_line: bool,
    /// Byte range from `:` to after the closing `;` (or the end of text).
    pub span: (usize, usize),
    /// The normalized text (see the module doc).
    pub normalized: String,
    /// The content of the stack comment right after the name, if any.
    pub stack_comment: Option<String>,
}

/// A `T{ code -> expected }T` test found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestCase {
    /// 0-based line of `T{`.
    pub line: usize,
    /// Byte range from `T{` to after `}T`.
    pub span: (usize, usize),
    /// The code before `->`.
    pub code: String,
    /// The expected results after `->`.
    pub expected: String,
    /// The tokens of `code`, for finding the words a test uses.
    pub code_tokens: Vec<String>,
}

/// How a parsing word delimits what it parses.
fn parsing_delimiter(token: &str) -> Option<char> {
    match token.to_ascii_uppercase().as_str() {
        "(" | ".(" => Some(')'),
        ".\"" | "S\"" | "S\\\"" | "C\"" | "ABORT\"" => Some('"'),
        _ => None,
    }
}

/// Words whose next token is a name, not code.
fn takes_name(token: &str) -> bool {
    matches!(token.to_ascii_uppercase().as_str(), "POSTPONE" | "[COMPILE]" | "'" | "[']" | "CHAR" | "[CHAR]")
}

/// Splits text into pieces (see the module doc).
pub fn pieces(text: &str) -> Vec<Piece> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let token = text[start..i].to_string();
        if token == "\\" {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            let end = start + text[start..i].trim_end().len();
            out.push(Piece { start, end, token, comment: true });
            continue;
        }
        if let Some(delim) = parsing_delimiter(&token) {
            let escaped = token.eq_ignore_ascii_case("s\\\"");
            // The delimiter search starts after the one blank that ends the word.
            let mut j = (i + 1).min(b.len());
            while j < b.len() && b[j] != delim as u8 {
                j += if escaped && b[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(b.len());
            let comment = delim == ')' && token == "(";
            out.push(Piece { start, end, token, comment });
            i = end;
            continue;
        }
        let named = takes_name(&token);
        out.push(Piece { start, end: i, token, comment: false });
        if named {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let s = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i > s {
                // The name is data: record it under a token that matches no word.
                out.push(Piece { start: s, end: i, token: String::new(), comment: false });
            }
        }
    }
    out
}

/// 0-based line of each byte offset, by counting newlines.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&c| c == b'\n').count()
}

fn starts_line(text: &str, offset: usize) -> bool {
    text.as_bytes()[..offset].iter().rev().take_while(|&&c| c != b'\n').all(|c| c.is_ascii_whitespace())
}

/// Every named colon definition in the text, in order.
pub fn definitions(text: &str) -> Vec<SourceDefinition> {
    let ps = pieces(text);
    let mut defs = Vec::new();
    let mut k = 0;
    while k < ps.len() {
        if ps[k].token != ":" || k + 1 >= ps.len() || ps[k + 1].comment {
            k += 1;
            continue;
        }
        let first = k;
        let name = text[ps[k + 1].start..ps[k + 1].end].to_string();
        let stack_comment = ps.get(k + 2).filter(|p| p.token == "(").map(|p| {
            let inner = &text[p.start + 1..p.end];
            inner.strip_suffix(')').unwrap_or(inner).trim().to_string()
        });
        k += 2;
        while k < ps.len() && ps[k].token != ";" {
            k += 1;
        }
        let last = k.min(ps.len() - 1);
        let normalized = ps[first..=last].iter().map(|p| &text[p.start..p.end]).collect::<Vec<_>>().join(" ");
        let start = ps[first].start;
        defs.push(SourceDefinition {
            name,
            line: line_of(text, start),
            starts_line: starts_line(text, start),
            span: (start, ps[last].end),
            normalized,
            stack_comment,
        });
        k += 1;
    }
    defs
}

/// Every `T{ ... -> ... }T` test in the text, in order. A `T{` without
/// `->` and `}T` is not a test.
pub fn tests(text: &str) -> Vec<TestCase> {
    let ps = pieces(text);
    let mut out = Vec::new();
    let mut k = 0;
    while k < ps.len() {
        if !ps[k].token.eq_ignore_ascii_case("T{") {
            k += 1;
            continue;
        }
        let open = k;
        let arrow = (open + 1..ps.len()).find(|&j| ps[j].token == "->" || ps[j].token.eq_ignore_ascii_case("}T"));
        let Some(arrow) = arrow.filter(|&j| ps[j].token == "->") else {
            k += 1;
            continue;
        };
        let Some(close) = (arrow + 1..ps.len()).find(|&j| ps[j].token.eq_ignore_ascii_case("}T")) else {
            break;
        };
        let code = text[ps[open].end..ps[arrow].start].trim().to_string();
        let expected = text[ps[arrow].end..ps[close].start].trim().to_string();
        let code_tokens =
            ps[open + 1..arrow].iter().filter(|p| !p.comment && !p.token.is_empty()).map(|p| p.token.clone()).collect();
        out.push(TestCase {
            line: line_of(text, ps[open].start),
            span: (ps[open].start, ps[close].end),
            code,
            expected,
            code_tokens,
        });
        k = close + 1;
    }
    out
}

/// The text with every test replaced by blanks (newlines kept), so that it
/// loads without a test harness and every other word keeps its line and
/// column.
pub fn without_tests(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for t in tests(text) {
        for c in &mut bytes[t.span.0..t.span.1] {
            if *c != b'\n' && *c != b'\r' {
                *c = b' ';
            }
        }
    }
    // Only ASCII bytes were replaced, by ASCII, on whole pieces: still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// The stack effect a stack comment declares, as item counts: `a b -- c` is
/// `(2, 1)`. Items in quotes (`"name"`, parsed from the input) do not count.
/// `None` if there is no `--` or a count is not fixed (`i*x`, `x1 .. xn`);
/// `d`, `ud` and `xd` (also `d1`, `ud'`) count two cells; any other item
/// (`n*n`) counts as one.
pub fn declared_effect(comment: &str) -> Option<(u32, u32)> {
    let items: Vec<&str> = comment.split_whitespace().collect();
    let sep = items.iter().position(|&t| t == "--")?;
    let count = |side: &[&str]| -> Option<u32> {
        let mut n = 0;
        for t in side {
            if t.starts_with('"') || t.ends_with(':') {
                continue;
            }
            let any_number = matches!(t.to_ascii_lowercase().as_str(), "i*x" | "j*x" | "k*x");
            if any_number || t.contains("..") || *t == "|" || *t == "--" {
                return None;
            }
            // d, ud, xd (with digits or primes after) are double cells.
            let base = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '\'').to_ascii_lowercase();
            n += if matches!(base.as_str(), "d" | "ud" | "xd") { 2 } else { 1 };
        }
        Some(n)
    };
    Some((count(&items[..sep])?, count(&items[sep + 1..])?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_end_at_the_right_semicolon() {
        let src = ": a ( n -- m )  .\" ;\"  POSTPONE ;  [char] ; 1+ ;\n: b ;";
        let d = definitions(src);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].name, "a");
        assert_eq!(d[0].stack_comment.as_deref(), Some("n -- m"));
        assert_eq!(d[0].normalized, ": a ( n -- m ) .\" ;\" POSTPONE ; [char] ; 1+ ;");
        assert_eq!(&src[d[0].span.0..d[0].span.1], &src[..src.find('\n').unwrap()]);
        assert_eq!((d[1].name.as_str(), d[1].line, d[1].starts_line), ("b", 1, true));
    }

    #[test]
    fn normalization_ignores_layout_but_not_strings_or_case() {
        let one = definitions(": sq  dup\n   * ;")[0].normalized.clone();
        assert_eq!(one, definitions(":   sq dup * ;")[0].normalized);
        assert_ne!(one, definitions(": SQ dup * ;")[0].normalized);
        let s1 = definitions(": hi .\" a  b\" ;")[0].normalized.clone();
        assert_ne!(s1, definitions(": hi .\" a b\" ;")[0].normalized);
    }

    #[test]
    fn comments_hide_definitions() {
        assert!(definitions("\\ : no ;\n( : no ; )").is_empty());
        let d = definitions("1 2 : x ;");
        assert!(!d[0].starts_line);
    }

    #[test]
    fn tests_are_found_and_blanked() {
        let src = "T{ 2 sq -> 4 }T\r\nT{ 1\n 2 + -> 3 }T \\ T{ no -> }T\n";
        let t = tests(src);
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].code.as_str(), t[0].expected.as_str()), ("2 sq", "4"));
        assert_eq!(t[0].code_tokens, vec!["2", "sq"]);
        assert_eq!(t[1].line, 1);
        let blank = without_tests(src);
        assert_eq!(blank.len(), src.len());
        assert_eq!(blank.trim_start().trim_start_matches(' '), "\\ T{ no -> }T\n");
        assert!(blank.contains("\r\n"));
    }

    #[test]
    fn stack_comments_count_items() {
        assert_eq!(declared_effect("a b -- c"), Some((2, 1)));
        assert_eq!(declared_effect("-- "), Some((0, 0)));
        assert_eq!(declared_effect("\"name\" -- xt"), Some((0, 1)));
        assert_eq!(declared_effect("i*x -- j*x"), None);
        assert_eq!(declared_effect("a b"), None);
        assert_eq!(declared_effect("n -- n*n"), Some((1, 1)));
        assert_eq!(declared_effect("x1 .. xn -- "), None);
        assert_eq!(declared_effect("ud u -- urem ud'"), Some((3, 3)));
        assert_eq!(declared_effect("d1 d2 -- flag"), Some((4, 1)));
    }

    #[test]
    fn unterminated_text_does_not_panic() {
        for src in [": x ( unterminated", ": x .\" no end", ": ", "T{ 1 -> ", "s\\\" \\"] {
            let _ = definitions(src);
            let _ = tests(src);
            let _ = without_tests(src);
        }
    }
}
