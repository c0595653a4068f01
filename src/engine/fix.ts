/**
 * --fix and --fix-dry-run. Lint, turn the findings' fixes into text edits (src/source/edit.ts), apply
 * those that do not overlap, prove the result right, lint again; at most MAX_FIX_PASSES times, as
 * ESLint does (its MAX_AUTOFIX_PASSES), since one fix can make room for another (two dotted keys
 * that nest into the same new map: the second joins the map the first created, on the next pass).
 *
 * A fix is applied only when the new text parses and its plain data is exactly what the fix says
 * (the old data with that key renamed, that item appended, ...): an edit that would produce invalid
 * YAML or change anything else is dropped, never written.
 */
import type { DocumentFix, Fix, LintResult, Path, Plain, TextFix } from '../types';
import { parseYaml, ParsedYaml } from '../source/yaml';
import { parseSource } from '../source/parse';
import { applyEdits, editsForFix, TextEdit } from '../source/edit';
import { literalBlockLines } from '../source/embedded';
import { LocatedTree } from '../source/tree';
import { treeEditsForFix } from '../source/tree-edit';
import { collectSecrets } from './redact';
import { isPlainMap } from '../types';

/** Enough for fixes that enable one another, bounded so a fix that keeps re-firing cannot loop. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The text with every fix that could be applied; the input itself when none could. */
  output: string;
  /** The lint of `output`: the problems that are left. Undefined: the text holds no auth settings. */
  result: LintResult | undefined;
  /** How many fixes were applied over all passes. */
  applied: number;
}

/** Fixes what can be fixed safely in one text, linted by `lint`. Pure: never reads or writes a file. */
export function fixText(text: string, lint: (text: string) => LintResult | undefined): FixOutcome {
  let output = text;
  let result = lint(output);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES && result; pass++) {
    const step = fixOnce(output, result.messages.flatMap((m) => (m.fix ? [m.fix] : [])));
    if (step.applied === 0) break;
    output = step.output;
    applied += step.applied;
    result = lint(output);
  }
  return { output, result, applied };
}

/** Whether a text holds a secret value (its fixed form is then never printed). */
export function holdsSecrets(text: string, filePath: string): boolean {
  return parseYaml(text, filePath).documents.some((document) => [...collectSecrets(document.plain())].some((secret) => text.includes(secret)));
}

/**
 * Each fix as one edit of `text` (ESLint's `fix`), or undefined where --fix would not apply it on
 * its own: no safe edit for the shape, or the edited text fails the check fixOnce makes. As in
 * fixOnce, the fixes whose edits overlap no other's are checked together, with one parse of the
 * edited text (they are independent: each changes its own part of the data); only when that check
 * fails, and for the overlapping ones, is each fix checked alone. A file with hundreds of fixable
 * findings thus costs two parses, not one per finding. A fix two findings share is worked out once.
 */
export function textFixesFor(text: string, fixes: readonly DocumentFix[]): (TextFix | undefined)[] {
  return textFixesOnTree(text, fixes) ?? textFixesOnYaml(text, fixes);
}

/**
 * The same answer without a `yaml` parse, when every fix is one src/source/tree-edit.ts makes on
 * the located tree (a renamed key, a replaced scalar, an item appended to a block list): most
 * files with a fixable finding. Undefined as soon as one fix is not: then all of them go through
 * `yaml`, so the answer never depends on which path gave it.
 */
function textFixesOnTree(text: string, fixes: readonly DocumentFix[]): (TextFix | undefined)[] | undefined {
  if (fixes.some((fix) => fix.embedded)) return undefined;
  const parsed = parseSource(text, 'fixed');
  if (parsed.syntaxErrors.length > 0 || parsed.limitProblems.length > 0) return undefined;
  const candidates = new Map<string, Candidate>();
  for (const fix of fixes) {
    const id = JSON.stringify(fix);
    if (candidates.has(id)) continue;
    const document = parsed.documents[fix.document];
    const edits = document instanceof LocatedTree ? treeEditsForFix(text, document, fix) : undefined;
    if (!edits || edits.length === 0) return undefined;
    candidates.set(id, { fix, edits });
  }
  return checkedTextFixes(text, parsed, fixes, candidates);
}

function textFixesOnYaml(text: string, fixes: readonly DocumentFix[]): (TextFix | undefined)[] {
  const parsed = parseYaml(text, 'fixed');
  if (parsed.syntaxErrors.length > 0) return fixes.map(() => undefined);
  const candidates = new Map<string, Candidate>();
  for (const fix of fixes) {
    const id = JSON.stringify(fix);
    if (candidates.has(id)) continue;
    const edits = editsOf(text, parsed, fix);
    if (edits && edits.length > 0) candidates.set(id, { fix, edits });
  }
  return checkedTextFixes(text, parsed, fixes, candidates);
}

/** Each fix's edits as one TextFix, where the edited text holds what the fixes promise (checked jointly, then one by one). */
function checkedTextFixes(text: string, parsed: Parsed, fixes: readonly DocumentFix[], candidates: ReadonlyMap<string, Candidate>): (TextFix | undefined)[] {
  const all = [...candidates.values()];
  const independent = all.filter((candidate, i) => !all.some((other, j) => i !== j && overlapsAny(candidate, [other])));
  // The edited text is read back as the linter reads it (the fast reader where it can): a JSON run
  // pays one `yaml` parse per file with a fixable finding, for the edits, not two.
  const reparse = (output: string): Reparsed => parseSource(output, 'fixed');
  const jointlySound = new Set(isSound(text, parsed, independent, reparse) ? independent : []);
  const done = new Map<string, TextFix | undefined>();
  for (const [id, candidate] of candidates) {
    const sound = jointlySound.has(candidate) || isSound(text, parsed, [candidate], reparse);
    done.set(id, sound ? asOneEdit(text, candidate.edits) : undefined);
  }
  return fixes.map((fix) => done.get(JSON.stringify(fix)));
}

/** The text edits of one fix; none where it has no safe edit. */
function editsOf(text: string, parsed: ParsedYaml, fix: DocumentFix): TextEdit[] | undefined {
  if (fix.embedded) return embeddedEdits(text, parsed, fix, fix.embedded);
  const document = parsed.asts[fix.document];
  return document ? editsForFix(text, document, fix) : undefined;
}

/**
 * A fix of the YAML text inside the literal block string at `at` (Argo CD's `helm.values: |`): made
 * on that text as on a values file of its own, then the block's lines are replaced by the edited
 * text at the block's indentation. Only a block that holds its text exactly (src/source/embedded.ts)
 * is edited; isSound then checks both the outer document and the text inside.
 */
function embeddedEdits(text: string, parsed: ParsedYaml, fix: DocumentFix, at: Path): TextEdit[] | undefined {
  const outer = parsed.documents[fix.document];
  const value = outer ? dataAt(outer.plain(), at) : undefined;
  const scalar = outer?.scalarSource(at);
  if (typeof value !== 'string' || !scalar) return undefined;
  const block = literalBlockLines(scalar, value);
  const inner = parseYaml(value, 'fixed');
  if (!block || inner.syntaxErrors.length > 0 || inner.asts.length !== 1) return undefined;
  // The fix's paths are the inner text's own.
  const edits = editsForFix(value, inner.asts[0], fix);
  if (!edits || edits.length === 0) return undefined;
  // The block's lines up to its last one with text; the line breaks after it (chomping) stay as written.
  const end = block.start + text.slice(block.start, block.end).replace(/\s+$/, '').length;
  const indent = ' '.repeat(block.indent);
  const now = applyEdits(value, edits).replace(/\s+$/, '').split('\n').map((line) => (line === '' ? '' : indent + line));
  return [replacedLines(text, block.start, end, now)];
}

/**
 * One edit that turns the lines of text[start, end) into `now`, leaving the lines both share at the
 * start and at the end as they are written (a blank line's spaces included).
 */
function replacedLines(text: string, start: number, end: number, now: readonly string[]): TextEdit {
  const old = text.slice(start, end).split('\n');
  const same = (a: string, b: string): boolean => a === b || (a.trim() === '' && b === '');
  let head = 0;
  while (head < old.length && head < now.length && same(old[head], now[head])) head++;
  let tail = 0;
  while (tail < old.length - head && tail < now.length - head && same(old[old.length - 1 - tail], now[now.length - 1 - tail])) tail++;
  // In lines that each end with a line break, the last one's break being the block's own.
  const lineStart = (i: number): number => start + old.slice(0, i).reduce((sum, line) => sum + line.length + 1, 0);
  let from = lineStart(head);
  let to = lineStart(old.length - tail);
  let insert = now.slice(head, now.length - tail).map((line) => `${line}\n`).join('');
  if (tail === 0) {
    to -= 1;
    insert = insert.replace(/\n$/, '');
    if (insert === '' && from > start) from -= 1;
  }
  return { start: from, end: to, text: insert };
}

/** The edits of one fix (they never overlap) as one: from the first one's start to the last one's end. */
function asOneEdit(text: string, edits: readonly TextEdit[]): TextFix {
  const start = Math.min(...edits.map((edit) => edit.start));
  const end = Math.max(...edits.map((edit) => edit.end));
  const local = edits.map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start }));
  return { range: [start, end], text: applyEdits(text.slice(start, end), local) };
}

interface Candidate {
  fix: DocumentFix;
  edits: TextEdit[];
}

/** One pass: every fix that has a safe edit, minus those that overlap an earlier one or fail the check. */
function fixOnce(text: string, fixes: readonly DocumentFix[]): { output: string; applied: number } {
  const parsed = parseYaml(text, 'fixed');
  if (parsed.syntaxErrors.length > 0) return { output: text, applied: 0 };
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    const id = JSON.stringify(fix);
    if (seen.has(id)) continue;
    seen.add(id);
    const edits = editsOf(text, parsed, fix);
    if (edits && edits.length > 0) candidates.push({ fix, edits });
  }
  // Usually every fix is independent and one check suffices; otherwise take them one at a time.
  let chosen = withoutOverlaps(candidates);
  if (!isSound(text, parsed, chosen)) {
    chosen = [];
    for (const candidate of candidates) {
      if (!overlapsAny(candidate, chosen) && isSound(text, parsed, [...chosen, candidate])) chosen.push(candidate);
    }
  }
  if (chosen.length === 0) return { output: text, applied: 0 };
  return { output: applyEdits(text, chosen.flatMap((c) => c.edits)), applied: chosen.length };
}

function withoutOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const candidate of candidates) if (!overlapsAny(candidate, kept)) kept.push(candidate);
  return kept;
}

/** Edits of different fixes may not even touch: the later fix waits for the next pass. */
function overlapsAny(candidate: Candidate, others: readonly Candidate[]): boolean {
  return others.some((other) =>
    other.edits.some((a) => candidate.edits.some((b) => a.start <= b.end && b.start <= a.end)),
  );
}

/** What isSound needs of the edited text, parsed. */
type Reparsed = Pick<ParsedYaml, 'syntaxErrors'> & Parsed;

/** What isSound needs of the text before the edits, parsed by either reader. */
type Parsed = { documents: readonly Pick<ParsedYaml['documents'][number], 'plain' | 'duplicateKeys'>[] };

/** The edited text parses, and every document holds exactly the data the fixes promise. */
function isSound(
  text: string,
  before: Parsed,
  candidates: readonly Candidate[],
  reparse: (output: string) => Reparsed = (output) => parseYaml(output, 'fixed'),
): boolean {
  if (candidates.length === 0) return true;
  const output = applyEdits(text, candidates.flatMap((c) => c.edits));
  if (output === text) return false;
  const after = reparse(output);
  if (after.syntaxErrors.length > 0 || after.documents.length !== before.documents.length) return false;
  return before.documents.every((document, index) => {
    const fixes = candidates.map((c) => c.fix).filter((fix) => fix.document === index);
    const got = after.documents[index];
    let expected: Plain | undefined = structuredClone(document.plain());
    for (const fix of fixes) if (!fix.embedded) expected = expected === undefined ? undefined : applyToData(expected, fix);
    if (expected === undefined) return false;
    // A text inside a string: it holds exactly what its fixes promise, and the string is all that changed around it.
    const texts = new Map(fixes.flatMap((fix) => (fix.embedded ? [[JSON.stringify(fix.embedded), fix.embedded] as const] : [])));
    for (const [key, at] of texts) {
      const now = dataAt(got.plain(), at);
      const sound = isSoundText(dataAt(document.plain(), at), now, fixes.filter((fix) => JSON.stringify(fix.embedded) === key));
      if (!sound || !isPlainMap(expected) || typeof now !== 'string') return false;
      setAt(expected, at, now);
    }
    const duplicatesGone = fixes.every(
      (fix) => fix.kind !== 'remove-entry' || fix.embedded !== undefined || !got.duplicateKeys().some((d) => samePath([...d.mapPath, d.key], fix.at)),
    );
    return duplicatesGone && sameData(got.plain(), expected);
  });
}

/** The YAML text `before`, edited into `after`, holds exactly the data the fixes promise. */
function isSoundText(before: Plain | undefined, after: Plain | undefined, fixes: readonly DocumentFix[]): boolean {
  if (typeof before !== 'string' || typeof after !== 'string') return false;
  const old = parseYaml(before, 'fixed');
  const now = parseYaml(after, 'fixed');
  if (now.syntaxErrors.length > 0 || old.documents.length !== 1 || now.documents.length !== 1) return false;
  let expected: Plain | undefined = structuredClone(old.documents[0].plain());
  for (const fix of fixes) expected = expected === undefined ? undefined : applyToData(expected, fix);
  const duplicatesGone = fixes.every(
    (fix) => fix.kind !== 'remove-entry' || !now.documents[0].duplicateKeys().some((d) => samePath([...d.mapPath, d.key], fix.at)),
  );
  return expected !== undefined && duplicatesGone && sameData(now.documents[0].plain(), expected);
}

/** Sets the value at `path` of a map (every step of it exists: it is a path of the same data). */
function setAt(root: Plain, path: Path, value: Plain): void {
  const parent = dataAt(root, path.slice(0, -1));
  const last = path.at(-1);
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = value;
  else if (isPlainMap(parent) && last !== undefined) parent[String(last)] = value;
}

/** What a fix does to the data (undefined: it cannot apply); the text edit must produce the same. */
export function applyToData(root: Plain, fix: Fix): Plain | undefined {
  const parentPath = fix.at.slice(0, -1);
  const last = fix.at.at(-1);
  switch (fix.kind) {
    case 'remove-entry':
      return root; // Helm keeps the last occurrence: dropping the others changes nothing it reads.
    case 'append-item': {
      const list = dataAt(root, fix.at);
      if (!Array.isArray(list)) return undefined;
      list.push(fix.value);
      return root;
    }
    case 'replace-value': {
      const parent = dataAt(root, parentPath);
      if (!hasEntry(parent, last)) return undefined;
      (parent as Record<string | number, Plain>)[last as string | number] = fix.value;
      return root;
    }
    case 'rename-key': {
      const parent = dataAt(root, parentPath);
      if (!isPlainMap(parent) || !hasEntry(parent, last) || hasEntry(parent, fix.to)) return undefined;
      const value = parent[String(last)];
      delete parent[String(last)];
      parent[fix.to] = value;
      return root;
    }
    case 'move-entry': {
      const parent = dataAt(root, parentPath);
      if (!isPlainMap(parent) || !hasEntry(parent, last)) return undefined;
      const value = parent[String(last)];
      delete parent[String(last)];
      let holder: Plain | undefined = root;
      for (const segment of fix.to.slice(0, -1)) {
        if (Array.isArray(holder) && typeof segment === 'number') {
          holder = holder[segment];
          continue;
        }
        if (!isPlainMap(holder)) return undefined;
        if (!hasEntry(holder, segment)) holder[String(segment)] = {};
        holder = holder[String(segment)];
      }
      if (!isPlainMap(holder) || hasEntry(holder, fix.to.at(-1))) return undefined;
      holder[String(fix.to.at(-1))] = value;
      return root;
    }
  }
}

function dataAt(root: Plain, path: Path): Plain | undefined {
  let current: Plain | undefined = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainMap(current) && Object.prototype.hasOwnProperty.call(current, segment)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

function hasEntry(container: Plain | undefined, key: string | number | undefined): boolean {
  if (key === undefined) return false;
  if (Array.isArray(container)) return typeof key === 'number' && key < container.length;
  return isPlainMap(container) && Object.prototype.hasOwnProperty.call(container, key);
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}

/** Deep equality of plain data; the order of map keys does not matter to Helm. */
function sameData(a: Plain | undefined, b: Plain | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameData(item, b[i]));
  }
  if (isPlainMap(a) || isPlainMap(b)) {
    if (!isPlainMap(a) || !isPlainMap(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => hasEntry(b, key) && sameData(a[key], b[key]));
  }
  return Object.is(a, b);
}
