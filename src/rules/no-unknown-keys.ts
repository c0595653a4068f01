import { defineRule, MessageData, RuleContext } from './support/rule';
import { didYouMean } from '../util/did-you-mean';
import { SERVER_TO_CHART_KEYS, SERVER_ONLY_AUTH_ENV, SERVER_ONLY_KEYS, MISPLACED_SAML_KEYS } from '../knowledge/names';
import type { SchemaProblem } from '../schema/validate';
import type { Path, Plain } from '../types';
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
  // Key names, chart releases and the rule's own words only: a key is never a secret.
  messages: {
    serverNameRename: '"{{key}}" is the server\'s (openmetadata.yaml) name; the Helm chart calls it "{{chartName}}". Rename it.',
    serverNameTaken:
      '"{{key}}" is the server\'s (openmetadata.yaml) name; the Helm chart calls it "{{chartName}}". ' +
      '"{{chartName}}" is set as well: keep one of the two values, under "{{chartName}}".',
    serverNameSecretRef:
      '"{{key}}" is the server\'s (openmetadata.yaml) name; the Helm chart calls it "{{chartName}}". There it takes a Kubernetes ' +
      'Secret reference {secretRef, secretKey}, not the value itself: put the value in a Secret and reference it.',
    serverNameValue:
      '"{{key}}" is the server\'s (openmetadata.yaml) name; the Helm chart calls it "{{chartName}}". ' +
      'Rename it and give it the value the chart\'s "{{chartName}}" takes.',
    serverOnly: 'The chart has no "{{key}}" key; set it through extraEnvs as {{envName}}.',
    unknownSuggest: '"{{key}}" is not a key of {{where}}; {{consequence}}. Did you mean "{{suggestion}}"?',
    unknownAllowed: '"{{key}}" is not a key of {{where}}; {{consequence}}. Allowed keys: {{allowed}}.',
    serverUnknownSuggest:
      '"{{key}}" is not a key of {{section}} in OpenMetadata\'s configuration schema; the server rejects unknown keys and does ' +
      'not start. Did you mean "{{suggestion}}"?',
    serverUnknown:
      '"{{key}}" is not a key of {{section}} in OpenMetadata\'s configuration schema; the server rejects unknown keys and does ' +
      'not start. Allowed keys: {{allowed}}.',
    exportUnknownSuggest:
      '"{{key}}" is not a key of {{section}} in OpenMetadata\'s security configuration schema (additionalProperties: false): ' +
      'update-security-config refuses the file. Did you mean "{{suggestion}}"?',
    exportUnknown:
      '"{{key}}" is not a key of {{section}} in OpenMetadata\'s security configuration schema (additionalProperties: false): ' +
      'update-security-config refuses the file. Allowed keys: {{allowed}}.',
    added: '"{{key}}" was added in chart {{release}}; {{consequence}}. Remove it, or upgrade the chart.',
    addedReplacing:
      '"{{key}}" was added in chart {{release}}, replacing "{{before}}"; {{consequence}}. Write "{{before}}" for chart {{version}}, or upgrade the chart.',
    removed: '"{{key}}" was removed in chart {{release}} ({{lastIn}} was the last to have it); {{consequence}}. Delete it.',
    renamed: '"{{key}}" was renamed to "{{to}}" in chart {{release}}; {{consequence}}. Write "{{to}}" instead{{asList}}.',
    skipped:
      '"{{key}}" is in chart {{lastIn}} and again from {{backIn}}, but chart {{version}} was released without it; {{consequence}}. ' +
      'Remove it, or use chart {{backIn}} or later.',
    layoutTooNew: '"openmetadata.config" holds the auth settings from chart {{since}} on; {{reads}}: {{consequence}}. {{instead}}',
    unknownEnvSuggest: '{{name}} is not a variable OpenMetadata\'s configuration reads, so it has no effect. Did you mean {{suggestion}}?',
    removedEnv:
      '{{name}} is no longer read by OpenMetadata (it set {{was}}), so it has no effect: remove it. ' +
      'Do not move its names to another variable: as AUTHORIZER_ADMIN_PRINCIPALS they would become admins.',
    unknownEnv: '{{name}} is not a variable OpenMetadata\'s configuration reads, so it has no effect. See the env names in conf/openmetadata.yaml.',
    misplacedSaml: '"{{key}}" does not belong directly under openmetadata.config; the chart rejects it. Move it to {{target}}.',
  },
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
      const verdict = chartName ? renameVerdict(ctx, problem, chartName) : undefined;
      const allowed = olderChart ? release.childKeys(parentPath) : problem.allowed;
      const consequence = olderChart ? chartConsequence(release, version, parentPath) : 'the chart schema rejects it and helm install fails';
      ctx.report({
        at: problem.path,
        target: 'key',
        ...(helm ? unknownKeyMessage(problem.path, key, allowed, verdict, chartName, consequence) : serverUnknownKeyMessage(ctx, problem.path, problem.allowed)),
        fix: chartName && verdict === 'safe' ? { kind: 'rename-key', at: problem.path, to: chartName } : undefined,
      });
    }
    reportMisplacedSaml(ctx);
    if (release) reportChartHistory(ctx, release, unknown);
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
function reportChartHistory(ctx: RuleContext, release: ChartRelease, unknown: readonly SchemaProblem[]): void {
  const report = (path: Path): void => {
    const change = release.change(path);
    // botPrincipals, removed in chart 0.0.49, is no-legacy-layout's finding.
    if (!change || (change.kind === 'removed' && path.join('.') === 'authorizer.botPrincipals')) return;
    ctx.report({ at: path, target: 'key', ...historyMessage(release, ctx.chartVersion, path, change) });
  };
  // On the current chart, a key it lacks is a key its schema rejects: the schema found them all.
  if (release.version === CHART_VERSION && ctx.chartVersion === CHART_VERSION) {
    for (const problem of unknown) if (!ctx.origin(problem.path)?.env) report(problem.path);
    return;
  }
  const visit = (path: Path, value: Plain): void => {
    if (ctx.origin(path)?.env) return;
    if (!release.has(path)) return report(path);
    if (isPlainMap(value) && release.childKeys(path).length > 0) {
      for (const [key, child] of Object.entries(value)) visit([...path, key], child);
    }
  };
  for (const section of AUTH_SECTION_KEYS) {
    const value = ctx.model.config[section];
    if (value !== undefined) visit([section], value);
  }
}

/** A report's message id and data. */
type Wording = { messageId: string; data: MessageData };

function historyMessage(release: ChartRelease, version: string, path: Path, change: KeyChange): Wording {
  const key = String(path.at(-1));
  const consequence = chartConsequence(release, version, path.slice(0, -1));
  switch (change.kind) {
    case 'added':
      return change.renamedFrom
        ? { messageId: 'addedReplacing', data: { key, release: describeRelease(change.in), before: String(change.renamedFrom.at(-1)), consequence, version } }
        : { messageId: 'added', data: { key, release: describeRelease(change.in), consequence } };
    case 'removed': {
      if (!change.renamedTo) return { messageId: 'removed', data: { key, release: describeRelease(change.in), lastIn: change.lastIn, consequence } };
      const asList = Array.isArray(valueAt(chartDefaults(change.in), change.renamedTo)) ? ', as a list' : '';
      return { messageId: 'renamed', data: { key, to: String(change.renamedTo.at(-1)), release: describeRelease(change.in), consequence, asList } };
    }
    case 'skipped':
      return { messageId: 'skipped', data: { key, lastIn: change.lastIn, backIn: change.backIn, version, consequence } };
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
    messageId: 'layoutTooNew',
    data: { since: layoutSince('openmetadata.config'), reads, consequence, instead },
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
): Wording {
  const parent = String(path.at(-2) ?? '');
  if (chartName) {
    const data = { key, chartName };
    if (verdict === 'safe') return { messageId: 'serverNameRename', data };
    if (verdict === 'name-taken') return { messageId: 'serverNameTaken', data };
    return { messageId: SECRET_REF_KEYS.includes(chartName) ? 'serverNameSecretRef' : 'serverNameValue', data };
  }
  if (parent === 'authentication' && SERVER_ONLY_AUTH_ENV[key]) return { messageId: 'serverOnly', data: { key, envName: SERVER_ONLY_AUTH_ENV[key] } };
  const where = path.slice(0, -1).join('.');
  const suggestion = didYouMean(key, allowed);
  return suggestion
    ? { messageId: 'unknownSuggest', data: { key, where, consequence, suggestion } }
    : { messageId: 'unknownAllowed', data: { key, where, consequence, allowed: allowed.join(', ') } };
}

/**
 * On the server layout the keys are the server's: the schema's allowed keys (the model's chart names)
 * and the server-only ones, each offered as the server names it (`publicKeys` is `publicKeyUrls`
 * there, openmetadata-spec `configuration/authenticationConfiguration.json`). A typo is matched
 * against both names, so `publicKey` finds `publicKeyUrls` through the chart's `publicKeys`.
 */
function serverUnknownKeyMessage(ctx: RuleContext, path: Path, allowed: readonly string[]): Wording {
  const key = String(path.at(-1));
  const parentPath = path.slice(0, -1);
  const section = ctx.keyName(parentPath);
  const serverName = (chartName: string): string => String(ctx.keyName([...parentPath, chartName]).split('.').at(-1));
  const chartNames = [...allowed, ...(SERVER_ONLY_KEYS[String(parentPath.at(-1))] ?? [])];
  const serverNames = chartNames.map(serverName);
  const match = didYouMean(key, serverNames) ?? didYouMean(key, chartNames);
  const suggestion = match === undefined ? undefined : serverName(match);
  // A security config export is refused by update-security-config, not by a server start.
  const [suggest, list] = ctx.model.securityExport ? ['exportUnknownSuggest', 'exportUnknown'] : ['serverUnknownSuggest', 'serverUnknown'];
  return suggestion
    ? { messageId: suggest, data: { key, section, suggestion } }
    : { messageId: list, data: { key, section, allowed: [...new Set(serverNames)].join(', ') } };
}

/**
 * An env file's variable with an auth prefix that OpenMetadata's configuration does not read
 * (src/layouts/env-file.ts). One it read once and dropped is inert, not a typo: a warning, and no
 * did-you-mean (AUTHORIZER_INGESTION_PRINCIPALS is closest to AUTHORIZER_ADMIN_PRINCIPALS, which
 * would make its bots admins).
 */
function reportUnknownEnvNames(ctx: RuleContext): void {
  for (const fact of ctx.model.envLineFacts ?? []) {
    if (fact.kind === 'removed-name') {
      ctx.report({ at: ['line', fact.line], root: 'document', target: 'key', severity: 'warn', messageId: 'removedEnv', data: { name: fact.name, was: fact.was } });
    }
    if (fact.kind !== 'unknown-name') continue;
    ctx.report({
      at: ['line', fact.line],
      root: 'document',
      target: 'key',
      ...(fact.suggestion
        ? { messageId: 'unknownEnvSuggest', data: { name: fact.name, suggestion: fact.suggestion } }
        : { messageId: 'unknownEnv', data: { name: fact.name } }),
    });
  }
}

/** The SAML docs page puts idp/sp/security straight under openmetadata.config (corpus saml-1). */
function reportMisplacedSaml(ctx: RuleContext): void {
  if (ctx.model.layout !== 'helm' && ctx.model.layout !== 'umbrella') return;
  for (const key of MISPLACED_SAML_KEYS) {
    if (ctx.get([key]) === undefined) continue;
    const target = key === 'samlConfiguration' ? 'openmetadata.config.authentication.saml' : `openmetadata.config.authentication.saml.${key}`;
    ctx.report({ at: [key], target: 'key', messageId: 'misplacedSaml', data: { key, target } });
  }
}

/** Chart keys whose value is a {secretRef, secretKey} reference where the server takes the value itself. */
const SECRET_REF_KEYS: readonly string[] = ['clientId', 'clientSecret'];

/** Whether renaming a server key to the chart's name is enough: `safe`, or why not. */
type RenameVerdict = 'safe' | 'name-taken' | 'value-does-not-fit';

/**
 * Renaming a server key to the chart's name is offered only where the rename alone is enough: the
 * chart name is not taken in that map, and the value, renamed, passes the chart schema (the schema
 * stage tried it). So `publicKeyUrls: [..]`, `adminPrincipals: [..]`, `type: azure`, `prompt: login`
 * are renamed, while `secret: "literal"` is not: the chart's clientSecret is a Secret reference
 * (values.schema.json @ 1.13.1).
 */
function renameVerdict(ctx: RuleContext, problem: SchemaProblem, chartName: string): RenameVerdict {
  const parent = valueAt(ctx.model.config, problem.path.slice(0, -1));
  if (isPlainMap(parent) && Object.prototype.hasOwnProperty.call(parent, chartName)) return 'name-taken';
  return problem.rename?.to === chartName && problem.rename.fits ? 'safe' : 'value-does-not-fit';
}
