/**
 * The funnel: every finding of a job passes here and nowhere else. A rule's report is placed (model
 * path → file, line and column), graded (the rule's severity, the report's, then config files and
 * `--rule`), worded (its message template filled from its data, each datum redacted by what it is),
 * and kept unless an inline directive of the file that holds it suppresses it; then the findings are
 * de-duplicated and sorted into the job's result. Findings of the source itself (syntax, limits)
 * take the same way from the grading on.
 */
import type { DocumentFix, Finding, Fix, Location, LintResult, Path, Plain, Range, Severity } from '../types';
import type { LintJob } from './job';
import { Shown, type MessageDatum, type Report, type Rule } from '../rules/support/rule';
import { documentPath, type AuthModel } from '../layouts/model';
import { RULES } from '../rules';
import { applyDirectives, DirectiveSource } from './directives';
import type { EngineCaches } from './caches';
import { Redaction } from './redact';
import { showValue } from '../rules/support/message';
import { isOpaqueTemplate } from '../layouts/unknown';
import { valueAt } from '../types';

const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
const KNOWN_RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

export class Funnel {
  /** The job's findings so far; `rules[i]` is the rule of `findings[i]`, `fatal[i]` whether the text was not read. */
  private readonly findings: Finding[] = [];
  private readonly rules: Rule[] = [];
  private readonly fatal: boolean[] = [];
  private readonly redaction: Redaction;

  constructor(
    private readonly job: LintJob,
    private readonly caches: EngineCaches,
  ) {
    this.redaction = new Redaction(caches.redaction);
    if (job.settings.baseline) this.redaction.addSecretsOf(() => job.settings.baseline?.config ?? null);
    // A stored copy's values that look like secrets (its secret keys hold only hashes) are never shown either.
    if (job.settings.storedConfig) this.redaction.addSecretsOf(() => job.settings.storedConfig?.config ?? null);
  }

  /** Values whose secrets must never be printed: collected only once a message needs redacting. */
  addSecretsOf(plains: readonly (() => Plain)[]): void {
    for (const plain of plains) this.redaction.addSecretsOf(plain);
  }

  /** Every secret of the job's values, for redacting what is not a finding (an internal error). */
  secrets(): ReadonlySet<string> {
    return this.redaction.secrets();
  }

  hasFindings(): boolean {
    return this.findings.length > 0;
  }

  /** Whether a rule runs at all: not when config files or `--rule` turn it off. */
  isOn(ruleId: string): boolean {
    return this.job.settings.rules[ruleId] !== 'off';
  }

  /**
   * A finding about the source text itself (syntax, limits), already placed. Found while reading
   * the text: no directive of that text can be trusted to suppress it, as in ESLint.
   */
  addSourceFinding(ruleId: string, filePath: string, range: Range, message: string): void {
    const rule = RULES_BY_ID.get(ruleId);
    if (!rule) throw new Error(`rule ${ruleId} is not registered`);
    if (!this.isOn(ruleId)) return;
    this.push(rule, true, {
      ruleId, severity: this.severity(rule, undefined), message: this.redaction.scan(message),
      filePath, line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn,
    });
  }

  /** A rule's report on a model. */
  addReport(model: AuthModel, rule: Rule, report: Report): void {
    const keyPath = documentPath(model, report.at, report.root);
    if (model.unknown && model.unknown.length > 0 && isAboutUnknown(model, keyPath, report)) return;
    // A range is in the file that holds the path (with -f layering, not necessarily the linted one).
    const location: Location = report.range
      ? { filePath: model.locator.locateClosest(keyPath).filePath, ...report.range }
      : model.locator.locateClosest(keyPath, report.target);
    const finding: Finding = {
      ruleId: rule.id,
      severity: this.severity(rule, report.severity, model.escalate),
      message: this.caches.shared(this.wording(rule, report)),
      filePath: location.filePath,
      line: location.line,
      column: location.column,
      endLine: location.endLine,
      endColumn: location.endColumn,
      keyPath,
    };
    const fix = report.fix ? placeFix(model, report.fix, report) : undefined;
    if (fix && 'blocked' in fix) finding.fixBlocked = fix.blocked;
    else if (fix) finding.fix = fix;
    this.push(rule, false, finding);
  }

  /** The job's result: directives of every file applied, duplicates removed, sorted and counted. */
  finish(sources: readonly DirectiveSource[]): LintResult {
    const fatal: Finding[] = [];
    let findings: Finding[] = [];
    this.findings.forEach((finding, i) => (this.fatal[i] ? fatal : findings).push(finding));
    findings = this.withoutSuperseded(findings);
    for (const source of sources) {
      findings = applyDirectives(source, findings, {
        knownRuleIds: KNOWN_RULE_IDS,
        reportUnused: this.job.settings.reportUnusedDisableDirectives,
      });
    }
    return toResult(this.job.label, fatal.length > 0 ? [...fatal, ...findings] : findings);
  }

  private push(rule: Rule, fatal: boolean, finding: Finding): void {
    this.findings.push(finding);
    this.rules.push(rule);
    this.fatal.push(fatal);
  }

  /**
   * A finding of a rule that another rule's finding at the same key supersedes (`supersedes` in the
   * rule that knows better) is dropped; with that rule off, it stays.
   */
  private withoutSuperseded(findings: Finding[]): Finding[] {
    // By file and key: a rule that supersedes another may report at every entry of a long list
    // (public-keys-urls at 160 000 placeholder entries), so no pairwise comparison.
    const superseded = new Map<string, Set<string>>();
    this.findings.forEach((finding, i) => {
      const ruleIds = this.rules[i].supersedes;
      if (!ruleIds || !finding.keyPath) return;
      const key = placeKey(finding.filePath, finding.keyPath);
      const set = superseded.get(key) ?? new Set<string>();
      for (const ruleId of ruleIds) set.add(ruleId);
      superseded.set(key, set);
    });
    if (superseded.size === 0) return findings;
    return findings.filter((finding) => !(finding.keyPath && superseded.get(placeKey(finding.filePath, finding.keyPath))?.has(finding.ruleId)));
  }

  /**
   * `--rule` and config files win; then what the layout raises a severity to (an export's warnings
   * are errors: model.escalate); then what the report says; then the rule's default.
   */
  private severity(rule: Rule, reported: Severity | undefined, escalate?: Readonly<Partial<Record<Severity, Severity>>>): Severity {
    const setting = this.job.settings.rules[rule.id];
    if (setting && setting !== 'off') return setting;
    const severity = reported ?? rule.severity;
    return escalate?.[severity] ?? severity;
  }

  /** The message: the template filled with the report's data, each user value redacted, then the whole text scanned once more. */
  private wording(rule: Rule, report: Report): string {
    const parts = this.caches.template(rule, report.messageId);
    const data = report.data;
    let text = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i];
      text += (data !== undefined && Object.prototype.hasOwnProperty.call(data, name) ? this.datum(data[name]) : `{{${name}}}`) + parts[i + 1];
    }
    return this.redaction.scan(text);
  }

  /** A datum as text; a user's value redacted by what it is. The scan of the whole message covers the rest. */
  private datum(datum: MessageDatum): string {
    return datum instanceof Shown ? showValue(this.redaction.value(datum.value)) : String(datum);
  }
}

/** A finding's file and key path as one map key (numbers and names of a path kept apart by JSON). */
function placeKey(filePath: string | undefined, keyPath: Path): string {
  return `${filePath ?? ''}\u0000${JSON.stringify(keyPath)}`;
}

/**
 * A rule's fix with its paths taken from the root of the YAML document it edits, and which document
 * that is; none where no YAML edit can carry it out, or why --fix cannot make it (`blocked`).
 */
function placeFix(model: AuthModel, fix: Fix, report: Report): DocumentFix | { blocked: string } | undefined {
  const target = model.fixTarget?.(documentPath(model, fix.at, report.root));
  if (target === undefined || 'blocked' in target) return target;
  const { document, at, embedded } = target;
  const place = embedded ? { document, embedded } : { document };
  if (fix.kind !== 'move-entry') return { ...fix, at, ...place };
  const to = model.fixTarget?.(documentPath(model, fix.to, report.root));
  if (to === undefined || 'blocked' in to) return to;
  const sameText = to.document === document && JSON.stringify(to.embedded) === JSON.stringify(embedded);
  return sameText ? { ...fix, at, to: to.at, ...place } : undefined;
}

/**
 * A report about a value omlint cannot know (model.unknown): at or inside it, at a list that holds
 * it (whether the list is right depends on it), or quoting a template expression in its words.
 * Nothing is guessed about such a value, in either direction. A URL templated only in its host is
 * the exception (src/layouts/unknown.ts isTemplatedHostUrl): its written scheme and path are judged.
 */
function isAboutUnknown(model: AuthModel, keyPath: Path, report: Report): boolean {
  for (const unknown of model.unknown ?? []) {
    if (!isOpaqueTemplate(valueAt(model.document, unknown))) continue;
    if (startsWith(keyPath, unknown)) return true;
    if (startsWith(unknown, keyPath) && Array.isArray(valueAt(model.document, keyPath))) return true;
  }
  return report.data !== undefined && Object.values(report.data).some((datum) => quotesTemplate(datum instanceof Shown ? datum.value : datum));
}

function quotesTemplate(value: unknown): boolean {
  return isOpaqueTemplate(value) || (Array.isArray(value) && value.some(isOpaqueTemplate));
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(segment) === String(path[i]));
}

/** Sorts, removes exact duplicates (several layouts in one document) and counts. */
export function toResult(filePath: string, findings: Finding[]): LintResult {
  const seen = new Set<string>();
  const messages = findings
    .sort((a, b) => compareFilePaths(a.filePath, b.filePath) || a.line - b.line || a.column - b.column || compareIds(a.ruleId, b.ruleId))
    .filter((finding) => {
      const key = `${finding.filePath}:${finding.line}:${finding.column}:${finding.ruleId}:${finding.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warn').length,
    infoCount: messages.filter((m) => m.severity === 'info').length,
  };
}

/**
 * localeCompare starts ICU's collator, ~10 ms of a one-file run; equal paths (nearly always) need no
 * collation, and rule ids ([a-z0-9-]) sort the same by code unit.
 */
function compareFilePaths(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
