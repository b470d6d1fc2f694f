// Completion of every word in the dictionary: the system's (sent by the
// compiler worker: name, stack effect, one-line doc), the program's as the
// last Run left them (with the effects the optimizer inferred), and the
// definitions in the editor's text right now (with their stack comments and
// the `\` comment line above them), so a word completes before it has run.
// Matching is case-insensitive, as Forth's dictionary is. The system's words
// come from pkg/words.json (made by the build, web/make-startup-files.mjs),
// fetched when completion is first set up (web/editor/extras.js); a
// completion asked for before they came waits for them.
import { DEFINING } from './forth.js';

/** Words by upper-case name: {label, detail, info, type}. */
let system = new Map();
let program = new Map();

/** The system's words once fetched (their fetch failed: none). */
let systemLoaded = null;

/** Fetches the system's words, [{name, effect, doc, kind}], once. */
export function loadSystemWords() {
  systemLoaded ??= fetch('pkg/words.json')
    .then((r) => (r.ok ? r.json() : []))
    .then((words) => { system = new Map(words.map((w) => [w.name.toUpperCase(), option(w, 'system')])); }, () => {});
  return systemLoaded;
}

/** The program's words after a run: [{name, kind, effect, immediate}]. */
export function setProgramWords(words) {
  program = new Map(words.map((w) => [w.name.toUpperCase(), option(w, 'program')]));
}

function option(w, origin) {
  const effect = w.effect ?? (origin === 'program' ? 'dynamic' : '');
  const kind = w.kind ? `${w.kind}${w.immediate ? ', immediate' : ''}` : '';
  const doc = w.doc || (origin === 'program' ? `your ${kind || 'word'}; stack effect inferred by the optimizer` : kind);
  return {
    label: w.name,
    detail: effect,
    info: doc,
    type: origin === 'program' || w.kind === 'colon' ? 'function' : w.kind === 'variable' ? 'variable' : 'keyword',
  };
}

const escape = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A defining word, the name after it, and the stack comment after that. */
const DEFINITION = new RegExp(
  `(?:^|[ \\t])(${[...DEFINING].map(escape).join('|')})[ \\t]+(\\S+)(?:[ \\t]+(\\([^)\\n]*\\)))?`, 'gim');

/**
 * The definitions written in `text`: name, its stack comment, and the `\`
 * comment line above it. One pass of one regular expression over the text
 * (about a millisecond for 5000 lines), as completion asks for it.
 */
function definitionsIn(text) {
  const found = new Map();
  let line = 1;
  let counted = 0;
  for (const m of text.matchAll(DEFINITION)) {
    // `CREATE DUP ,` in a colon definition compiles DUP; only a colon
    // definition of the text is taken to redefine a system word.
    if (m[1] !== ':' && system.has(m[2].toUpperCase())) continue;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    // The line above: from the newline before this line's to this line's start.
    const start = text.lastIndexOf('\n', m.index) + 1;
    const above = start > 0 ? /^\s*\\\s?(.*)$/.exec(text.slice(text.lastIndexOf('\n', start - 2) + 1, start - 1)) : null;
    found.set(m[2].toUpperCase(), {
      label: m[2],
      detail: m[3] ?? '',
      info: above ? above[1] : `defined on line ${line}`,
      type: m[1] === ':' ? 'function' : 'variable',
    });
  }
  return found;
}

/** The completion source. */
export async function forthCompletions(context) {
  const word = context.matchBefore(/\S+/);
  if (!word && !context.explicit) return null;
  if (word && word.text.length < 1 && !context.explicit) return null;
  await loadSystemWords();
  // Only the text around the definitions matters, but a regex pass over
  // the whole document is fast (about a millisecond for 5000 lines) and
  // runs only when completion is asked for.
  const all = new Map(system);
  for (const [k, v] of program) all.set(k, v);
  for (const [k, v] of definitionsIn(context.state.doc.toString())) {
    const p = program.get(k);
    all.set(k, p ? { ...v, detail: v.detail || p.detail } : v);
  }
  return {
    from: word ? word.from : context.pos,
    options: [...all.values()],
    validFor: /^\S*$/,
  };
}
