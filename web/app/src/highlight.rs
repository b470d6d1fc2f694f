//! Forth syntax highlighting for the editor's overlay: source text to lines
//! of classified tokens.
//!
//! Guarantee: concatenating a line's tokens gives the line back exactly
//! (the overlay must line up with the textarea); tokens are plain text and
//! are only ever rendered as text nodes.

/// What a token is, which picks its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Spaces and tabs.
    Space,
    /// `\ ...` and `( ... )`.
    Comment,
    /// `." ..."`, `S" ..."` and similar string literals.
    Str,
    /// Numbers, with the `# $ %` prefixes and `'c'`.
    Number,
    /// `:` `;` and the defining words.
    Define,
    /// Control flow.
    Control,
    /// Any other word.
    Word,
}

impl Class {
    /// The CSS class.
    pub fn css(self) -> &'static str {
        match self {
            Class::Space => "",
            Class::Comment => "tok-comment",
            Class::Str => "tok-string",
            Class::Number => "tok-number",
            Class::Define => "tok-define",
            Class::Control => "tok-control",
            Class::Word => "tok-word",
        }
    }
}

/// One token: its class, its 1-based column and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Class.
    pub class: Class,
    /// 1-based column of its first character.
    pub col: usize,
    /// The exact text.
    pub text: String,
}

const DEFINE: &[&str] = &[
    ":",
    ";",
    ":NONAME",
    "CREATE",
    "DOES>",
    "VARIABLE",
    "CONSTANT",
    "VALUE",
    "DEFER",
    "IS",
    "TO",
    "2VARIABLE",
    "2CONSTANT",
    "BUFFER:",
    "MARKER",
    "IMMEDIATE",
    "RECURSE",
    "POSTPONE",
    "[']",
    "'",
    "[CHAR]",
    "CHAR",
    "LITERAL",
];
const CONTROL: &[&str] = &[
    "IF", "ELSE", "THEN", "BEGIN", "WHILE", "REPEAT", "UNTIL", "AGAIN", "DO", "?DO", "LOOP", "+LOOP", "LEAVE",
    "UNLOOP", "EXIT", "CASE", "OF", "ENDOF", "ENDCASE", "CATCH", "THROW", "EXECUTE", "ABORT", "ABORT\"",
];

fn is_number(w: &str) -> bool {
    // A base prefix says which digits follow; without one, decimal digits
    // (so words such as `add` are not taken for hex numbers).
    let (radix, w) = match w.chars().next() {
        Some('$') => (16, &w[1..]),
        Some('#') => (10, &w[1..]),
        Some('%') => (2, &w[1..]),
        _ => (10, w),
    };
    let w = w.strip_prefix('-').unwrap_or(w);
    if w.len() == 3 && w.starts_with('\'') && w.ends_with('\'') {
        return true;
    }
    !w.is_empty() && w.chars().all(|c| c.is_digit(radix) || c == '.') && w.chars().any(|c| c.is_digit(radix))
}

/// Splits `source` into lines of tokens. A `( ...` comment may span lines.
pub fn highlight(source: &str) -> Vec<Vec<Token>> {
    let mut lines = Vec::new();
    let mut in_paren = false;
    for line in source.split('\n') {
        let chars: Vec<char> = line.chars().collect();
        let mut toks = Vec::new();
        let mut i = 0;
        let push = |toks: &mut Vec<Token>, class, from: usize, to: usize| {
            toks.push(Token { class, col: from + 1, text: chars[from..to].iter().collect() })
        };
        if in_paren {
            let end = chars.iter().position(|&c| c == ')').map_or(chars.len(), |p| p + 1);
            in_paren = end == chars.len() && chars.last() != Some(&')');
            push(&mut toks, Class::Comment, 0, end);
            i = end;
        }
        while i < chars.len() {
            let start = i;
            if chars[i].is_whitespace() {
                while i < chars.len() && chars[i].is_whitespace() {
                    i += 1;
                }
                push(&mut toks, Class::Space, start, i);
                continue;
            }
            while i < chars.len() && !chars[i].is_whitespace() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect::<String>().to_ascii_uppercase();
            match word.as_str() {
                "\\" => {
                    push(&mut toks, Class::Comment, start, chars.len());
                    i = chars.len();
                }
                "(" | ".(" => {
                    let end = chars[i..].iter().position(|&c| c == ')').map(|p| i + p + 1);
                    in_paren = end.is_none() && word == "(";
                    let end = end.unwrap_or(chars.len());
                    push(&mut toks, if word == "(" { Class::Comment } else { Class::Str }, start, end);
                    i = end;
                }
                w if w.ends_with('"') && w.len() <= 3 => {
                    let end = chars[i.min(chars.len())..]
                        .iter()
                        .skip(1)
                        .position(|&c| c == '"')
                        .map_or(chars.len(), |p| i + 1 + p + 1);
                    push(&mut toks, Class::Str, start, end);
                    i = end;
                }
                w if DEFINE.contains(&w) => push(&mut toks, Class::Define, start, i),
                w if CONTROL.contains(&w) => push(&mut toks, Class::Control, start, i),
                w if is_number(w) => push(&mut toks, Class::Number, start, i),
                _ => push(&mut toks, Class::Word, start, i),
            }
        }
        lines.push(toks);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(line: &[Token]) -> Vec<(Class, &str)> {
        line.iter().filter(|t| t.class != Class::Space).map(|t| (t.class, t.text.as_str())).collect()
    }

    #[test]
    fn tokens_rebuild_every_line() {
        let src = ": sq ( n -- n*n ) dup * ;  \\ square\n.\" hi there\" 10 0 do i . loop\n( open\n still ) 1\n";
        let lines = highlight(src);
        let rebuilt: Vec<String> = lines.iter().map(|l| l.iter().map(|t| t.text.as_str()).collect()).collect();
        assert_eq!(rebuilt.join("\n"), src);
    }

    #[test]
    fn classifies_words_comments_strings_and_numbers() {
        let lines = highlight(": sq ( n -- n ) dup * ; \\ c\n.\" a b\" $ff -3 'x' loop");
        assert_eq!(
            classes(&lines[0]),
            vec![
                (Class::Define, ":"),
                (Class::Word, "sq"),
                (Class::Comment, "( n -- n )"),
                (Class::Word, "dup"),
                (Class::Word, "*"),
                (Class::Define, ";"),
                (Class::Comment, "\\ c"),
            ]
        );
        assert_eq!(
            classes(&lines[1]),
            vec![
                (Class::Str, ".\" a b\""),
                (Class::Number, "$ff"),
                (Class::Number, "-3"),
                (Class::Number, "'x'"),
                (Class::Control, "loop"),
            ]
        );
    }

    #[test]
    fn a_paren_comment_spans_lines_and_columns_are_one_based() {
        let lines = highlight("1 ( a\nb ) 2");
        assert_eq!(lines[1][0], Token { class: Class::Comment, col: 1, text: "b )".into() });
        assert_eq!(lines[1][2].col, 5);
        assert_eq!(lines[0][0].col, 1);
    }
}
