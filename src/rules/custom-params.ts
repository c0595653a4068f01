import { defineRule, MessageData, RuleContext } from './support/rule';
import { show } from './support/message';
import type { Path } from '../types';
import { isOidcBlockRendered } from './support/idp';
import { isHelmModel } from '../layouts/model';
import { compareVersions } from '../knowledge/versions';
import { isPlainMap } from '../types';

/**
 * The server substitutes OIDC_CUSTOM_PARAMS into its YAML as a map (`customParams:
 * ${OIDC_CUSTOM_PARAMS:-}`), so the text must read as a map, or as nothing (null: no parameters).
 * How the chart renders it depends on the release (templates/secrets.yaml):
 * - 1.3.2 to 1.6.3: `customParams | quote | b64enc`. Every string becomes a quoted YAML string,
 *   which the server cannot read as a map: "" gives "Cannot coerce empty String ("") to element of
 *   java.util.LinkedHashMap" in run-db-migrations (helm-charts #229, chart 1.3.2), and '{}' fails the
 *   same way (#245, chart 1.4.1). Only a null (Helm drops the key, quote renders nothing) works.
 * - from 1.6.4 (commit 5fee8ba, PR #311, fixing #245): `customParams | b64enc`, default '{}'. The
 *   text goes in as written: '' renders an empty variable, which the server reads as null (no
 *   custom parameters); a malformed brace string fails config parsing (OpenMetadata #24193, #26775, "Malformed
 *   YAML … customParams: {}}"); null fails rendering: Helm drops a null key, and Go's text/template
 *   refuses the missing value for b64enc's string parameter ("invalid value; expected string";
 *   PR #311 let the schema accept null, the template at 1.13.1 still pipes it into b64enc).
 * In the server's own configuration `customParams: ""` is the empty string, which fails as above.
 * The code flow then reads only the pairs customParamKey1..5 / customParamValue1..5 and sends each
 * key as a request parameter with its value; every other key is ignored
 * (AuthenticationCodeFlowHandler.buildOidcClient, OpenMetadata @ 0152299f). The setting exists
 * only in the confidential flow.
 */
const CUSTOM_PARAMS: Path = ['authentication', 'oidcConfiguration', 'customParams'];
const PAIR_KEY = /^customParam(Key|Value)([1-9]\d*)$/;
/** The chart releases that quote customParams: from its first (1.3.2) up to 1.6.4, which dropped the quote. */
const QUOTED_SINCE = '1.3.2';
const UNQUOTED_SINCE = '1.6.4';

export default defineRule({
  id: 'custom-params',
  severity: 'error',
  description: 'oidcConfiguration.customParams is not a JSON object string, or holds keys the server ignores.',
  messages: {
    quoted:
      'chart {{chartVersion}} renders {{what}} quoted into OIDC_CUSTOM_PARAMS, so the server reads a string where it wants a map ' +
      'and the run-db-migrations step fails ("Cannot coerce empty String" or "no String-argument constructor"), whatever the text. ' +
      'Upgrade to chart {{unquotedSince}} or later, or write customParams: null (the chart then renders nothing), ' +
      "or set OIDC_CUSTOM_PARAMS to '{}' through extraEnvs.",
    null:
      'customParams is empty (null): the chart pipes it into b64enc, which takes a string, so helm install fails ' +
      "(\"invalid value; expected string\"). Write customParams: '{}'.",
    emptyString:
      '{{setting}} is an empty string: the server cannot read "" as a map and does not start (run-db-migrations fails ' +
      'with "Cannot coerce empty String"). Write {} there or leave {{setting}} out.',
    notObject:
      '{{setting}} {{value}} is not a JSON object; the server reads it as a map. ' +
      'Write e.g. \'{"customParamKey1": "prompt", "customParamValue1": "select_account"}\' or \'{}\'.',
    unbalanced:
      '{{setting}} {{value}} has unbalanced braces, so the server\'s configuration does not parse ("Malformed YAML"). ' +
      'Write a single JSON object, e.g. \'{}\'.',
    // {{key}} is shown quoted, so it stands as the JSON string of the pair to write.
    ignoredKey:
      '{{setting}} key {{key}} is ignored: the server reads only customParamKey1..5 with customParamValue1..5. ' +
      'To send {{key}}, write \'{"customParamKey1": {{key}}, "customParamValue1": "<value>"}\'.',
    unpaired:
      '{{setting}} has {{key}} without its partner; the server sends customParamKeyN as the parameter name and ' +
      'customParamValueN as its value, so write both.',
  },
  check(ctx) {
    if (!ctx.isOidcProvider || !isOidcBlockRendered(ctx)) return;
    const value = ctx.get(CUSTOM_PARAMS);
    const env = ctx.origin(CUSTOM_PARAMS)?.env;
    // Written in the values, or the chart's default (an extraEnvs OIDC_CUSTOM_PARAMS goes to the server as it is).
    const fromValues = isHelmModel(ctx.model) && !env;
    const quoted = fromValues && chartQuotes(ctx.chartVersion);
    if (quoted && value !== null) {
      reportQuoted(ctx, value === undefined);
      return;
    }
    if (value === undefined || (quoted && value === null)) return;
    if (value === null) {
      // Only the chart pipes the value into b64enc; the server reads a null (the stock
      // openmetadata.yaml's `${OIDC_CUSTOM_PARAMS:-}`) as no custom parameters.
      if (fromValues) ctx.report({ at: CUSTOM_PARAMS, target: 'key', messageId: 'null' });
      return;
    }
    if (isPlainMap(value) && !isHelmModel(ctx.model)) {
      // The server's own form (a substituted OIDC_CUSTOM_PARAMS, openmetadata.yaml, an export): its keys count.
      const ignored = ignoredKeys(Object.keys(value));
      if (ignored) ctx.report({ at: CUSTOM_PARAMS, severity: 'warn', messageId: ignored.messageId, data: { ...ignored.data, setting: ctx.keyName(CUSTOM_PARAMS) } });
      return;
    }
    if (typeof value !== 'string') return; // a YAML map fails the chart schema: valid-schema reports it
    const text = value.trim();
    // An empty OIDC_CUSTOM_PARAMS (what chart 1.6.4+ renders for '', or an empty variable) reads as null: no parameters.
    if (text === '' && (isHelmModel(ctx.model) || env)) return;
    const setting = ctx.keyName(CUSTOM_PARAMS);
    const problem = formatProblem(text);
    if (problem) {
      ctx.report({ at: CUSTOM_PARAMS, messageId: problem.messageId, data: { ...problem.data, setting } });
      return;
    }
    const ignored = ignoredKeys(keysOf(text));
    if (ignored) ctx.report({ at: CUSTOM_PARAMS, severity: 'warn', messageId: ignored.messageId, data: { ...ignored.data, setting } });
  },
});

function chartQuotes(version: string): boolean {
  return compareVersions(version, QUOTED_SINCE) >= 0 && compareVersions(version, UNQUOTED_SINCE) < 0;
}

/** Charts 1.3.2 to 1.6.3 turn every customParams string, their own default "" included, into a quoted YAML string. */
function reportQuoted(ctx: RuleContext, isDefault: boolean): void {
  ctx.report({
    at: isDefault ? ['authentication', 'oidcConfiguration'] : CUSTOM_PARAMS,
    target: 'key',
    messageId: 'quoted',
    data: { chartVersion: ctx.chartVersion, what: isDefault ? 'its default customParams ""' : 'customParams', unquotedSince: UNQUOTED_SINCE },
  });
}

/** A finding of this rule: which message, filled with what. */
interface Problem {
  messageId: string;
  data?: MessageData;
}

function formatProblem(text: string): Problem | undefined {
  if (text === '') return { messageId: 'emptyString' };
  if (!text.startsWith('{') || !text.endsWith('}')) return { messageId: 'notObject', data: { value: show(text) } };
  if (!bracesBalance(text)) return { messageId: 'unbalanced', data: { value: show(text) } };
  return undefined;
}

/** Braces outside quoted strings open and close in order, around one object. */
function bracesBalance(text: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (i > 0 && depth === 0 && char.trim() !== '') return false;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{') depth++;
    else if (char === '}') depth--;
  }
  return depth === 0 && quote === undefined;
}

/** The keys of a JSON object string, or of a YAML flow map (`{customParamKey1: prompt}`). */
function keysOf(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return Object.keys(parsed);
  } catch {
    // not JSON: the server reads it as YAML, where a flow map is fine too
  }
  const inner = text.slice(1, -1);
  return [...inner.matchAll(/(?:^|,)\s*["']?([^"':,{}\s]+)["']?\s*:/g)].map((match) => match[1]);
}

function ignoredKeys(keys: readonly string[]): Problem | undefined {
  const notPairs = keys.filter((key) => {
    const match = PAIR_KEY.exec(key);
    return !match || Number(match[2]) > 5;
  });
  if (notPairs.length > 0) return { messageId: 'ignoredKey', data: { key: show(notPairs[0]) } };
  const unpaired = keys.find((key) => {
    const match = PAIR_KEY.exec(key);
    const partner = match && `customParam${match[1] === 'Key' ? 'Value' : 'Key'}${match[2]}`;
    return partner !== null && !keys.includes(partner);
  });
  // customParamKeyN / customParamValueN: a name of the server's (PAIR_KEY), printed bare as before.
  if (unpaired) return { messageId: 'unpaired', data: { key: unpaired } };
  return undefined;
}
