import { defineRule, MessageData } from './support/rule';
import { show } from './support/message';
import type { Path } from '../types';
import { isOidcBlockRendered } from './support/idp';

/**
 * The chart passes `oidcConfiguration.customParams` unquoted into OIDC_CUSTOM_PARAMS, which the
 * server substitutes into its YAML as a map (`customParams: ${OIDC_CUSTOM_PARAMS}`; reference §1.4.1).
 * An empty string fails config parsing — "Cannot coerce empty String ("") to element of
 * java.util.LinkedHashMap" in the run-db-migrations container (user-pain C1, helm-charts #229, #245);
 * a malformed brace string fails the same way (C2, "Malformed YAML … customParams: {}}"). The code
 * flow then reads only the pairs customParamKey1..5 / customParamValue1..5 and sends each key as a
 * request parameter with its value; every other key is ignored (AuthenticationCodeFlowHandler;
 * reference §4.3, OMA037). The setting exists only in the confidential flow.
 */
const CUSTOM_PARAMS: Path = ['authentication', 'oidcConfiguration', 'customParams'];
const PAIR_KEY = /^customParam(Key|Value)([1-9]\d*)$/;

export default defineRule({
  id: 'custom-params',
  severity: 'error',
  description: 'oidcConfiguration.customParams is not a JSON object string, or holds keys the server ignores.',
  messages: {
    null: "customParams is empty (null); the chart pipes it into b64enc, which expects a string. Write customParams: '{}'.",
    emptyString:
      'customParams is an empty string: the server cannot read "" as a map and the run-db-migrations step fails ' +
      '("Cannot coerce empty String"). Write customParams: \'{}\'.',
    notObject:
      'customParams {{value}} is not a JSON object; the server reads it as a map. ' +
      'Write e.g. \'{"customParamKey1": "prompt", "customParamValue1": "select_account"}\' or \'{}\'.',
    unbalanced:
      'customParams {{value}} has unbalanced braces, so the server\'s configuration does not parse ("Malformed YAML"). ' +
      'Write a single JSON object, e.g. \'{}\'.',
    // {{key}} is shown quoted, so it stands as the JSON string of the pair to write.
    ignoredKey:
      'customParams key {{key}} is ignored: the server reads only customParamKey1..5 with customParamValue1..5. ' +
      'To send {{key}}, write \'{"customParamKey1": {{key}}, "customParamValue1": "<value>"}\'.',
    unpaired:
      'customParams has {{key}} without its partner; the server sends customParamKeyN as the parameter name and ' +
      'customParamValueN as its value, so write both.',
  },
  check(ctx) {
    if (!ctx.isOidcProvider || !isOidcBlockRendered(ctx)) return;
    const value = ctx.get(CUSTOM_PARAMS);
    if (value === undefined) return;
    if (value === null) {
      ctx.report({ at: CUSTOM_PARAMS, target: 'key', severity: 'warn', messageId: 'null' });
      return;
    }
    if (typeof value !== 'string') return; // a YAML map fails the chart schema: valid-schema reports it
    const text = value.trim();
    const problem = formatProblem(text);
    if (problem) {
      ctx.report({ at: CUSTOM_PARAMS, ...problem });
      return;
    }
    const ignored = ignoredKeys(text);
    if (ignored) ctx.report({ at: CUSTOM_PARAMS, severity: 'warn', ...ignored });
  },
});

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

function ignoredKeys(text: string): Problem | undefined {
  const keys = keysOf(text);
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
