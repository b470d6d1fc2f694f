// Bracket matching for Forth's control-flow words: with the cursor on (or
// just after) one of `: ;`, `IF ELSE THEN`, `DO LOOP +LOOP`, `BEGIN WHILE
// UNTIL REPEAT AGAIN`, `CASE ENDCASE`, `OF ENDOF`, the words of its
// structure are marked with CodeMirror's bracket classes; a word that
// closes nothing, or an opener left open, is marked as not matching.
// Case-insensitive; comments and strings are skipped by the same tokenizer
// as the highlighting. Only the definition around the cursor is scanned (from
// the nearest line that starts with `:` above it, at most MAX_LINES lines),
// so a long source costs no more than a short one.
import { StateField, RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';
import { forthParser, LineStream } from './forth.js';

const MAX_LINES = 400;
const OPEN = { ':': ';', ':NONAME': ';', IF: 'THEN', DO: 'LOOP', '?DO': 'LOOP', BEGIN: 'BEGIN', CASE: 'ENDCASE', OF: 'ENDOF' };
// Which opener each middle or closing word belongs to.
const CLOSE = { ';': [':', ':NONAME'], THEN: ['IF'], ENDIF: ['IF'], LOOP: ['DO', '?DO'], '+LOOP': ['DO', '?DO'], UNTIL: ['BEGIN'], AGAIN: ['BEGIN'], REPEAT: ['BEGIN'], ENDCASE: ['CASE'], ENDOF: ['OF'] };
const MIDDLE = { ELSE: ['IF'], WHILE: ['BEGIN'] };

/** The control words of lines [first, last] with their positions (upper-case). */
function controlWords(doc, first, last) {
  const out = [];
  let state = forthParser.startState();
  for (let n = first; n <= last; n++) {
    const line = doc.line(n);
    const stream = new LineStream(line.text);
    while (!stream.eol()) {
      stream.start = stream.pos;
      const before = state.expect;
      const style = forthParser.token(stream, state);
      const word = line.text.slice(stream.start, stream.pos).toUpperCase();
      if (style === 'keyword' && before === null && (OPEN[word] || CLOSE[word] || MIDDLE[word])) {
        out.push({ word, from: line.from + stream.start, to: line.from + stream.pos });
      }
    }
  }
  return out;
}

/** Groups the words into structures: each group lists its words' indices. */
function structures(words) {
  const stack = [];
  const groupOf = new Array(words.length);
  const groups = [];
  const bad = new Set();
  words.forEach((w, i) => {
    if (OPEN[w.word]) {
      const g = { members: [i], closed: false };
      groups.push(g);
      stack.push({ g, word: w.word });
      groupOf[i] = g;
      return;
    }
    const wants = CLOSE[w.word] ?? MIDDLE[w.word];
    const top = stack[stack.length - 1];
    if (!top || !wants.includes(top.word)) { bad.add(i); return; }
    top.g.members.push(i);
    groupOf[i] = top.g;
    if (CLOSE[w.word]) { top.g.closed = true; stack.pop(); }
  });
  return { groupOf, bad };
}

/** The decorations for the cursor's position. */
function decorate(state) {
  const sel = state.selection.main;
  if (!sel.empty) return Decoration.none;
  const doc = state.doc;
  const here = doc.lineAt(sel.head);
  let first = here.number;
  for (let n = here.number; n >= 1 && here.number - n < MAX_LINES; n--) {
    first = n;
    if (/^\s*:(\s|$)/.test(doc.line(n).text)) break;
  }
  const last = Math.min(doc.lines, first + MAX_LINES);
  const words = controlWords(doc, first, last);
  const at = words.findIndex((w) => w.from <= sel.head && sel.head <= w.to);
  if (at < 0) return Decoration.none;
  const { groupOf, bad } = structures(words);
  const g = groupOf[at];
  const builder = new RangeSetBuilder();
  if (!g || bad.has(at)) {
    builder.add(words[at].from, words[at].to, NONMATCHING);
  } else {
    const mark = g.closed ? MATCHING : NONMATCHING;
    for (const i of g.members) builder.add(words[i].from, words[i].to, mark);
  }
  return builder.finish();
}

const MATCHING = Decoration.mark({ class: 'cm-matchingBracket' });
const NONMATCHING = Decoration.mark({ class: 'cm-nonmatchingBracket' });

/** The extension. */
export const controlFlowMatching = StateField.define({
  create: (state) => decorate(state),
  update: (deco, tr) => (tr.docChanged || tr.selection ? decorate(tr.state) : deco),
  provide: (f) => EditorView.decorations.from(f),
});
