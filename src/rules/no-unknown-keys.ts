import { defineRule, RuleContext } from './support/rule';
import { didYouMean } from '../util/did-you-mean';
import { SERVER_TO_CHART_KEYS, SERVER_ONLY_AUTH_ENV, MISPLACED_SAML_KEYS } from '../knowledge/names';
import { validateAuthSections } from '../schema/validate';
import type { Path, Plain, PlainMap } from '../types';
import { isHelmModel } from '../layouts/model';
import { isPlainMap, valueAt } from '../types';
import { AUTH_SECTION_KEYS } from '../layouts/helm-values';
import { CHART_VERSION } from '../knowledge/defaults';
import { ChartRelease, KeyChange, chartDefaults, chartRelease, describeRelease, layoutSince } from '../knowledge/versions';

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
    const helm = isHelmModel(ctx.model);
    const unknown = ctx.schemaProblems().filter((problem) => problem.kind === 'unknown-key');
    // The schema is chart 1.13.1's; the chart's history answers for other releases and for keys an
    // older release had. It is loaded only when one of the two is asked about.
    const version = ctx.chartVersion;
    const release = helm && (version !== CHART_VERSION || unknown.length > 0) ? ctx.once(chartRelease, version) : undefined;
    if (release && reportLayoutTooNew(ctx, release)) return;
    const olderChart = release !== undefined && version !== CHART_VERSION;
    for (const problem of unknown) {
      const key = String(problem.path.at(-1));
      // Reported by their own rules, with a better message.
      if (key.includes('.') || (key === 'botPrincipals' && problem.path[0] === 'authorizer')) continue;
      // The chosen chart has the key, or its history explains it (reportChartHistory), or an
      // ancestor the chosen chart lacks is reported instead.
      if (release && (release.has(problem.path) || release.change(problem.path) || lacksAncestor(release, problem.path))) continue;
      const parentPath = problem.path.slice(0, -1);
      const candidate = helm ? SERVER_TO_CHART_KEYS[String(problem.path.at(-2) ?? '')]?.[key] : undefined;
      const chartName = candidate && (!olderChart || release.has([...parentPath, candidate])) ? candidate : undefined;
      const verdict = chartName ? renameVerdict(ctx, problem.path, chartName) : undefined;
      const allowed = olderChart ? release.childKeys(parentPath) : problem.allowed;
      const consequence = olderChart ? chartConsequence(release, version, parentPath) : 'the chart schema rejects it and helm install fails';
      ctx.report({
        at: problem.path,
        target: 'key',
        message: helm
          ? unknownKeyMessage(problem.path, key, allowed, verdict, chartName, consequence)
          : serverUnknownKeyMessage(key, problem.allowed),
        fix: chartName && verdict === 'safe' ? { kind: 'rename-key', at: problem.path, to: chartName } : undefined,
      });
    }
    reportMisplacedSaml(ctx);
    if (release) reportChartHistory(ctx, release);
    reportUnknownEnvNames(ctx);
  },
});

/** Whether the chosen release lacks a map above `path` (the finding goes there). */
function lacksAncestor(release: ChartRelease, path: Path): boolean {
  return path.slice(0, -1).some((_, i) => !release.has(path.slice(0, i + 1)));
}

/** What chart `version` does with a key it does not know in the map at `parentPath`. */
function chartConsequence(release: ChartRelease, version: string, parentPath: Path): string {
  return release.rejectsUnknownKeys(parentPath)
    ? `chart ${version}'s schema rejects it and helm install fails (with schema checks skipped, the chart ignores it)`
    : `chart ${version} ignores it (its schema does not check this map)`;
}

/**
 * --chart-version and keys of other releases (src/knowledge/chart-history.ts, from the chart's git
 * tags): a key the chosen chart does not have yet, no longer has, or has under another name. Only
 * the outermost such key of a branch is reported; its children go with it.
 */
function reportChartHistory(ctx: RuleContext, release: ChartRelease): void {
  const visit = (path: Path, value: Plain): void => {
    if (ctx.origin(path)?.env) return;
    if (release.has(path)) {
      if (isPlainMap(value) && release.childKeys(path).length > 0) {
        for (const [key, child] of Object.entries(value)) visit([...path, key], child);
      }
      return;
    }
    const change = release.change(path);
    // botPrincipals, removed in chart 0.0.49, is no-legacy-layout's finding.
    if (!change || (change.kind === 'removed' && path.join('.') === 'authorizer.botPrincipals')) return;
    ctx.report({ at: path, target: 'key', message: historyMessage(release, ctx.chartVersion, path, change) });
  };
  for (const section of AUTH_SECTION_KEYS) {
    const value = ctx.model.config[section];
    if (value !== undefined) visit([section], value);
  }
}

function historyMessage(release: ChartRelease, version: string, path: Path, change: KeyChange): string {
  const key = String(path.at(-1));
  const consequence = chartConsequence(release, version, path.slice(0, -1));
  switch (change.kind) {
    case 'added': {
      const renamed = change.renamedFrom ? `, replacing "${change.renamedFrom.at(-1)}"` : '';
      const instead = change.renamedFrom ? `Write "${change.renamedFrom.at(-1)}" for chart ${version}, or upgrade the chart.` : 'Remove it, or upgrade the chart.';
      return `"${key}" was added in chart ${describeRelease(change.in)}${renamed}; ${consequence}. ${instead}`;
    }
    case 'removed': {
      if (!change.renamedTo) {
        return `"${key}" was removed in chart ${describeRelease(change.in)} (${change.lastIn} was the last to have it); ${consequence}. Delete it.`;
      }
      const to = String(change.renamedTo.at(-1));
      const list = Array.isArray(valueAt(chartDefaults(change.in), change.renamedTo)) ? ', as a list' : '';
      return `"${key}" was renamed to "${to}" in chart ${describeRelease(change.in)}; ${consequence}. Write "${to}" instead${list}.`;
    }
    case 'skipped':
      return `"${key}" is in chart ${change.lastIn} and again from ${change.backIn}, but chart ${version} was released without it; ${consequence}. Remove it, or use chart ${change.backIn} or later.`;
  }
}

/**
 * --chart-version before 1.1.0: those charts read the auth sections from `global`; charts 1.0.x close
 * the whole values file, so `openmetadata:` fails helm install, and older ones ignore it (chart commit
 * 1f6d91b, "Replacing global values with openmetadata.config (#143)", released in 1.1.0).
 */
function reportLayoutTooNew(ctx: RuleContext, release: ChartRelease): boolean {
  if (release.layout === 'openmetadata.config' || (ctx.model.layout !== 'helm' && ctx.model.layout !== 'umbrella')) return false;
  const version = ctx.chartVersion;
  const reads = release.layout === 'global'
    ? `chart ${version} reads them from "global" (global.authentication, global.authorizer, …)`
    : `chart ${version} has no auth settings at all`;
  const consequence = release.closesValuesRoot()
    ? `its schema rejects "openmetadata", so helm install fails`
    : 'everything under "openmetadata" is ignored';
  const instead = release.layout === 'global' ? 'Move the sections under "global", or upgrade the chart.' : 'Upgrade the chart.';
  ctx.report({
    at: ['openmetadata'],
    root: 'chart',
    target: 'key',
    message: `"openmetadata.config" holds the auth settings from chart ${layoutSince('openmetadata.config')} on; ${reads}: ${consequence}. ${instead}`,
  });
  return true;
}

function unknownKeyMessage(
  path: Path,
  key: string,
  allowed: string[],
  verdict: RenameVerdict | undefined,
  chartName: string | undefined,
  consequence: string,
): string {
  const parent = String(path.at(-2) ?? '');
  const where = path.slice(0, -1).join('.');
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
  return `"${key}" is not a key of ${where}; ${consequence}.${hint}`;
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
