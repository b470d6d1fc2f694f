// The Forth language mode: a stream tokenizer that knows the parsing words
// (the text after `:`, `(`, `\`, `S"`, `."`, `CHAR`, `[CHAR]`, `'`,
// `POSTPONE` ... is a name, a comment or a string, not a word to look up),
// case-insensitively, and the highlighting of its tokens.
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

/** Words after which the next word is the name of a new definition. */
export const DEFINING = new Set([
  ':', 'CREATE', 'VARIABLE', 'CONSTANT', 'VALUE', 'DEFER', '2CONSTANT', '2VARIABLE', '2VALUE',
  'FVARIABLE', 'FCONSTANT', 'FVALUE', 'BUFFER:', 'MARKER', 'SYNONYM', 'CVARIABLE', 'FIELD:',
  'CFIELD:', 'FFIELD:', 'SFFIELD:', 'DFFIELD:', '+FIELD', 'BEGIN-STRUCTURE', 'VOCABULARY', 'ALIAS', 'END-STRUCT',
]);
/** Words after which the next word is a word's name (not executed). */
const TICKING = new Set(["'", "[']", 'POSTPONE', '[COMPILE]', 'IS', 'TO', 'ACTION-OF', '+TO', 'SEE', '[DEFINED]', '[UNDEFINED]']);
/** Words after which the next word's first character is a character literal. */
const CHARS = new Set(['CHAR', '[CHAR]']);
/** Words whose text runs to the next `"`. */
const STRINGS = new Set(['S"', '."', 'C"', 'ABORT"', 'S\\"', '.\\"', 'C\\"']);
/** Control flow and the ends of definitions. */
export const CONTROL = new Set([
  ';', ':NONAME', 'IF', 'ELSE', 'THEN', 'ENDIF', 'DO', '?DO', 'LOOP', '+LOOP', 'BEGIN', 'UNTIL', 'WHILE',
  'REPEAT', 'AGAIN', 'CASE', 'OF', 'ENDOF', 'ENDCASE', 'EXIT', 'LEAVE', 'UNLOOP', 'RECURSE', 'DOES>',
  'AHEAD', '?EXIT', 'THROW', 'CATCH', '[IF]', '[ELSE]', '[THEN]', 'IMMEDIATE',
]);
const NUMBER = /^(?:[-+]?(?:\d+\.?|\$[0-9a-f]+|#\d+|%[01]+)|'.'|[-+]?\d+(?:\.\d*)?e[-+]?\d*)$/i;

/**
 * Skips one Forth string literal in `stream` (after `S"` and its space):
 * the text up to and including the closing `"`; with escapes when `escaped`.
 */
function skipString(stream, escaped) {
  let ch;
  while ((ch = stream.next()) != null) {
    if (escaped && ch === '\\') stream.next();
    else if (ch === '"') return;
  }
}

/** The tokenizer, for StreamLanguage. */
export const forthParser = {
  name: 'forth',
  startState: () => ({ comment: false, expect: null }),
  copyState: (s) => ({ comment: s.comment, expect: s.expect }),
  token(stream, state) {
    if (state.comment) {
      if (stream.skipTo(')')) { stream.next(); state.comment = false; } else stream.skipToEnd();
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    stream.match(/^\S+/);
    const word = stream.current();
    const up = word.toUpperCase();
    const expect = state.expect;
    state.expect = null;
    if (expect === 'name') return 'def';
    if (expect === 'tick') return 'variableName.special';
    if (expect === 'char') return 'string';
    if (up === '\\') { stream.skipToEnd(); return 'comment'; }
    if (up === '(' || up === '.(') {
      if (stream.skipTo(')')) stream.next(); else if (up === '(') { stream.skipToEnd(); state.comment = true; } else stream.skipToEnd();
      return up === '(' ? 'comment' : 'string';
    }
    if (STRINGS.has(up)) { skipString(stream, up.includes('\\')); return 'string'; }
    if (DEFINING.has(up)) { state.expect = 'name'; return 'keyword'; }
    if (TICKING.has(up)) { state.expect = 'tick'; return 'keyword'; }
    if (CHARS.has(up)) { state.expect = 'char'; return 'keyword'; }
    if (CONTROL.has(up)) return 'keyword';
    if (NUMBER.test(word)) return 'number';
    return null;
  },
  languageData: { commentTokens: { line: '\\' } },
};

export const forthLanguage = StreamLanguage.define(forthParser);

/** Colours by CSS variables, so the page's light and dark schemes apply. */
export const forthHighlight = syntaxHighlighting(HighlightStyle.define([
  { tag: t.comment, color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: t.string, color: 'var(--tok-string)' },
  { tag: t.number, color: 'var(--tok-number)' },
  { tag: t.keyword, color: 'var(--tok-control)', fontWeight: '600' },
  { tag: t.definition(t.variableName), color: 'var(--tok-define)', fontWeight: '600' },
  { tag: t.special(t.variableName), color: 'var(--tok-define)' },
]));
