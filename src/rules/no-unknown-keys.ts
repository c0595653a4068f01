import { defineRule, RuleContext } from '../engine/rule';
import { didYouMean } from '../engine/helpers';
import { SERVER_TO_CHART_KEYS, SERVER_ONLY_AUTH_ENV, MISPLACED_SAML_KEYS } from '../chart/names';
import type { Path } from '../types';
import { isHelmModel } from '../layouts/model';
import { describeSince, keysNewerThan } from '../chart/versions';

/**
 * The chart schema sets `additionalProperties: false` on every auth map (reference §1.6), so
 * `helm install` fails on a typo; with schema checks skipped the key is silently ignored.
 * Keys written in the server's names (bare-metal docs pasted into Helm, G4) get the chart name.
 */
export default defineRule({
  id: 'no-unknown-keys',
  severity: 'error',
  description: 'A key the chart schema does not allow in the auth sections, with the key that was probably meant.',
  check(ctx) {
    // On the server layout the engine keeps only keys the server does not know either (its config
    // schemas are additionalProperties: false, reference §2; Dropwizard refuses to start on them).
    // Unknown env names in env files are reported by the env-file layout under this id.
    for (const problem of ctx.schemaProblems()) {
      if (problem.kind !== 'unknown-key') continue;
      const key = String(problem.path.at(-1));
      // Reported by their own rules, with a better message.
      if (key.includes('.') || (key === 'botPrincipals' && problem.path[0] === 'authorizer')) continue;
      const message = isHelmModel(ctx.model)
        ? unknownKeyMessage(problem.path, key, problem.allowed)
        : serverUnknownKeyMessage(key, problem.allowed);
      ctx.report({ at: problem.path, target: 'key', message });
    }
    reportMisplacedSaml(ctx);
    reportNewerKeys(ctx);
  },
});

/** --chart-version: a key the chosen chart does not have yet (src/chart/versions.ts, reference §1.3, §1.4.1). */
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

function unknownKeyMessage(path: Path, key: string, allowed: string[]): string {
  const parent = String(path.at(-2) ?? '');
  const where = path.slice(0, -1).join('.');
  const chartName = SERVER_TO_CHART_KEYS[parent]?.[key];
  if (chartName) {
    return `"${key}" is the server's (openmetadata.yaml) name; the Helm chart calls it "${chartName}". Rename it.`;
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
