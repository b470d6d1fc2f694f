// The Forth mode's highlighting: the tokens of web/editor/forth.js's
// tokenizer in the drawn part of the text, marked with classes that the
// page's colours (CSS variables, light and dark) style, and the language
// data that commands such as toggle comment read (`\` comments lines).
//
// The tokenizer's state at the start of each line is kept, from the first
// line to the last one read, and dropped from the first changed line on at
// each edit: a keystroke re-reads the lines from the edit to the end of the
// view, never the whole text (the typing budget of a 5000-line source).
//
// Guarantee: the same tokens and styles as CodeMirror's StreamLanguage over
// the same tokenizer (lines read in order, each token from stream.start to
// stream.pos), without its syntax trees (@codemirror/language), which the
// page's first load would otherwise carry.
import { EditorState, RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin } from '@codemirror/view';
import { forthParser, LineStream } from './forth.js';

// A mark for each style the tokenizer gives.
const MARKS = {
  comment: Decoration.mark({ class: 'ff-comment' }),
  string: Decoration.mark({ class: 'ff-string' }),
  number: Decoration.mark({ class: 'ff-number' }),
  keyword: Decoration.mark({ class: 'ff-keyword' }),
  def: Decoration.mark({ class: 'ff-define' }),
  'variableName.special': Decoration.mark({ class: 'ff-tick' }),
};

/** Reads one line, updating `state`; `mark(from, to, style)` gets each styled token. */
function readLine(text, state, mark) {
  const stream = new LineStream(text);
  while (!stream.eol()) {
    stream.start = stream.pos;
    const style = forthParser.token(stream, state);
    if (style && mark) mark(stream.start, stream.pos, style);
  }
}

class Highlighter {
  constructor(view) {
    // starts[i]: the tokenizer's state at the start of line i + 1.
    this.starts = [forthParser.startState()];
    this.decorations = this.build(view);
  }

  update(u) {
    if (u.docChanged) {
      let first = u.state.doc.length;
      u.changes.iterChangedRanges((fromA, toA, fromB) => { first = Math.min(first, fromB); });
      // Lines up to the first changed one start as they did.
      this.starts.length = Math.min(this.starts.length, u.state.doc.lineAt(first).number);
    }
    if (u.docChanged || u.viewportChanged) this.decorations = this.build(u.view);
  }

  /** The state at the start of line `n` (a copy), reading the lines above it that were not read yet. */
  startOf(doc, n) {
    while (this.starts.length < n) {
      const k = this.starts.length;
      const s = forthParser.copyState(this.starts[k - 1]);
      readLine(doc.line(k).text, s, null);
      this.starts.push(s);
    }
    return forthParser.copyState(this.starts[n - 1]);
  }

  build(view) {
    const doc = view.state.doc;
    const builder = new RangeSetBuilder();
    let next = 1;
    for (const { from, to } of view.visibleRanges) {
      const last = doc.lineAt(to).number;
      let n = Math.max(next, doc.lineAt(from).number);
      const state = this.startOf(doc, n);
      for (; n <= last; n++) {
        const line = doc.line(n);
        readLine(line.text, state, (a, b, style) => builder.add(line.from + a, line.from + b, MARKS[style]));
        if (this.starts.length === n) this.starts.push(forthParser.copyState(state));
      }
      next = last + 1;
    }
    return builder.finish();
  }
}

/** The colours, by CSS variables, so the page's light and dark schemes apply. */
const colours = EditorView.baseTheme({
  '.ff-comment': { color: 'var(--tok-comment)', fontStyle: 'italic' },
  '.ff-string': { color: 'var(--tok-string)' },
  '.ff-number': { color: 'var(--tok-number)' },
  '.ff-keyword': { color: 'var(--tok-control)', fontWeight: '600' },
  '.ff-define': { color: 'var(--tok-define)', fontWeight: '600' },
  '.ff-tick': { color: 'var(--tok-define)' },
});

/** The extension: highlighting, its colours, and the language data. */
export const forthMode = [
  ViewPlugin.fromClass(Highlighter, { decorations: (h) => h.decorations }),
  colours,
  EditorState.languageData.of(() => [{ commentTokens: { line: '\\' } }]),
];
