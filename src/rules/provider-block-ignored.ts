import { defineRule, RuleContext } from './support/rule';
import { CHART_DEFAULTS } from '../knowledge/defaults';
import { OIDC_PROVIDERS } from '../knowledge/providers';
import { isBlank, sameValue } from './support/values';
import { isPlainMap, valueAt, type Path, type Plain } from '../types';
import { show } from './support/message';

/**
 * A provider block only counts for its provider. The chart renders `ldapConfiguration` only when
 * provider is ldap and `saml` only when provider is saml (chart `templates/secrets.yaml` 339–397,
 * `templates/_helpers.tpl` 249–316 @ 1.13.1), and the server reads each block only for its provider
 * (OpenMetadata #19162: SAML settings ignored because the provider was not `saml`). The OIDC block is
 * rendered only for a confidential client (`_helpers.tpl` 233, `secrets.yaml` 320) and used only by
 * the OIDC providers' code flow (AuthServeletHandlerFactory.java @ 4a4ca905). An `oidcConfiguration`
 * with a client id and secret while provider and clientType are left at basic and public is an SSO
 * setup never switched on: a warning. Where clientType is confidential, or the provider is an OIDC
 * one, what happens to the OIDC block is client-type-oidc's finding; every other filled block is
 * this rule's.
 *
 * A block counts as filled when a value in it differs from the default and is not empty. In
 * openmetadata.yaml a `${SAML_…:-default}` the stock file carries is not filled by the user: only a
 * value written there, or one the env file sets, is.
 */
interface Block {
  key: string;
  /** Whether the block counts with this provider and client type (then it is not this rule's finding). */
  used: (ctx: RuleContext) => boolean;
  renderedFor: string;
}

const OIDC_BLOCK = 'oidcConfiguration';

const BLOCKS: readonly Block[] = [
  { key: 'ldapConfiguration', used: (ctx) => ctx.provider === 'ldap', renderedFor: 'ldap' },
  { key: 'saml', used: (ctx) => ctx.provider === 'saml', renderedFor: 'saml' },
  { key: OIDC_BLOCK, used: (ctx) => ctx.isOidcProvider || ctx.clientType === 'confidential', renderedFor: OIDC_PROVIDERS.join(', ') },
];

export default defineRule({
  id: 'provider-block-ignored',
  severity: 'info',
  description: 'A provider block (ldapConfiguration, saml, oidcConfiguration) filled in while the provider means it is never used.',
  // {{block}}, {{providerKey}}, {{who}}… are key and variable names and the rule's own words; the provider goes in through show().
  messages: {
    ignored:
      '{{block}} {{isFilled}}, but {{who}} only when {{providerKey}} is "{{renderedFor}}"; here it is {{provider}}{{byDefault}}, ' +
      'so {{consequence}}. Set {{setProvider}}, or delete {{them}}.',
    oidcIgnored:
      '{{block}} {{isFilled}}, but {{who}} only for a confidential client of an OIDC provider ({{renderedFor}}); here ' +
      '{{providerKey}} is {{provider}}{{byDefault}}, so {{consequence}}. Set {{providerKey}} to your identity provider and ' +
      '{{clientTypeKey}} to confidential, or delete {{them}}.',
    ssoNeverOn:
      '{{block}} {{fillsClient}} a client id and secret, but {{providerKey}} is {{provider}}{{byDefault}} and ' +
      '{{clientTypeKey}} is {{clientType}}{{clientTypeByDefault}}: single sign-on is never switched on and login stays ' +
      '{{provider}}, so {{consequence}}. Set {{providerKey}} to your identity provider ({{renderedFor}}) and {{clientTypeKey}} ' +
      'to confidential, or delete {{them}}.',
  },
  check(ctx) {
    for (const block of BLOCKS) {
      if (block.used(ctx)) continue;
      const filled = filledLeaves(ctx, ['authentication', block.key]);
      if (filled.length === 0) continue;
      const words = wordsFor(ctx, block, filled);
      // An env file has no block: the finding goes on the first variable that fills it.
      const at = ctx.form === 'env-file' ? filled[0] : ['authentication', block.key];
      if (block.key !== OIDC_BLOCK) {
        ctx.report({ at, target: 'key', messageId: 'ignored', data: words });
        continue;
      }
      const withClient = ['clientId', 'clientSecret'].every((name) => filled.some((path) => path[2] === name));
      ctx.report({
        at,
        target: 'key',
        messageId: withClient ? 'ssoNeverOn' : 'oidcIgnored',
        severity: withClient ? 'warn' : 'info',
        data: words,
      });
    }
  },
});

/** The words of the kind of file: chart keys and what Helm renders, server keys and what the server uses, variables. */
function wordsFor(ctx: RuleContext, block: Block, filled: readonly Path[]) {
  const providerKey = ctx.keyName(['authentication', 'provider']);
  const clientTypeKey = ctx.keyName(['authentication', 'clientType']);
  const env = ctx.form === 'env-file';
  const names = env ? [...new Set(filled.map((path) => ctx.origin(path)?.env?.name).filter((name): name is string => name !== undefined))] : [];
  const byDefault = (path: Path): string => (ctx.get(path) === undefined ? ` (${ctx.defaultsName})` : '');
  const variables = env && names.length > 0;
  const plural = variables && names.length > 1;
  return {
    block: variables ? names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '') : ctx.keyName(['authentication', block.key]),
    isFilled: variables ? (plural ? 'are set' : 'is set') : 'is filled in',
    fillsClient: variables ? 'set' : 'is filled in with',
    who: ctx.form === 'values' ? 'the chart renders it' : `the server uses ${plural ? 'them' : 'it'}`,
    consequence: ctx.form === 'values' ? 'none of it reaches the server' : 'none of it takes effect',
    them: env ? 'those variables' : 'the block',
    providerKey,
    clientTypeKey,
    renderedFor: block.renderedFor,
    setProvider: env ? `${providerKey}=${block.renderedFor}` : `${providerKey}: ${block.renderedFor}`,
    provider: show(ctx.provider),
    byDefault: byDefault(['authentication', 'provider']),
    clientType: show(ctx.clientType),
    clientTypeByDefault: byDefault(['authentication', 'clientType']),
  };
}

/**
 * The config paths of the block's values that someone filled in: not empty, not the default, and
 * not a `${VAR:-default}` default of openmetadata.yaml.
 */
function filledLeaves(ctx: RuleContext, blockPath: Path): Path[] {
  const defaults = ctx.model.defaults ?? CHART_DEFAULTS;
  const filled: Path[] = [];
  const visit = (path: Path, value: Plain | undefined, depth: number): void => {
    if (depth > 16 || value === undefined || isBlank(value)) return;
    if (isPlainMap(value) && Object.keys(value).length > 0) {
      for (const [key, child] of Object.entries(value)) visit([...path, key], child, depth + 1);
      return;
    }
    if (sameValue(value, valueAt(defaults, path)) || sameValue(value, valueAt(CHART_DEFAULTS, path))) return;
    if (ctx.origin(path)?.env?.source === 'substitution-default') return;
    filled.push(path);
  };
  visit(blockPath, ctx.get(blockPath), 0);
  return filled;
}
