import { defineRule, RuleContext } from './support/rule';
import { didYouMean } from '../util/did-you-mean';
import { SERVER_TO_CHART_KEYS, SERVER_ONLY_AUTH_ENV, MISPLACED_SAML_KEYS } from '../knowledge/names';
import { validateAuthSections } from '../schema/validate';
import type { Path, Plain, PlainMap } from '../types';
import { isHelmModel } from '../layouts/model';
import { describeSince, keysNewerThan } from '../knowledge/versions';
import { isPlainMap, valueAt } from '../types';

/**
 * The chart schema sets `additionalProperties: false` on every auth map (values.schema.json @ 1.13.1), so
 * `helm install` fails on a typo; with schema checks skipped the key is silently ignored.
 * Keys written in the server's names (bare-metal docs pasted into Helm) get the chart name.
 */
export default defineRule({
  id: 'no-unknown-keys',
  severity: 'error',
  fixable: true,
  description: 'A key the chart schema does not allow in the auth sections, with the key that was probably meant.',
  check(ctx) {
    // On the server layout the engine keeps only keys the server does not know either (its config
    // openmetadata-spec schemas are additionalProperties: false; Dropwizard refuses to start on them).
    for (const problem of ctx.schemaProblems()) {
      if (problem.kind !== 'unknown-key') continue;
      const key = String(problem.path.at(-1));
      // Reported by their own rules, with a better message.
      if (key.includes('.') || (key === 'botPrincipals' && problem.path[0] === 'authorizer')) continue;
      const chartName = isHelmModel(ctx.model) ? SERVER_TO_CHART_KEYS[String(problem.path.at(-2) ?? '')]?.[key] : undefined;
      const verdict = chartName ? renameVerdict(ctx, problem.path, chartName) : undefined;
      ctx.report({
        at: problem.path,
        target: 'key',
        message: isHelmModel(ctx.model)
          ? unknownKeyMessage(problem.path, key, problem.allowed, verdict)
          : serverUnknownKeyMessage(key, problem.allowed),
        fix: chartName && verdict === 'safe' ? { kind: 'rename-key', at: problem.path, to: chartName } : undefined,
      });
    }
    reportMisplacedSaml(ctx);
    reportNewerKeys(ctx);
    reportUnknownEnvNames(ctx);
  },
});

/** --chart-version: a key the chosen chart does not have yet (src/knowledge/versions.ts). */
function reportNewerKeys(ctx: RuleContext): void {
  if (!isHelmModel(ctx.model)) return;
  for (const history of keysNewerThan(ctx.chartVersion)) {
    if (ctx.get(history.path) === undefined || ctx.origin(history.path)?.env) continue;
    const key = String(history.path.at(-1));
    ctx.report({
      at: history.path,
      target: 'key',
      message:
        `"${key}" was added in chart ${describeSince(history)}; chart ${ctx.chartVersion}'s schema rejects it and helm install fails ` +
        `(with schema checks skipped, the chart ignores it). Remove it, or upgrade the chart.`,
    });
  }
}

function unknownKeyMessage(path: Path, key: string, allowed: string[], verdict: RenameVerdict | undefined): string {
  const parent = String(path.at(-2) ?? '');
  const where = path.slice(0, -1).join('.');
  const chartName = SERVER_TO_CHART_KEYS[parent]?.[key];
  if (chartName) {
    const server = `"${key}" is the server's (openmetadata.yaml) name; the Helm chart calls it "${chartName}".`;
    if (verdict === 'safe') return `${server} Rename it.`;
    if (verdict === 'name-taken') return `${server} "${chartName}" is set as well: keep one of the two values, under "${chartName}".`;
    return SECRET_REF_KEYS.includes(chartName)
      ? `${server} There it takes a Kubernetes Secret reference {secretRef, secretKey}, not the value itself: put the value in a Secret and reference it.`
      : `${server} Rename it and give it the value the chart's "${chartName}" takes.`;
  }
  if (parent === 'authentication' && SERVER_ONLY_AUTH_ENV[key]) {
    return `The chart has no "${key}" key; set it through extraEnvs as ${SERVER_ONLY_AUTH_ENV[key]}.`;
  }
  const suggestion = didYouMean(key, allowed);
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : ` Allowed keys: ${allowed.join(', ')}.`;
  return `"${key}" is not a key of ${where}; the chart schema rejects it and helm install fails.${hint}`;
}

function serverUnknownKeyMessage(key: string, allowed: string[]): string {
  const suggestion = didYouMean(key, allowed);
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : ' Remove it.';
  return `"${key}" is not a key of OpenMetadata's configuration schema here; the server rejects unknown keys and does not start.${hint}`;
}

/** An env file's variable with an auth prefix that OpenMetadata's configuration does not read (src/layouts/env-file.ts). */
function reportUnknownEnvNames(ctx: RuleContext): void {
  for (const fact of ctx.model.envLineFacts ?? []) {
    if (fact.kind !== 'unknown-name') continue;
    const hint = fact.suggestion ? ` Did you mean ${fact.suggestion}?` : ' See the env names in conf/openmetadata.yaml.';
    ctx.report({
      at: ['line', fact.line],
      root: 'document',
      target: 'key',
      message: `${fact.name} is not a variable OpenMetadata's configuration reads, so it has no effect.${hint}`,
    });
  }
}

/** The SAML docs page puts idp/sp/security straight under openmetadata.config (corpus saml-1). */
function reportMisplacedSaml(ctx: RuleContext): void {
  if (ctx.model.layout !== 'helm' && ctx.model.layout !== 'umbrella') return;
  for (const key of MISPLACED_SAML_KEYS) {
    if (ctx.get([key]) === undefined) continue;
    const target = key === 'samlConfiguration' ? 'openmetadata.config.authentication.saml' : `openmetadata.config.authentication.saml.${key}`;
    ctx.report({
      at: [key],
      target: 'key',
      message: `"${key}" does not belong directly under openmetadata.config; the chart rejects it. Move it to ${target}.`,
    });
  }
}

/** Chart keys whose value is a {secretRef, secretKey} reference where the server takes the value itself. */
const SECRET_REF_KEYS: readonly string[] = ['clientId', 'clientSecret'];

/** Whether renaming a server key to the chart's name is enough: `safe`, or why not. */
type RenameVerdict = 'safe' | 'name-taken' | 'value-does-not-fit';

/**
 * Renaming a server key to the chart's name is offered only where the rename alone is enough: the
 * chart name is not taken in that map, and the value, renamed, passes the chart schema. So
 * `publicKeyUrls: [..]`, `adminPrincipals: [..]`, `type: azure`, `prompt: login` are renamed, while
 * `secret: "literal"` is not: the chart's clientSecret is a Secret reference (values.schema.json @ 1.13.1).
 */
function renameVerdict(ctx: RuleContext, path: Path, chartName: string): RenameVerdict {
  const key = String(path.at(-1));
  const parentPath = path.slice(0, -1);
  const parent = valueAt(ctx.model.config, parentPath);
  if (!isPlainMap(parent) || !Object.prototype.hasOwnProperty.call(parent, key)) return 'value-does-not-fit';
  if (Object.prototype.hasOwnProperty.call(parent, chartName)) return 'name-taken';
  const renamed = [...parentPath, chartName];
  const config = withReplaced(ctx.model.config, parentPath, renameKey(parent, key, chartName)) as PlainMap;
  const fits = !validateAuthSections(config).some((problem) => renamed.every((segment, i) => problem.path[i] === segment));
  return fits ? 'safe' : 'value-does-not-fit';
}

/** `map` with `key` renamed to `to` (fromEntries: a `__proto__` key stays an ordinary key). */
function renameKey(map: PlainMap, key: string, to: string): PlainMap {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name === key ? to : name, value]));
}

/**
 * `node` with the value at `path` replaced, copying only the maps and lists along the path: the
 * rest is shared, not cloned, as the schema only reads it.
 */
function withReplaced(node: Plain, path: Path, replacement: Plain): Plain {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[Number(head)] = withReplaced(node[Number(head)], rest, replacement);
    return copy;
  }
  const map = node as PlainMap;
  return { ...map, [String(head)]: withReplaced(map[String(head)], rest, replacement) };
}
