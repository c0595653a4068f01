/**
 * The lint of one text: prefilter, parse, find the auth sections, run every enabled rule, and pass
 * each report through the single funnel that places, redacts, grades and de-duplicates it; then the
 * inline `# omlint-disable…` directives drop what they suppress (directives.ts).
 */
import type { DocumentFix, Finding, Fix, LintResult, Path, Plain, PlainMap, RuleSetting, Severity } from '../types';
import { parseYaml, YamlDocument, isPlainMap, ExpansionLimitError } from '../source/yaml';
import { buildHelmModels } from '../layouts/helm-values';
import { AuthModel, documentPath, valueAt } from '../layouts/model';
import { CHART_DEFAULTS } from '../chart/defaults';
import { validateAuthSections, SchemaProblem } from '../schema/validate';
import { collectSecrets, redact } from './redact';
import { Baseline, Report, Rule, RuleContext } from './rule';
import { OIDC_PROVIDERS } from './helpers';
import { applyDirectives } from './directives';
import { RULES } from '../rules';
import { InputError } from '../source/read';

export interface LintOptions {
  /** Severity overrides by rule id (`off` disables a rule). */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** The older values to compare with (jwt-principal-claims-order, stored-config-precedence). */
  baseline?: Baseline;
  /** Report `# omlint-disable…` directives that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
}

/**
 * Words without which a text cannot hold OpenMetadata auth settings. Checked before parsing, so
 * the YAML files a pre-commit hook hands over that are not ours cost almost nothing.
 */
const AUTH_WORDS = /authentication|authorizer|jwtTokenConfiguration|fernetkey|samlConfiguration|\bidp\s*:/;

/** Lints one text. Undefined means the text holds no OpenMetadata auth config: skip it silently. */
export function lintText(text: string, filePath: string, options: LintOptions = {}): LintResult | undefined {
  if (!AUTH_WORDS.test(text)) return undefined;
  const parsed = parseYaml(text, filePath);
  if (parsed.syntaxErrors.length > 0) {
    // A file that does not parse gets no other finding: any other would be a guess.
    const findings = parsed.syntaxErrors.map((problem) => ({
      ruleId: 'yaml-syntax',
      severity: severityOf(ruleById('yaml-syntax'), undefined, options),
      message: problem.message,
      filePath,
      ...problem.range,
    }));
    return toResult(filePath, options.rules?.['yaml-syntax'] === 'off' ? [] : findings);
  }
  const findings: Finding[] = [];
  let sawAuthConfig = false;
  for (const document of parsed.documents) {
    const models = modelsOf(document, filePath);
    sawAuthConfig ||= models.length > 0;
    for (const model of models) findings.push(...lintModel(model, options));
  }
  if (!sawAuthConfig) return undefined;
  const knownRuleIds = RULES.map((rule) => rule.id);
  return toResult(filePath, applyDirectives(text, filePath, findings, { knownRuleIds, reportUnused: options.reportUnusedDisableDirectives }));
}

function modelsOf(document: YamlDocument, filePath: string): AuthModel[] {
  let plain: Plain;
  try {
    plain = document.plain();
  } catch (error) {
    if (error instanceof ExpansionLimitError) throw new InputError(`${filePath}: ${error.message}`);
    throw error;
  }
  return buildHelmModels(filePath, plain, document, document.duplicateKeys());
}

/** Runs every enabled rule on one model. */
export function lintModel(model: AuthModel, options: LintOptions): Finding[] {
  const findings: Finding[] = [];
  const secrets = collectSecrets(model.document);
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
    rule.check(ctx);
  }
  return findings;
}

/** The funnel: every report becomes a finding here and nowhere else. */
function place(model: AuthModel, rule: Rule, report: Report, secrets: ReadonlySet<string>, options: LintOptions): Finding {
  const keyPath = documentPath(model, report.at, report.root);
  const location = report.range
    ? { filePath: model.filePath, ...report.range }
    : model.locator.locateClosest(keyPath, report.target);
  return {
    ruleId: rule.id,
    severity: severityOf(rule, report.severity, options),
    message: redact(report.message, secrets),
    ...location,
    keyPath,
    ...(report.fix ? { fix: placeFix(model, report) } : {}),
  };
}

/** A rule's fix with its paths taken from the document root, and the document it applies to (-1: none). */
function placeFix(model: AuthModel, report: Report): DocumentFix {
  const fix = report.fix as Fix;
  const document = model.locator instanceof YamlDocument ? model.locator.index : -1;
  const at = documentPath(model, fix.at, report.root);
  return fix.kind === 'move-entry'
    ? { ...fix, at, to: documentPath(model, fix.to, report.root), document }
    : { ...fix, at, document };
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
