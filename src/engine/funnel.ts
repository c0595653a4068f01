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

const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
const KNOWN_RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/** A placed finding before directives and de-duplication, with the rule that superseding is judged by. */
interface Pending extends Finding {
  rule: Rule;
  /** Found while reading the text (a syntax error, a limit): no directive of that text can be trusted to suppress it, as in ESLint. */
  fatal?: boolean;
}

export class Funnel {
  private readonly findings: Pending[] = [];
  private readonly redaction: Redaction;

  constructor(
    private readonly job: LintJob,
    private readonly caches: EngineCaches,
  ) {
    this.redaction = new Redaction(caches.redaction);
    if (job.settings.baseline) this.redaction.addSecretsOf(() => job.settings.baseline?.config ?? null);
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

  /** A finding about the source text itself (syntax, limits), already placed. */
  addSourceFinding(ruleId: string, filePath: string, range: Range, message: string): void {
    const rule = RULES_BY_ID.get(ruleId);
    if (!rule) throw new Error(`rule ${ruleId} is not registered`);
    if (!this.isOn(ruleId)) return;
    this.push(rule, undefined, { filePath, ...range }, this.redaction.scan(message)).fatal = true;
  }

  /** A rule's report on a model. */
  addReport(model: AuthModel, rule: Rule, report: Report): void {
    const keyPath = documentPath(model, report.at, report.root);
    // A range is in the file that holds the path (with -f layering, not necessarily the linted one).
    const location: Location = report.range
      ? { filePath: model.locator.locateClosest(keyPath).filePath, ...report.range }
      : model.locator.locateClosest(keyPath, report.target);
    const fix = report.fix ? placeFix(model, report.fix, report) : undefined;
    const finding = this.push(rule, report.severity, location, this.caches.shared(this.wording(rule, report)));
    finding.keyPath = keyPath;
    if (fix) finding.fix = fix;
  }

  /** The job's result: directives of every file applied, duplicates removed, sorted and counted. */
  finish(sources: readonly DirectiveSource[]): LintResult {
    const fatal = this.findings.filter((finding) => finding.fatal).map(withoutRule);
    let findings: Finding[] = withoutSuperseded(this.findings.filter((finding) => !finding.fatal));
    for (const source of sources) {
      findings = applyDirectives(source, findings, {
        knownRuleIds: KNOWN_RULE_IDS,
        reportUnused: this.job.settings.reportUnusedDisableDirectives,
      });
    }
    return toResult(this.job.label, [...fatal, ...findings]);
  }

  private push(rule: Rule, reported: Severity | undefined, location: Location, message: string): Pending {
    const finding: Pending = { ruleId: rule.id, severity: this.severity(rule, reported), message, ...location, rule };
    this.findings.push(finding);
    return finding;
  }

  /** `--rule` and config files win; then what the report says; then the rule's default. */
  private severity(rule: Rule, reported: Severity | undefined): Severity {
    const setting = this.job.settings.rules[rule.id];
    return setting && setting !== 'off' ? setting : reported ?? rule.severity;
  }

  /** The message: the template filled with the report's data, each datum redacted, then the whole text scanned once more. */
  private wording(rule: Rule, report: Report): string {
    const template = rule.messages[report.messageId];
    if (template === undefined) throw new Error(`rule ${rule.id} reported an unknown message id "${report.messageId}"`);
    const data = report.data ?? {};
    const filled = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) =>
      Object.prototype.hasOwnProperty.call(data, name) ? this.datum(data[name]) : placeholder);
    return this.redaction.scan(filled);
  }

  private datum(datum: MessageDatum): string {
    if (datum instanceof Shown) return showValue(this.redaction.value(datum.value));
    return typeof datum === 'string' ? this.redaction.text(datum) : String(datum);
  }
}

/**
 * A finding of a rule that another rule's finding at the same key supersedes (`supersedes` in the
 * rule that knows better) is dropped; with that rule off, it stays.
 */
function withoutSuperseded(findings: readonly Pending[]): Finding[] {
  const superseding = findings.filter((finding) => finding.rule.supersedes && finding.keyPath);
  const kept = superseding.length === 0 ? findings : findings.filter((finding) => !superseding.some((other) =>
    other.rule.supersedes?.includes(finding.ruleId) && other.filePath === finding.filePath && samePath(other.keyPath, finding.keyPath)));
  return kept.map(withoutRule);
}

function withoutRule({ rule: _rule, fatal: _fatal, ...finding }: Pending): Finding {
  return finding;
}

function samePath(a: Path | undefined, b: Path | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** A rule's fix with its paths taken from the document root and the document it applies to; none where no YAML edit can carry it out. */
function placeFix(model: AuthModel, fix: Fix, report: Report): DocumentFix | undefined {
  const at = documentPath(model, fix.at, report.root);
  const document = model.fixableDocument?.(at);
  if (document === undefined) return undefined;
  return fix.kind === 'move-entry'
    ? { ...fix, at, to: documentPath(model, fix.to, report.root), document }
    : { ...fix, at, document };
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
