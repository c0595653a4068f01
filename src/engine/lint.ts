/**
 * The lint of one text: prefilter, parse, find the auth sections, run every enabled rule, and pass
 * each report through the single funnel that places, redacts, grades and de-duplicates it.
 */
import type { Finding, LintResult, Path, Plain, PlainMap, RuleSetting, Severity } from '../types';
import { parseYaml, YamlDocument, isPlainMap, ExpansionLimitError, LimitProblem } from '../source/yaml';
import { findLongLine, InputLimits, LIMIT_OPTIONS, resolveLimits } from '../source/limits';
import { buildHelmModels } from '../layouts/helm-values';
import { AuthModel, documentPath, valueAt } from '../layouts/model';
import { CHART_DEFAULTS } from '../chart/defaults';
import { validateAuthSections, SchemaProblem } from '../schema/validate';
import { collectSecrets, redact, redactError } from './redact';
import { Baseline, Report, Rule, RuleContext } from './rule';
import { OIDC_PROVIDERS } from './helpers';
import { RULES } from '../rules';

export interface LintOptions {
  /** Severity overrides by rule id (`off` disables a rule). */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** The older values to compare with (jwt-principal-claims-order, stored-config-precedence). */
  baseline?: Baseline;
  /** Input limits (src/source/limits.ts); missing entries keep their defaults. */
  limits?: Partial<InputLimits>;
}

/** A rule threw: a bug in omlint, reported as an internal error with every secret of the file redacted. */
export class RuleCrashError extends Error {}

/**
 * Words without which a text cannot hold OpenMetadata auth settings. Checked before parsing, so
 * the YAML files a pre-commit hook hands over that are not ours cost almost nothing.
 */
const AUTH_WORDS = /authentication|authorizer|jwtTokenConfiguration|fernetkey|samlConfiguration|\bidp\s*:/;

/** Lints one text. Undefined means the text holds no OpenMetadata auth config: skip it silently. */
export function lintText(text: string, filePath: string, options: LintOptions = {}): LintResult | undefined {
  if (!AUTH_WORDS.test(text)) return undefined;
  const limits = resolveLimits(options.limits);
  const longLine = findLongLine(text, limits.maxLineLength);
  if (longLine) {
    // Checked before parsing: the file is not read further, so nothing else is reported for it.
    const message = `line ${longLine.line} is ${longLine.length} characters long, over the ${limits.maxLineLength}-character ` +
      `limit; omlint does not lint this file (raise ${LIMIT_OPTIONS.maxLineLength} if it is genuine)`;
    const range = { line: longLine.line, column: 1, endLine: longLine.line, endColumn: 1 };
    return toResult(filePath, limitFindings([{ limit: 'maxLineLength', message, range }], filePath, options));
  }
  const parsed = parseYaml(text, filePath, limits);
  const fileSecrets = secretsOf(parsed.documents, options);
  const limitFound = limitFindings(parsed.limitProblems, filePath, options);
  if (parsed.syntaxErrors.length > 0) {
    // A file that does not parse gets no other finding: any other would be a guess. The parser's
    // messages may quote the text, so they pass through the same redaction as every finding.
    const findings = parsed.syntaxErrors.map((problem) => ({
      ruleId: 'yaml-syntax',
      severity: severityOf(ruleById('yaml-syntax'), undefined, options),
      message: redact(problem.message, fileSecrets),
      filePath,
      ...problem.range,
    }));
    return toResult(filePath, [...(options.rules?.['yaml-syntax'] === 'off' ? [] : findings), ...limitFound]);
  }
  const findings: Finding[] = [...limitFound];
  let sawAuthConfig = parsed.limitProblems.length > 0;
  for (const document of parsed.documents) {
    const before = findings.length;
    const models = modelsOf(document, filePath, findings, options);
    // A document refused by a limit may have held auth settings: its finding is reported.
    sawAuthConfig ||= models.length > 0 || findings.length > before;
    // A loop, not push(...): a document can give more findings than a call may take arguments.
    for (const model of models) for (const finding of lintModel(model, options, fileSecrets)) findings.push(finding);
  }
  return sawAuthConfig ? toResult(filePath, findings) : undefined;
}

/** input-limit findings (the engine reports them itself, like yaml-syntax); none when the rule is off. */
function limitFindings(problems: readonly LimitProblem[], filePath: string, options: LintOptions): Finding[] {
  if (problems.length === 0 || options.rules?.['input-limit'] === 'off') return [];
  const severity = severityOf(ruleById('input-limit'), undefined, options);
  return problems.map((problem) => ({ ruleId: 'input-limit', severity, message: problem.message, filePath, ...problem.range }));
}

/** Every secret of the file (all documents) and of the baseline: a message about one document may quote another. */
function secretsOf(documents: readonly YamlDocument[], options: LintOptions): Set<string> {
  const secrets = new Set<string>();
  for (const document of documents) {
    try {
      for (const secret of collectSecrets(document.plain())) secrets.add(secret);
    } catch (error) {
      if (!(error instanceof ExpansionLimitError)) throw error;
    }
  }
  if (options.baseline) for (const secret of collectSecrets(options.baseline.config)) secrets.add(secret);
  return secrets;
}

function modelsOf(document: YamlDocument, filePath: string, findings: Finding[], options: LintOptions): AuthModel[] {
  let plain: Plain;
  try {
    plain = document.plain();
  } catch (error) {
    if (!(error instanceof ExpansionLimitError)) throw error;
    const range = document.locateClosest([]);
    findings.push(...limitFindings([{ limit: 'maxAliasExpansion', message: `${error.message}; omlint does not lint this document`, range }], filePath, options));
    return [];
  }
  return buildHelmModels(filePath, plain, document, document.duplicateKeys());
}

/** Runs every enabled rule on one model. */
export function lintModel(model: AuthModel, options: LintOptions, fileSecrets?: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  // lintText passes the secrets of the whole file (this document's included) and of the baseline,
  // one set for every model of the file, so the redactor built from it is built once.
  const secrets = fileSecrets ?? modelSecrets(model, options);
  let schemaProblems: SchemaProblem[] | undefined;
  const authentication = asMap(model.config.authentication);
  const authorizer = asMap(model.config.authorizer);
  const effective = (path: Path): Plain | undefined => valueAt(model.config, path) ?? valueAt(CHART_DEFAULTS, path);
  const provider = String(effective(['authentication', 'provider']));
  for (const rule of RULES) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    const ctx: RuleContext = {
      model,
      authentication,
      authorizer,
      provider,
      clientType: String(effective(['authentication', 'clientType'])),
      isOidcProvider: OIDC_PROVIDERS.includes(provider),
      baseline: options.baseline,
      get: (path, root) => valueAt(model.document, documentPath(model, path, root)),
      effective,
      schemaProblems: () => (schemaProblems ??= validateAuthSections(model.config)),
      locationOf: (path, root, target) => model.locator.locateClosest(documentPath(model, path, root), target),
      report: (report: Report) => findings.push(place(model, rule, report, secrets, options)),
    };
    try {
      rule.check(ctx);
    } catch (error) {
      // A crash names the rule and file; its message and stack may hold a value, so both are redacted.
      const crash = new RuleCrashError(`rule ${rule.id} failed on ${model.filePath}: ${redactError(error, secrets).message}`);
      crash.stack = `${crash.message}\n${redactError(error, secrets).stack}`;
      throw crash;
    }
  }
  return findings;
}

/** The secrets of one model's document and of the baseline (when lintModel is called on its own). */
function modelSecrets(model: AuthModel, options: LintOptions): Set<string> {
  const secrets = collectSecrets(model.document);
  if (options.baseline) for (const secret of collectSecrets(options.baseline.config)) secrets.add(secret);
  return secrets;
}

/** The funnel: every report becomes a finding here and nowhere else. */
function place(model: AuthModel, rule: Rule, report: Report, secrets: ReadonlySet<string>, options: LintOptions): Finding {
  const location = model.locator.locateClosest(documentPath(model, report.at, report.root), report.target);
  return {
    ruleId: rule.id,
    severity: severityOf(rule, report.severity, options),
    message: redact(report.message, secrets),
    ...location,
  };
}

function severityOf(rule: Rule, reported: Severity | undefined, options: LintOptions): Severity {
  const setting = options.rules?.[rule.id];
  return setting && setting !== 'off' ? setting : reported ?? rule.severity;
}

function ruleById(id: string): Rule {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`rule ${id} is not registered`);
  return rule;
}

function asMap(value: Plain | undefined): PlainMap {
  return isPlainMap(value) ? value : {};
}

/** Sorts, removes exact duplicates (several layouts in one document) and counts. */
export function toResult(filePath: string, findings: Finding[]): LintResult {
  const seen = new Set<string>();
  const messages = findings
    .sort((a, b) => a.filePath.localeCompare(b.filePath) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId))
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
