// The playground's editor: CodeMirror 6 with the Forth mode, bundled by
// esbuild (`make editor`) into one script that defines `window.ForthEditor`
// for the Leptos page (web/app/src/editor.rs), then fires `forth-editor` on
// the window (the page's app may start before this script has run):
//
//   ForthEditor.create(parent, text, onChange(text), onRun()) -> handle
//                                         (onChange: after typing pauses, see CHANGE_DELAY_MS)
//   handle.setText(text)                  replace the text (no-op if equal); calls no onChange
//   handle.setError(line, column, message) a diagnostic (line 0: none)
//   handle.setProgramWords(words)         completion: an array of {name, kind, immediate, effect}
//                                         (the system's words come from pkg/words.json, made by the build)
//   handle.focus()
//   handle.setCodeTokens(json)            the code view's tokens, [{line, col, len}] (see code_marks.js)
//   handle.setHotToken(k)                 the token under the mouse in the code view (-1: none)
//   handle.onCodeEvents(onCursor(line, col), onHover(k))  the cursor moved (by the user); the
//                                         mouse is over token k of the code view's (-1: none)
//   ForthEditor.textOf(element)           the text of the editor holding it
//
// The keys, undo, search and replace and completion come in a chunk of their
// own (web/editor/extras.js), imported at the editor's first use.
//
// Guarantee: text only ever reaches the document as text (CodeMirror's
// document model; nothing here sets innerHTML).
import { Annotation, Compartment, EditorState, Prec } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  highlightSpecialChars, rectangularSelection, dropCursor, runScopeHandlers,
} from '@codemirror/view';
import { forthMode } from './highlight.js';
import { controlFlowMatching } from './pairs.js';
import { setProgramWords } from './complete.js';
import { codeMarks, setCodeTokens, setHotToken } from './code_marks.js';
import { diagnostic, showDiagnostic } from './diagnostic.js';

const theme = EditorView.theme({
  '&': { height: '100%', color: 'var(--fg)', backgroundColor: 'var(--panel)', fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '20px' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--gutter)', color: 'var(--muted)', borderRight: '1px solid var(--line)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection) !important' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--match)', outline: '1px solid var(--accent)' },
  '.cm-nonmatchingBracket, &.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--errbg)', color: 'var(--err)' },
  '.cm-panels': { backgroundColor: 'var(--gutter)', color: 'var(--fg)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--line)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: '#fff' },
  '.cm-completionDetail': { fontFamily: 'var(--mono)', marginLeft: '1em', fontStyle: 'normal', opacity: 1, color: 'inherit' },
});

// A multi-line text inserted as one input (`insertText` with newlines:
// dictation, automation such as Playwright's fill) becomes one transaction.
// Left to the browser it is a DOM edit that CodeMirror reads back, which
// costs time quadratic in the lines (10 s for 2000 lines).
const bulkInsert = EditorView.domEventHandlers({
  beforeinput(e, view) {
    if (e.inputType !== 'insertText' || !e.data || !e.data.includes('\n')) return false;
    const sel = view.dom.ownerDocument.getSelection();
    if (!sel || !sel.anchorNode || !view.contentDOM.contains(sel.anchorNode)) return false;
    const a = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
    const b = view.posAtDOM(sel.focusNode, sel.focusOffset);
    const from = Math.min(a, b);
    e.preventDefault();
    view.dispatch({
      changes: { from, to: Math.max(a, b), insert: e.data },
      selection: { anchor: from + e.data.length },
      userEvent: 'input.type',
      scrollIntoView: true,
    });
    return true;
  },
});

// How long the text rests before the page is told of it, in ms. Telling it
// copies the whole text into the app (for 5000 lines, a few ms): off the
// path from a key to its frame, the page hears of the text once typing
// pauses, and at once before Run, when the editor loses the focus (a click
// on a button), and when the page is left.
const CHANGE_DELAY_MS = 100;

// Marks a change the page made (setText): the page has that text already.
const fromPage = Annotation.define();

// The extras' chunk (web/editor/extras.js: search and replace, completion),
// once it is loading; a failed import is tried again at the next use.
let extrasChunk = null;
const loadExtras = () => (extrasChunk ??= import('./extras.js').catch((e) => { extrasChunk = null; throw e; }));

// The extras join an editor at its first use: its first focus, or a key
// pressed in it. Keys pressed while they are on their way (the first
// milliseconds after the focus) wait, and then go through the editor's
// keymaps in order, the extras' included, or are typed: the browser's own
// editing of CodeMirror's DOM is never left to handle them.
function extrasOnFirstUse() {
  const slot = new Compartment();
  // 'none', 'loading' or 'in'.
  let stage = 'none';
  let waiting = [];
  const join = (view) => {
    if (stage !== 'none') return;
    stage = 'loading';
    loadExtras()
      .then((x) => {
        view.dispatch({ effects: slot.reconfigure(x.extensions()) });
        stage = 'in';
      }, (e) => {
        stage = 'none';
        console.warn(`editor extras: ${e}`);
      })
      .then(() => {
        const keys = waiting;
        waiting = [];
        for (const ev of keys) replayKey(view, ev);
      });
  };
  return [
    slot.of([]),
    EditorView.domEventHandlers({ focus: (e, view) => { join(view); return false; } }),
    Prec.highest(EditorView.domEventHandlers({
      keydown: (e, view) => {
        if (stage === 'in' || e.isComposing || e.keyCode === 229) return false;
        join(view);
        waiting.push(e);
        e.preventDefault();
        return true;
      },
    })),
  ];
}

// A key that waited for the extras: the editor's keymaps, else its character typed.
function replayKey(view, ev) {
  if (runScopeHandlers(view, ev, 'editor')) return;
  if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
    view.dispatch(view.state.replaceSelection(ev.key), { userEvent: 'input.type', scrollIntoView: true });
  }
}

function create(parent, text, onChange, onRun) {
  // The code view's listeners, once the page gives them (onCodeEvents).
  let onCursor = null;
  let onHover = null;
  let pending = null;
  const flush = () => {
    if (pending === null) return;
    clearTimeout(pending);
    pending = null;
    onChange(view.state.doc.toString());
  };
  const cancel = () => {
    if (pending !== null) clearTimeout(pending);
    pending = null;
  };
  const changed = () => {
    cancel();
    pending = setTimeout(flush, CHANGE_DELAY_MS);
  };
  const runKey = Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { flush(); onRun(); return true; } }]));
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), drawSelection(), dropCursor(),
        rectangularSelection(), highlightActiveLine(),
        bulkInsert, forthMode, controlFlowMatching,
        extrasOnFirstUse(),
        diagnostic,
        runKey,
        theme,
        EditorView.contentAttributes.of({
          'data-testid': 'editor', 'aria-label': 'Forth source (Tab indents; Escape then Tab leaves the editor)',
          spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off',
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !u.transactions.some((tr) => tr.annotation(fromPage))) changed();
          // Told after this update, never inside it: the page may answer
          // with a dispatch of its own (new code tokens).
          if (u.selectionSet && onCursor) {
            const head = u.state.selection.main.head;
            const line = u.state.doc.lineAt(head);
            queueMicrotask(() => onCursor(line.number, head - line.from + 1));
          }
        }),
        codeMarks((k) => onHover?.(k)),
        // Leaving the editor (a click on Run) hands the text over.
        EditorView.domEventHandlers({ blur: () => { flush(); return false; } }),
      ],
    }),
  });
  // When a long line makes the text scroll sideways (a phone), the scroller
  // is a scrollable region, which keyboard users must be able to reach
  // (axe's scrollable-region-focusable; it does not count the editable
  // text inside as focusable). Tab from outside lands on the scroller and
  // goes straight on into the text; Shift+Tab from the text stops on the
  // scroller once (arrow keys scroll it), and the next Shift+Tab leaves.
  view.scrollDOM.setAttribute('tabindex', '0');
  view.scrollDOM.setAttribute('aria-label', 'Forth source, scrolling area');
  view.scrollDOM.addEventListener('focus', (e) => {
    if (e.target === view.scrollDOM && !view.dom.contains(e.relatedTarget)) view.focus();
  });
  // Before the page's own pagehide handler (the autosave), which comes after both.
  window.addEventListener('beforeunload', flush);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
  return {
    view,
    flush,
    // The page calls this from its own update of the text: onChange must not
    // run now (it would re-enter that update). A change not yet reported is
    // dropped (the page's text replaces it), and the replacement is not
    // reported back, so the page's text and the editor's stay the same.
    setText(t) {
      cancel();
      if (view.state.doc.toString() === t) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t }, annotations: fromPage.of(true) });
    },
    setError(line, column, message) {
      const doc = view.state.doc;
      if (!line || line > doc.lines) { view.dispatch(showDiagnostic(null)); return; }
      const l = doc.line(line);
      const from = Math.min(l.to, l.from + Math.max(0, column - 1));
      const rest = l.text.slice(from - l.from);
      const len = rest.search(/\s|$/);
      const to = Math.min(l.to, from + Math.max(len, 1));
      view.dispatch(showDiagnostic({ from, to, message }));
    },
    setProgramWords(words) { setProgramWords(words); },
    focus() { view.focus(); },
    setCodeTokens(json) { setCodeTokens(view, JSON.parse(json)); },
    setHotToken(k) { setHotToken(view, k); },
    onCodeEvents(cursor, hover) { onCursor = cursor; onHover = hover; },
  };
}

function textOf(el) {
  return EditorView.findFromDOM(el)?.state.doc.toString() ?? null;
}

window.ForthEditor = { create, textOf };
// The app may have started first: it waits for this (web/app/src/editor.rs).
window.dispatchEvent(new Event('forth-editor'));
