// The Forth language mode's tokenizer: it knows the parsing words (the text
// after `:`, `(`, `\`, `S"`, `."`, `CHAR`, `[CHAR]`, `'`, `POSTPONE` ... is a
// name, a comment or a string, not a word to look up), case-insensitively.
// It reads one line at a time through a LineStream (the subset of
// CodeMirror's StringStream it uses), with a state carried from line to line
// (a `(` comment may span lines); web/editor/highlight.js colours its
// tokens and web/editor/pairs.js finds the control-flow words with it. Not
// a CodeMirror language (@codemirror/language and its syntax trees): this is
// all the page needs at load, and what @codemirror/commands needs of a
// language comes with the editor's extras (web/editor/extras.js).

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

/** The tokenizer: token(stream, state) reads one token and gives its style (null: none). */
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
};

/** One line of text being tokenized: a position, a token's start, and the reads the tokenizer makes. */
export class LineStream {
  constructor(text) {
    this.string = text;
    this.pos = 0;
    this.start = 0;
  }

  eol() { return this.pos >= this.string.length; }

  next() { return this.pos < this.string.length ? this.string.charAt(this.pos++) : undefined; }

  eatSpace() {
    const from = this.pos;
    while (/[\s\u00a0]/.test(this.string.charAt(this.pos))) this.pos++;
    return this.pos > from;
  }

  skipToEnd() { this.pos = this.string.length; }

  /** Moves to the next `ch` (true), or stays (false) when there is none. */
  skipTo(ch) {
    const at = this.string.indexOf(ch, this.pos);
    if (at < 0) return false;
    this.pos = at;
    return true;
  }

  /** Reads what `re` (anchored with ^) matches here; null when it does not. */
  match(re) {
    const m = this.string.slice(this.pos).match(re);
    if (!m || m.index > 0) return null;
    this.pos += m[0].length;
    return m;
  }

  current() { return this.string.slice(this.start, this.pos); }
}
