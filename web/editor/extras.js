// The editor's extras, which the page does not need until the editor is
// used: its keys (CodeMirror's default keymap, Tab indenting, undo and its
// history), search and replace, completion, and the other matches of the
// selection. esbuild puts this module and what only it imports
// (@codemirror/commands, language, search, autocomplete, @lezer/common) in a
// chunk of its own, which web/editor/main.js imports the first time the
// editor takes the focus (or a key is pressed in it; keys pressed while it
// loads wait for it): the page's first load, up to the first Run's output,
// does without it. Undo history starts there too: the texts the page set before (the
// saved one, an example, a share link) are not undone.
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import {
  defaultKeymap, history, historyKeymap, indentWithTab, temporarilySetTabFocusMode,
} from '@codemirror/commands';
import { indentUnit } from '@codemirror/language';
import { search, searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import {
  autocompletion, startCompletion, closeCompletion, acceptCompletion, moveCompletionSelection,
} from '@codemirror/autocomplete';
import { forthCompletions, loadSystemWords } from './complete.js';

/** The extras' extensions, for main.js's compartment. */
export function extensions() {
  loadSystemWords();
  // Completion is accepted with Tab, not Enter: Enter always ends the line
  // (a word typed in full, like `;`, is often a completion's whole label).
  const completionKeys = Prec.high(keymap.of([
    { key: 'Ctrl-Space', run: startCompletion },
    // Escape closes the list and, as a plain Escape does, lets the next Tab leave the editor.
    { key: 'Escape', run: (view) => closeCompletion(view) && (temporarilySetTabFocusMode(view), true) },
    { key: 'ArrowDown', run: moveCompletionSelection(true) },
    { key: 'ArrowUp', run: moveCompletionSelection(false) },
    { key: 'PageDown', run: moveCompletionSelection(true, 'page') },
    { key: 'PageUp', run: moveCompletionSelection(false, 'page') },
    { key: 'Tab', run: acceptCompletion },
  ]));
  return [
    history(),
    indentUnit.of('  '),
    highlightSelectionMatches(),
    search({ top: true }),
    autocompletion({ override: [forthCompletions], activateOnTyping: true, icons: false, defaultKeymap: false, maxRenderedOptions: 40 }),
    completionKeys,
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    // Leaving the editor (a click on Run) closes a completion list, also
    // one whose answer comes after the blur.
    EditorView.domEventHandlers({ blur: (e, v) => { setTimeout(() => closeCompletion(v), 0); return false; } }),
  ];
}
