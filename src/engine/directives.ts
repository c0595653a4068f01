/**
 * Inline directives in YAML comments, applied after every rule has run, so rules never know about
 * them (as in ESLint's apply-disable-directives):
 *   # omlint-disable-next-line id[, id] -- reason    the next line
 *   # omlint-disable-line id[, id]                   the comment's own line
 *   # omlint-disable id … # omlint-enable id         everything between (to the end without enable)
 *   # omlint-disable-file                            the whole file
 * No id means every rule. A finding is matched by the line (and column) it starts at.
 *
 * A directive that names an unknown rule is reported (warning, DIRECTIVE_ID): it suppresses
 * nothing, and is usually a typo. With `reportUnused`, a disable directive (or one of its ids) that
 * suppressed nothing is reported too (error, like ESLint's --report-unused-disable-directives).
 */
import type { Finding, Severity } from '../types';
import { readComments, readEnvComments, Comment } from '../source/comments';
import { didYouMean } from '../util/did-you-mean';
import { DIRECTIVE_ID } from '../rules/support/meta';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

interface NamedRule {
  id: string;
  column: number;
}

interface Directive {
  kind: DirectiveKind;
  /** Empty: every rule. */
  rules: NamedRule[];
  line: number;
  column: number;
  endColumn: number;
  /** Rule ids it suppressed a finding of. */
  used: Set<string>;
}

/** A file of the job whose comments may hold directives. */
export interface DirectiveSource {
  filePath: string;
  text: string;
  /** How its comments are written: YAML's `#` (outside strings), or an env file's `#` lines. */
  syntax: 'yaml' | 'env';
}

export interface DirectiveOptions {
  knownRuleIds: readonly string[];
  reportUnused?: boolean;
}

const DIRECTIVE = /^(\s*omlint-(disable-next-line|disable-line|disable-file|disable|enable))(?=\s|$)(.*)$/;
/** `-- reason`: two or more dashes between spaces end the list of ids. */
const REASON = /(?:^|\s)-{2,}(?:\s|$)/;

/** Removes the findings in `source` its directives suppress and adds the directives' own problems. */
export function applyDirectives(source: DirectiveSource, findings: Finding[], options: DirectiveOptions): Finding[] {
  const { text, filePath } = source;
  if (!text.includes('omlint-')) return findings;
  const comments = source.syntax === 'env' ? readEnvComments(text) : readComments(text);
  const directives = comments.flatMap((comment) => parseDirective(comment) ?? []);
  if (directives.length === 0) return findings;
  const kept = findings.filter((finding) => {
    if (finding.filePath !== filePath) return true;
    const suppressing = suppressorsOf(finding, directives);
    for (const directive of suppressing) directive.used.add(finding.ruleId);
    return suppressing.length === 0;
  });
  const problem = (directive: Directive, column: number, endColumn: number, severity: Severity, message: string): Finding => ({
    ruleId: DIRECTIVE_ID,
    severity,
    message,
    filePath,
    line: directive.line,
    column,
    endLine: directive.line,
    endColumn,
  });
  const problems: Finding[] = [];
  for (const directive of directives) {
    const unknown = directive.rules.filter((rule) => !options.knownRuleIds.includes(rule.id));
    for (const rule of unknown) {
      const guess = didYouMean(rule.id, options.knownRuleIds);
      problems.push(problem(directive, rule.column, rule.column + rule.id.length, 'warn',
        `\`omlint-${directive.kind}\` names an unknown rule "${rule.id}"${guess ? ` (did you mean ${guess}?)` : ''}: that id suppresses nothing. See omlint --list-rules for the ids.`));
    }
    if (!options.reportUnused || directive.kind === 'enable') continue;
    if (directive.rules.length === 0) {
      if (directive.used.size === 0) {
        problems.push(problem(directive, directive.column, directive.endColumn, 'error',
          `\`omlint-${directive.kind}\` suppresses nothing: no finding ${scope(directive)}; remove it.`));
      }
      continue;
    }
    for (const rule of directive.rules) {
      if (unknown.includes(rule) || directive.used.has(rule.id)) continue;
      problems.push(problem(directive, rule.column, rule.column + rule.id.length, 'error',
        `\`omlint-${directive.kind} ${rule.id}\` suppresses nothing: no ${rule.id} finding ${scope(directive)}; remove ${directive.rules.length > 1 ? 'this id' : 'it'}.`));
    }
  }
  return [...kept, ...problems];
}

function parseDirective(comment: Comment): Directive | undefined {
  const match = DIRECTIVE.exec(comment.text);
  if (!match) return undefined;
  const rest = match[3];
  const reason = REASON.exec(rest);
  const list = reason ? rest.slice(0, reason.index) : rest;
  // Column of the list's first character: after `#` and the directive's name.
  const listColumn = comment.column + 1 + match[1].length;
  const rules: NamedRule[] = [];
  for (const token of list.matchAll(/[^\s,]+/g)) rules.push({ id: token[0], column: listColumn + (token.index ?? 0) });
  return {
    kind: match[2] as DirectiveKind,
    rules,
    line: comment.line,
    column: comment.column,
    endColumn: comment.endColumn,
    used: new Set(),
  };
}

function names(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.some((rule) => rule.id === ruleId);
}

/** The directives that suppress `finding`. */
function suppressorsOf(finding: Finding, directives: readonly Directive[]): Directive[] {
  const out: Directive[] = [];
  let range: Directive | undefined;
  for (const directive of directives) {
    if (!names(directive, finding.ruleId)) continue;
    switch (directive.kind) {
      case 'disable-file':
        out.push(directive);
        break;
      case 'disable-line':
        if (directive.line === finding.line) out.push(directive);
        break;
      case 'disable-next-line':
        if (directive.line + 1 === finding.line) out.push(directive);
        break;
      case 'disable':
      case 'enable':
        // Directives come in source order: the last one before the finding decides.
        if (before(directive, finding)) range = directive.kind === 'disable' ? directive : undefined;
        break;
    }
  }
  if (range) out.push(range);
  return out;
}

function before(directive: Directive, finding: Finding): boolean {
  return directive.line < finding.line || (directive.line === finding.line && directive.column <= finding.column);
}

function scope(directive: Directive): string {
  switch (directive.kind) {
    case 'disable-next-line':
      return `on line ${directive.line + 1}`;
    case 'disable-line':
      return 'on this line';
    case 'disable-file':
      return 'in this file';
    default:
      return 'after it';
  }
}
