/**
 * Runs every enabled rule on one model. Rules see the model through one context and speak only
 * through ctx.report(), which hands the report to the funnel.
 */
import type { Path, Plain, PlainMap } from '../types';
import { RuleCrashError } from './crash';
import type { JobSettings } from './job';
import type { Funnel } from './funnel';
import type { Report, Rule, RuleContext } from '../rules/support/rule';
import { RULES } from '../rules';
import { AuthModel, ModelRoot, documentPath, isHelmModel } from '../layouts/model';
import { coalescedAt } from '../source/merge';
import { CHART_VERSION } from '../knowledge/defaults';
import { chartDefaults, serverVersionOf } from '../knowledge/versions';
import { SERVER_ONLY_KEYS, SERVER_TO_CHART_KEYS } from '../knowledge/names';
import { OIDC_PROVIDERS } from '../knowledge/providers';
import { validateAuthSections, SchemaProblem } from '../schema/validate';
import { defaultsNameIn, keyNameIn } from '../layouts/names';
import { redactError } from './redact';
import type { EngineCaches } from './caches';
import { valueAt, isPlainMap } from '../types';
import { Origin } from '../source/tree';

export { RuleCrashError };

/**
 * Runs the rules on one model; returns the crashes of rules that threw. A crash ends only that
 * rule's run on the model: the rules after it still run, so one odd value cannot take the file's
 * other findings with it.
 */
export function runRules(model: AuthModel, settings: JobSettings, funnel: Funnel, caches: EngineCaches): RuleCrashError[] {
  const crashes: RuleCrashError[] = [];
  // Helm coalesces the values with the chart's defaults: values win, maps merge, `null` deletes.
  const defaults = model.defaults ?? chartDefaults(settings.chartVersion);
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
  let schemaProblems: SchemaProblem[] | undefined;
  const remembered = new Map<unknown, Map<unknown, unknown>>();
  const once = <A, R>(compute: (arg: A) => R, arg: A): R => {
    // A text or number: the answer is the run's (it recurs across files); a map or list: the model's.
    if (typeof arg !== 'object' || arg === null) return caches.remembered(compute, arg);
    let answers = remembered.get(compute);
    if (!answers) remembered.set(compute, (answers = new Map()));
    if (!answers.has(arg)) answers.set(arg, compute(arg));
    return answers.get(arg) as R;
  };
  // One context for every rule of the model (rules run one at a time and keep nothing): only
  // `report` depends on the rule, through `current`.
  let current: Rule = RULES[0];
  const ctx: RuleContext = {
    model,
    authentication: asMap(model.config.authentication),
    authorizer: asMap(model.config.authorizer),
    provider,
    clientType: String(effective(['authentication', 'clientType'])),
    isOidcProvider: OIDC_PROVIDERS.includes(provider),
    form: model.form,
    keyName: (path) => keyNameIn(model.form, path),
    // A key a security config export leaves out takes the schema default update-security-config fills in.
    defaultsName: model.securityExport ? 'the default update-security-config fills in' : defaultsNameIn(model.form),
    baseline: settings.baseline,
    storedConfig: settings.storedConfig,
    chartVersion: settings.chartVersion ?? CHART_VERSION,
    server: serverVersionOf(isHelmModel(model), settings.chartVersion, settings.serverVersion),
    get,
    effective,
    origin,
    schemaProblems: () => (schemaProblems ??= chartSchemaProblems(model, origin)),
    once,
    locationOf: (path, root, target) => model.locator.locateClosest(documentPath(model, path, root), target),
    report: (report: Report) => funnel.addReport(model, current, report),
  };
  for (const rule of RULES) {
    if (!funnel.isOn(rule.id)) continue;
    current = rule;
    try {
      rule.check(ctx);
    } catch (error) {
      // A crash names the rule and file; its message and stack may hold a value, so both are redacted.
      const redacted = redactError(error, funnel.secrets());
      const crash = new RuleCrashError(`rule ${rule.id} failed on ${model.filePath}: ${redacted.message}`);
      crash.stack = `${crash.message}\n${redacted.stack}`;
      crashes.push(crash);
    }
  }
  return crashes;
}

/**
 * The chart schema checks the values keys, so a value an extraEnvs variable set is not its business,
 * nor are the values of another chart (model.chart).
 * On the server layout (openmetadata.yaml, env files) only what the server cannot read either is
 * kept: unknown keys other than the server's own (its openmetadata-spec schemas are
 * `additionalProperties: false` too), enumerations, and a list, map or scalar where another kind is needed. The server (Jackson)
 * converts between scalar types and takes secrets as plain strings.
 */
function chartSchemaProblems(model: AuthModel, origin: (path: Path) => Origin | undefined): SchemaProblem[] {
  // A fork or another chart (its Chart.yaml says so) has keys and types of its own: open-metadata's
  // schema is no judge of them.
  if (model.chart?.otherChart) return [];
  const problems = validateAuthSections(model.config, isHelmModel(model) ? chartNameOf : undefined)
    .filter((problem) => !origin(problem.path)?.env || model.layout === 'server');
  if (isHelmModel(model)) return problems;
  return problems.filter((problem) => {
    if (problem.kind === 'unknown-key') return !SERVER_ONLY_KEYS[String(problem.path.at(-2))]?.includes(String(problem.path.at(-1)));
    if (problem.kind === 'enum') return true;
    if (problem.kind !== 'type') return false;
    const value = valueAt(model.config, problem.path);
    // The chart takes customParams as a JSON string for OIDC_CUSTOM_PARAMS; the server reads the map
    // itself (openmetadata-spec oidcClientConfig.json: Map<String,String>), as the substituted
    // variable, a map in openmetadata.yaml or a security config export give it.
    if (problem.path.at(-1) === 'customParams' && isPlainMap(value)) return false;
    const isCollection = typeof value === 'object' && value !== null;
    return problem.expected === 'array' ? !Array.isArray(value) : problem.expected !== 'object' && isCollection;
  });
}

/** The chart's name of a key written with the server's name (publicKeyUrls → publicKeys), in Helm values. */
function chartNameOf(parentPath: Path, key: string): string | undefined {
  return SERVER_TO_CHART_KEYS[String(parentPath.at(-1) ?? '')]?.[key];
}

function asMap(value: Plain | undefined): PlainMap {
  return isPlainMap(value) ? value : {};
}
