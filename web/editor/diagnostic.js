// The editor's one diagnostic: the error of the last Run, marked over its
// word (`cm-lintRange cm-lintRange-error`, underlined) with a marker in a
// gutter of its own (`cm-lint-marker cm-lint-marker-error`, on its line),
// each with the message as its title (the page also shows the message
// under the output). It does what @codemirror/lint's setDiagnostics and
// lintGutter did here, in a fraction of its size: the page only ever has
// one error to show, and never lints as the text changes.
//
// Guarantees: the message is only ever set as an attribute's text, never as
// HTML; the mark follows the edits made after it was set (mapped through
// each change; one edited away is dropped), until the page sets another or
// none.
import { StateField, StateEffect, RangeSet } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, gutter } from '@codemirror/view';

// {from, to, message}, or null: the diagnostic to show.
const setDiagnostic = StateEffect.define();

const field = StateField.define({
  create: () => null,
  update(value, tr) {
    if (value && tr.docChanged) {
      const from = tr.changes.mapPos(value.from, 1);
      const to = tr.changes.mapPos(value.to, -1);
      value = to > from ? { ...value, from, to } : null;
    }
    for (const e of tr.effects) if (e.is(setDiagnostic)) value = e.value;
    return value;
  },
  provide: (f) => EditorView.decorations.from(f, (d) => (d
    ? Decoration.set([Decoration.mark({ class: 'cm-lintRange cm-lintRange-error', attributes: { title: d.message } }).range(d.from, d.to)])
    : Decoration.none)),
});

class ErrorMarker extends GutterMarker {
  constructor(message) {
    super();
    this.message = message;
  }

  eq(other) {
    return other.message === this.message;
  }

  toDOM() {
    const el = document.createElement('div');
    el.className = 'cm-lint-marker cm-lint-marker-error';
    el.title = this.message;
    return el;
  }
}

const theme = EditorView.baseTheme({
  '.cm-lintRange-error': { textDecoration: 'underline wavy var(--err, #d11)', textUnderlineOffset: '3px' },
  '.cm-lint-marker': { width: '1em', height: '1em', margin: '2px 0', borderRadius: '50%' },
  '.cm-lint-marker-error': { backgroundColor: 'var(--err, #d11)' },
  '.cm-gutter-lint': { width: '1.2em', paddingLeft: '2px' },
});

/** The extension: the field, its gutter and their styles. */
export const diagnostic = [
  field,
  gutter({
    class: 'cm-gutter-lint',
    markers: (view) => {
      const d = view.state.field(field);
      if (!d) return RangeSet.empty;
      return RangeSet.of([new ErrorMarker(d.message).range(view.state.doc.lineAt(d.from).from)]);
    },
  }),
  theme,
];

/** The transaction spec that shows `d` ({from, to, message}), or nothing when `d` is null. */
export function showDiagnostic(d) {
  return { effects: setDiagnostic.of(d) };
}
