import { defineRule, MessageData } from './support/rule';
import { show } from './support/message';
import type { Plain } from '../types';
import { isOidcBlockRendered } from './support/idp';

/**
 * The chart passes these as strings and the server parses them as integers: `maxClockSkew` with
 * Integer.parseInt (empty allowed), `tokenValidity` and `sessionExpiry` are integer fields of
 * oidcClientConfig.json (newer schema: minimum 1 and 3600), `maxAge` is sent as max_age (an
 * integer ≥ 0, empty for none). Anything else stops the server from starting or from building its
 * OIDC client (OpenMetadata AuthenticationCodeFlowHandler.java @ 0152299f; openmetadata-spec
 * `security/client/oidcClientConfig.json` @ 94f166fe, newer @ 27d36847). They exist only in the
 * confidential flow.
 */
interface NumericSetting {
  key: string;
  min: number;
  allowEmpty: boolean;
  meaning: string;
  example: string;
}

const SETTINGS: readonly NumericSetting[] = [
  { key: 'maxClockSkew', min: 0, allowEmpty: true, meaning: 'seconds of clock skew tolerated', example: '"30"' },
  { key: 'tokenValidity', min: 1, allowEmpty: false, meaning: 'seconds the OpenMetadata refresh token lives', example: '"3600"' },
  { key: 'sessionExpiry', min: 3600, allowEmpty: false, meaning: 'seconds a session lives', example: '"604800"' },
  { key: 'maxAge', min: 0, allowEmpty: true, meaning: 'max_age in seconds', example: '"3600"' },
];

/** Java int, the type the server parses into. */
const INT_MAX = 2147483647;

export default defineRule({
  id: 'oidc-numeric-settings',
  severity: 'error',
  description: 'maxClockSkew, tokenValidity, sessionExpiry or maxAge is not an integer in range.',
  messages: {
    empty: '{{key}} is empty; the server needs an integer ({{meaning}}), e.g. {{example}}.',
    notInteger:
      '{{key}} {{value}} is not a whole number of seconds; the server parses it as an integer and fails. Write e.g. {{example}}.',
    tooLarge: `{{key}} {{value}} is larger than the server's integer type allows (${INT_MAX}).`,
    belowMinimum: '{{key}} {{value}} is below the minimum of {{min}} ({{meaning}}); use at least "{{min}}".',
  },
  check(ctx) {
    if (!ctx.isOidcProvider || !isOidcBlockRendered(ctx)) return;
    for (const setting of SETTINGS) {
      const path = ['authentication', 'oidcConfiguration', setting.key];
      const problem = problemOf(setting, ctx.get(path));
      if (problem) ctx.report({ at: path, messageId: problem.messageId, data: { ...problem.data, key: ctx.keyName(path) } });
    }
  },
});

/** The message for a value of `setting` the server cannot take, or undefined; the setting's own words fill the rest (the rule adds its name). */
function problemOf(setting: NumericSetting, value: Plain | undefined): { messageId: string; data: MessageData } | undefined {
  if (value === undefined) return undefined;
  // A YAML number is valid-schema's finding (the chart wants a string); its range is still ours.
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined) return undefined;
  const { meaning, example, min } = setting;
  if (text === '') return setting.allowEmpty ? undefined : { messageId: 'empty', data: { meaning, example } };
  if (!/^\d+$/.test(text)) return { messageId: 'notInteger', data: { value: show(value), example } };
  const number = Number(text);
  if (number > INT_MAX) return { messageId: 'tooLarge', data: { value: show(value) } };
  if (number < min) return { messageId: 'belowMinimum', data: { value: show(value), min, meaning } };
  return undefined;
}
