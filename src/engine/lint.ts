/**
 * The lint of one text: prefilter, parse, find the auth sections, run every enabled rule, and pass
 * each report through the single funnel that places, redacts, grades and de-duplicates it; then the
 * inline `# omlint-disable…` directives drop what they suppress (directives.ts).
 */
import type { DocumentFix, Finding, Fix, LintResult, Path, Plain, PlainMap, RuleSetting, Severity } from '../types';
import { YamlDocument, isPlainMap, ExpansionLimitError, LimitProblem, SyntaxProblem } from '../source/yaml';
import { FastYamlDocument, parseSource, SourceDocument } from '../source/parse';
import { findLongLine, InputLimits, LIMIT_OPTIONS, resolveLimits } from '../source/limits';
import { buildHelmModels } from '../layouts/helm-values';
import { AuthModel, ModelRoot, Origin, SourceProblem, documentPath, isHelmModel, valueAt } from '../layouts/model';
import { CHART_VERSION } from '../chart/defaults';
import { chartDefaults } from '../chart/versions';
import { validateAuthSections, SchemaProblem } from '../schema/validate';
import { buildServerModel } from '../layouts/server-config';
import { SERVER_ONLY_KEYS } from '../chart/names';
import { foldExtraEnvs } from '../layouts/extra-envs';
import { MappedLocator } from '../layouts/mapped-locator';
import { ParsedEnvFile, buildEnvFileModel, isEnvFileName, mentionsAuthEnv, parseEnvFile } from '../layouts/env-file';
import { Layer, coalescedAt, mergeLayers } from '../source/merge';
import { collectSecrets, redact, redactError } from './redact';
import { Baseline, Report, Rule, RuleContext } from './rule';
import { OIDC_PROVIDERS } from './helpers';
import { applyDirectives } from './directives';
import { RULES } from '../rules';

export interface LintOptions {
  /** Severity overrides by rule id (`off` disables a rule). */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** The older values to compare with (jwt-principal-claims-order, stored-config-precedence). */
  baseline?: Baseline;
  /** Report `# omlint-disable…` directives that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** --chart-version: the chart release the values are for (its keys and defaults); default 1.13.1. */
  chartVersion?: string;
  /** --env-file: the variables the `${VAR:-default}` substitutions of openmetadata.yaml take. */
  envFile?: ParsedEnvFile;
  /** Input limits (src/source/limits.ts); missing entries keep their defaults. */
  limits?: Partial<InputLimits>;
  /** `yaml`: skip the fast reader and compose with the `yaml` package (test/fast-path.test.ts compares both). */
  parser?: 'auto' | 'yaml';
}

/** A rule threw: a bug in omlint, reported as an internal error with every secret of the file redacted. */
export class RuleCrashError extends Error {}

/**
 * Words without which a text cannot hold OpenMetadata auth settings. Checked before parsing, so
 * the YAML files a pre-commit hook hands over that are not ours cost almost nothing. `idp:`, `sp:`
 * and `security:` alone are SAML settings too: a bare fragment of the SAML docs page
 * (server-config.ts), or the same keys misplaced under openmetadata.config (helm-values.ts).
 */
const AUTH_WORDS = /authentication|authorizer|jwtTokenConfiguration|fernetkey|fernetConfiguration|samlConfiguration|SAML_|\b(?:idp|sp|security)\s*:/;

/**
 * Keys one of which every layout needs to find auth sections: `openmetadata`, `global` and `config`
 * (helm-values.ts), the server's `…Configuration` sections and the bare SAML fragment's `idp`, `sp`,
 * `security`, `debugMode` (server-config.ts). Other charts' values often say "authentication"; without
 * one of these keys they are skipped before parsing (a tenth of bench/'s files). A backslash escape in
 * a quoted key can spell any key, so a text with a backslash is always parsed.
 */
const LAYOUT_WORDS = /openmetadata|global|config|Configuration|idp|\bsp\b|security|debugMode|\\/;

/**
 * A file in a chart's templates/ folder that holds `{{`: a Helm template, which is YAML only once
 * rendered (`{{- if … }}` lines, `name: {{ .Release.Name }}-x`). The pre-commit hook hands over
 * every YAML file, and a wrapper chart's templates often name .Values.openmetadata.config.authentication;
 * parsed as values they gave dozens of yaml-syntax errors each. They are not values files: skipped
 * like other charts' files. Helm renders nothing else, so `{{ … }}` elsewhere is a values mistake.
 */
const CHART_TEMPLATE_FOLDER = /(?:^|[\\/])templates[\\/]/;

function isChartTemplate(text: string, filePath: string): boolean {
  return CHART_TEMPLATE_FOLDER.test(filePath) && text.includes('{{');
}

/** Every rule id, for the directives' unknown-id check. */
const KNOWN_RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/** Lints one text. Undefined means the text holds no OpenMetadata auth config: skip it silently. */
export function lintText(text: string, filePath: string, options: LintOptions = {}): LintResult | undefined {
  if (isEnvFileName(filePath)) return lintEnvText(text, filePath, options);
  if (!AUTH_WORDS.test(text)) return undefined;
  const limits = resolveLimits(options.limits);
  const longLine = longLineFindings(text, filePath, options);
  if (longLine) return toResult(filePath, longLine);
  if (!LAYOUT_WORDS.test(text) || isChartTemplate(text, filePath)) return undefined;
  const parsed = parseSource(text, filePath, { limits, parser: options.parser });
  // Collected on first need: a file without findings never pays for walking its values.
  let secrets: Set<string> | undefined;
  const fileSecrets = (): Set<string> => (secrets ??= secretsOf(parsed.documents, options));
  const limitFound = limitFindings(parsed.limitProblems, filePath, options);
  if (parsed.syntaxErrors.length > 0) {
    return toResult(filePath, [...syntaxFindings(parsed.syntaxErrors, filePath, options, fileSecrets()), ...limitFound]);
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
  if (!sawAuthConfig) return undefined;
  return toResult(filePath, applyDirectives(text, filePath, findings, { knownRuleIds: KNOWN_RULE_IDS, reportUnused: options.reportUnusedDisableDirectives }));
}

/**
 * A file that does not parse gets no other finding: any other would be a guess. The parser's
 * messages may quote the text, so they pass through the same redaction as every finding.
 */
function syntaxFindings(
  errors: readonly SyntaxProblem[],
  filePath: string,
  options: LintOptions,
  secrets: ReadonlySet<string>,
): Finding[] {
  if (options.rules?.['yaml-syntax'] === 'off') return [];
  return errors.map((problem) => ({
    ruleId: 'yaml-syntax',
    severity: severityOf(ruleById('yaml-syntax'), undefined, options),
    message: redact(problem.message, secrets),
    filePath,
    ...problem.range,
  }));
}

/** A docker `.env` / compose env file (src/layouts/env-file.ts). */
export function lintEnvText(text: string, filePath: string, options: LintOptions = {}): LintResult | undefined {
  if (!mentionsAuthEnv(text)) return undefined;
  const model = buildEnvFileModel(parseEnvFile(text, filePath));
  return model ? toResult(filePath, lintModel(model, options)) : undefined;
}

/** One input of `-f` layering. */
export interface LayerInput {
  text: string;
  filePath: string;
}

/**
 * `-f a.yaml -f b.yaml`: the values files merged as Helm merges them, linted as one model whose
 * findings point at the file that set each value. The result carries the last file's path (the one
 * Helm gives precedence). A file that does not parse stops the merge: its syntax errors are reported.
 */
export function lintLayers(inputs: readonly LayerInput[], options: LintOptions = {}): LintResult | undefined {
  const label = inputs[inputs.length - 1].filePath;
  const layers: Layer[] = [];
  const syntax: Finding[] = [];
  const duplicates: { filePath: string; keys: ReturnType<SourceDocument['duplicateKeys']> }[] = [];
  for (const input of inputs) {
    const longLine = longLineFindings(input.text, input.filePath, options);
    if (longLine) {
      syntax.push(...longLine);
      continue;
    }
    const parsed = parseSource(input.text, input.filePath, { limits: resolveLimits(options.limits), parser: options.parser });
    const secrets = secretsOf(parsed.documents, options);
    const problems = [...syntaxFindings(parsed.syntaxErrors, input.filePath, options, secrets), ...limitFindings(parsed.limitProblems, input.filePath, options)];
    if (parsed.syntaxErrors.length > 0 || parsed.limitProblems.length > 0) {
      syntax.push(...problems);
      continue;
    }
    // Helm reads the first document of a values file.
    const document = parsed.documents[0];
    if (!document) continue;
    const value = plainOf(document, input.filePath, syntax, options);
    if (value === undefined) continue;
    layers.push({ filePath: input.filePath, value, locator: document });
    duplicates.push({ filePath: input.filePath, keys: document.duplicateKeys() });
  }
  if (syntax.length > 0) return toResult(label, syntax);
  if (layers.length === 0) return undefined;
  const merged = mergeLayers(layers);
  // A duplicate key counts where its file's value survived the merge; a later file may have replaced it.
  const surviving = duplicates.flatMap(({ filePath, keys }) =>
    keys.filter((duplicate) => merged.locator.origin?.([...duplicate.mapPath, duplicate.key])?.filePath === filePath));
  const models = buildHelmModels(label, merged.value, merged.locator, surviving)
    .map((model) => foldExtraEnvs(model, chartDefaults(options.chartVersion)));
  if (models.length === 0) return undefined;
  return toResult(label, models.flatMap((model) => lintModel(model, options)));
}

/** A line over --max-line-length, checked before parsing: the file is not read further, so nothing else is reported for it. */
function longLineFindings(text: string, filePath: string, options: LintOptions): Finding[] | undefined {
  const { maxLineLength } = resolveLimits(options.limits);
  const longLine = findLongLine(text, maxLineLength);
  if (!longLine) return undefined;
  const message = `line ${longLine.line} is ${longLine.length} characters long, over the ${maxLineLength}-character ` +
    `limit; omlint does not lint this file (raise ${LIMIT_OPTIONS.maxLineLength} if it is genuine)`;
  const range = { line: longLine.line, column: 1, endLine: longLine.line, endColumn: 1 };
  return limitFindings([{ limit: 'maxLineLength', message, range }], filePath, options);
}

/** input-limit findings (the engine reports them itself, like yaml-syntax); none when the rule is off. */
function limitFindings(problems: readonly LimitProblem[], filePath: string, options: LintOptions): Finding[] {
  if (problems.length === 0 || options.rules?.['input-limit'] === 'off') return [];
  const severity = severityOf(ruleById('input-limit'), undefined, options);
  return problems.map((problem) => ({ ruleId: 'input-limit', severity, message: problem.message, filePath, ...problem.range }));
}

/** Every secret of the file (all documents) and of the baseline: a message about one document may quote another. */
function secretsOf(documents: readonly SourceDocument[], options: LintOptions): Set<string> {
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

/** The document as plain data, or undefined (and an input-limit finding) when it expands beyond the limits. */
function plainOf(document: SourceDocument, filePath: string, findings: Finding[], options: LintOptions): Plain | undefined {
  try {
    return document.plain();
  } catch (error) {
    if (!(error instanceof ExpansionLimitError)) throw error;
    const range = document.locateClosest([]);
    const message = `${error.message}; omlint does not lint this document`;
    for (const finding of limitFindings([{ limit: 'maxAliasExpansion', message, range }], filePath, options)) findings.push(finding);
    return undefined;
  }
}

function modelsOf(document: SourceDocument, filePath: string, findings: Finding[], options: LintOptions): AuthModel[] {
  const plain = plainOf(document, filePath, findings, options);
  if (plain === undefined) return [];
  const helm = buildHelmModels(filePath, plain, document, document.duplicateKeys())
    .map((model) => foldExtraEnvs(model, chartDefaults(options.chartVersion)));
  const server = buildServerModel(filePath, document, plain, options.envFile);
  return server ? [...helm, server] : helm;
}

/** Runs every enabled rule on one model. */
export function lintModel(model: AuthModel, options: LintOptions, fileSecrets?: () => ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  // lintText passes the secrets of the whole file (this document's included) and of the baseline,
  // one set for every model of the file; both are collected only when a finding needs redacting.
  let modelSecretSet: ReadonlySet<string> | undefined;
  const secrets = (): ReadonlySet<string> => (modelSecretSet ??= fileSecrets?.() ?? modelSecrets(model, options));
  let schemaProblems: SchemaProblem[] | undefined;
  const authentication = asMap(model.config.authentication);
  const authorizer = asMap(model.config.authorizer);
  // Helm coalesces the values with the chart's defaults: values win, maps merge, `null` deletes.
  const defaults = model.defaults ?? chartDefaults(options.chartVersion);
  const effective = (path: Path): Plain | undefined => coalescedAt(model.config, defaults, path);
  const provider = String(effective(['authentication', 'provider']));
  // The three roots a rule's path may start from, looked up once: rules ask for values many times per model.
  const configRoot = valueAt(model.document, model.configPath);
  const chartRoot = valueAt(model.document, model.chartPath);
  const get = (path: Path, root?: ModelRoot): Plain | undefined =>
    valueAt(root === 'document' ? model.document : root === 'chart' ? chartRoot : configRoot, path);
  const origin = (path: Path, root?: ModelRoot): Origin | undefined => {
    if (get(path, root) === undefined) return undefined;
    const at = documentPath(model, path, root);
    return model.locator.origin?.(at) ?? { filePath: model.locator.locateClosest(at).filePath };
  };
  for (const problem of model.sourceProblems ?? []) {
    const rule = RULES.find((candidate) => candidate.id === problem.ruleId);
    if (rule && options.rules?.[rule.id] !== 'off') findings.push(place(model, rule, sourceReport(problem), secrets(), options));
  }
  // One context for every rule of the model (rules run one at a time and keep nothing): only
  // `report` depends on the rule, through `current`.
  let current: Rule = RULES[0];
  const ctx: RuleContext = {
    model,
    authentication,
    authorizer,
    provider,
    clientType: String(effective(['authentication', 'clientType'])),
    isOidcProvider: OIDC_PROVIDERS.includes(provider),
    baseline: options.baseline,
    chartVersion: options.chartVersion ?? CHART_VERSION,
    get,
    effective,
    origin,
    schemaProblems: () => (schemaProblems ??= chartSchemaProblems(model, origin)),
    locationOf: (path, root, target) => model.locator.locateClosest(documentPath(model, path, root), target),
    report: (report: Report) => findings.push(place(model, current, report, secrets(), options)),
  };
  for (const rule of RULES) {
    if (options.rules?.[rule.id] === 'off') continue;
    current = rule;
    try {
      rule.check(ctx);
    } catch (error) {
      // A crash names the rule and file; its message and stack may hold a value, so both are redacted.
      const crash = new RuleCrashError(`rule ${rule.id} failed on ${model.filePath}: ${redactError(error, secrets()).message}`);
      crash.stack = `${crash.message}\n${redactError(error, secrets()).stack}`;
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

function sourceReport(problem: SourceProblem): Report {
  return { at: problem.at, root: problem.root, target: problem.target, message: problem.message, severity: problem.severity };
}

/**
 * The chart schema checks the values keys, so a value an extraEnvs variable set is not its business.
 * On the server layout (openmetadata.yaml, env files) only what the server cannot read either is
 * kept: unknown keys other than the server's own (its openmetadata-spec schemas are
 * `additionalProperties: false` too), enumerations, and a list, map or scalar where another kind is needed. The server (Jackson)
 * converts between scalar types and takes secrets as plain strings.
 */
function chartSchemaProblems(model: AuthModel, origin: (path: Path) => Origin | undefined): SchemaProblem[] {
  const problems = validateAuthSections(model.config).filter((problem) => !origin(problem.path)?.env || model.layout === 'server');
  if (isHelmModel(model)) return problems;
  return problems.filter((problem) => {
    if (problem.kind === 'unknown-key') return !SERVER_ONLY_KEYS[String(problem.path.at(-2))]?.includes(String(problem.path.at(-1)));
    if (problem.kind === 'enum') return true;
    if (problem.kind !== 'type') return false;
    const value = valueAt(model.config, problem.path);
    const isCollection = typeof value === 'object' && value !== null;
    return problem.expected === 'array' ? !Array.isArray(value) : problem.expected !== 'object' && isCollection;
  });
}

/** The funnel: every report becomes a finding here and nowhere else. */
function place(model: AuthModel, rule: Rule, report: Report, secrets: ReadonlySet<string>, options: LintOptions): Finding {
  const keyPath = documentPath(model, report.at, report.root);
  // A range is in the file that holds the path (with -f layering, not necessarily the linted one).
  const location = report.range
    ? { filePath: model.locator.locateClosest(keyPath).filePath, ...report.range }
    : model.locator.locateClosest(keyPath, report.target);
  const fix = report.fix ? placeFix(model, report) : undefined;
  return {
    ruleId: rule.id,
    severity: severityOf(rule, report.severity, options),
    message: shared(redact(report.message, secrets)),
    ...location,
    keyPath,
    ...(fix ? { fix } : {}),
  };
}

/**
 * One string per distinct message: a run over thousands of files repeats the same few hundred
 * messages (26 000 findings, 1 800 distinct messages at 10 000 files), and results are kept until
 * the formatter runs. Bounded, so a run of unique messages only stops sharing.
 */
const sharedMessages = new Map<string, string>();
const SHARED_MESSAGES_MAX = 10_000;

function shared(message: string): string {
  const known = sharedMessages.get(message);
  if (known !== undefined) return known;
  if (sharedMessages.size < SHARED_MESSAGES_MAX) sharedMessages.set(message, message);
  return message;
}

/** A rule's fix with its paths taken from the document root and the document it applies to; none where no YAML edit can carry it out. */
function placeFix(model: AuthModel, report: Report): DocumentFix | undefined {
  const fix = report.fix as Fix;
  const at = documentPath(model, fix.at, report.root);
  const document = fixableDocument(model, at)?.index;
  if (document === undefined) return undefined;
  return fix.kind === 'move-entry'
    ? { ...fix, at, to: documentPath(model, fix.to, report.root), document }
    : { ...fix, at, document };
}

/**
 * The YAML document a fix at `at` edits: the linted one, also when extraEnvs were folded in (unless
 * the value at `at` is an env var's). None on the server layout (model paths are not its paths) nor
 * with -f layering (several files).
 */
function fixableDocument(model: AuthModel, at: Path): SourceDocument | undefined {
  // Only the document's index is needed here; the fix engine composes the text itself when --fix runs.
  const single = (locator: unknown): SourceDocument | undefined =>
    locator instanceof YamlDocument || locator instanceof FastYamlDocument ? locator : undefined;
  if (single(model.locator)) return single(model.locator);
  if (model.layout === 'server' || !(model.locator instanceof MappedLocator)) return undefined;
  if (model.locator.origin(at)?.env) return undefined;
  return single(model.locator.base);
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
