// The code view's marks in the editor: each source token that made code
// in the word shown gets the colour class of its index (`tok-cN`, the same
// classes as its WAT lines), and the token under the mouse, here or in the
// code view, gets `tok-hot`. Positions follow the edits made after the
// tokens were set (they are mapped through each change, until the page
// takes them away), and hovering a
// token reports its index, so the page can mark its WAT lines.
import { StateField, StateEffect } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';

// How many colours tokens cycle through (PALETTE in panels/code_view.rs).
const PALETTE = 8;

const setTokens = StateEffect.define();
const setHot = StateEffect.define();

// {tokens: [{from, to}] in document order, hot: index or -1}
const marks = StateField.define({
  create: () => ({ tokens: [], hot: -1 }),
  update(value, tr) {
    let { tokens, hot } = value;
    if (tr.docChanged) {
      tokens = tokens.map((t) => ({ from: tr.changes.mapPos(t.from, 1), to: tr.changes.mapPos(t.to, -1) }));
    }
    for (const e of tr.effects) {
      if (e.is(setTokens)) ({ tokens, hot } = { tokens: e.value, hot: -1 });
      else if (e.is(setHot)) hot = e.value;
    }
    return tokens === value.tokens && hot === value.hot ? value : { tokens, hot };
  },
  provide: (field) => EditorView.decorations.from(field, ({ tokens, hot }) => Decoration.set(
    tokens.flatMap((t, k) => (t.to > t.from
      ? [Decoration.mark({ class: `tok-c${k % PALETTE}${k === hot ? ' tok-hot' : ''}` }).range(t.from, t.to)]
      : [])),
    true,
  )),
});

/** The index of the token at document position `pos`, or -1. */
function tokenAt(state, pos) {
  const { tokens } = state.field(marks);
  return tokens.findIndex((t) => t.from <= pos && pos < t.to);
}

/**
 * The extension, reporting the index of the token under the mouse (or -1)
 * to `onHover` each time it changes.
 */
export function codeMarks(onHover) {
  let last = -1;
  const report = (k) => {
    if (k !== last) {
      last = k;
      onHover(k);
    }
  };
  return [
    marks,
    EditorView.domEventHandlers({
      mousemove(e, view) {
        const pos = view.posAtCoords({ x: e.clientX, y: e.clientY }, false);
        report(pos === null ? -1 : tokenAt(view.state, pos));
        return false;
      },
      mouseleave() { report(-1); return false; },
    }),
  ];
}

/** Sets the tokens, `[{line, col, len}]` (1-based, in characters), in document order. */
export function setCodeTokens(view, list) {
  if (list.length === 0 && view.state.field(marks).tokens.length === 0) return;
  const doc = view.state.doc;
  const tokens = list.map(({ line, col, len }) => {
    if (line < 1 || line > doc.lines) return { from: 0, to: 0 };
    const l = doc.line(line);
    const from = Math.min(l.to, l.from + col - 1);
    return { from, to: Math.min(l.to, from + len) };
  });
  view.dispatch({ effects: setTokens.of(tokens) });
}

/** Marks token `k` (-1: none) as the one under the mouse. */
export function setHotToken(view, k) {
  if (view.state.field(marks).hot !== k) view.dispatch({ effects: setHot.of(k) });
}
