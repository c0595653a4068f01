/**
 * The rule API (src/rules/support/rule.ts): a rule speaks only through the `messages` it declares.
 * Every report names one of them and fills every placeholder of its template; a value the user wrote
 * reaches the text only as show() data, which the engine redacts when it is (part of) a secret.
 */
import * as fs from 'fs';
import { createLinter } from '../src';
import { Funnel } from '../src/engine/funnel';
import { RULES } from '../src/rules';
import { Shown, type Report, type Rule } from '../src/rules/support/rule';
import type { Finding } from '../src/types';
import { fixtureOptions, listRuleFixtures } from './support/fixtures';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

function ruleById(id: string): Rule {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** Every report of the given rules, and their findings, while linting all rule fixtures. */
function reportsOverFixtures(ruleIds: readonly string[]): { reports: Map<string, Report[]>; findings: Finding[] } {
  const findings: Finding[] = [];
  const spy = jest.spyOn(Funnel.prototype, 'addReport'); // calls through, and keeps what each call got
  const reports = new Map<string, Report[]>(ruleIds.map((id) => [id, []]));
  try {
    for (const fixture of listRuleFixtures()) {
      const result = createLinter({ configFile: false, ...fixtureOptions(fixture) }).lintText(fs.readFileSync(fixture.file, 'utf8'), fixture.file);
      findings.push(...(result?.messages ?? []).filter((finding) => ruleIds.includes(finding.ruleId)));
    }
    for (const [, rule, report] of spy.mock.calls) reports.get(rule.id)?.push(report);
  } finally {
    spy.mockRestore();
  }
  return { reports, findings };
}

describe('messages of the identity-provider and URL rules', () => {
  const RULE_IDS = [
    'authority-format',
    'azure-tenant',
    'callback-url',
    'client-auth-method',
    'client-id-format',
    'client-type-oidc',
    'custom-params',
    'discovery-uri',
    'https-urls',
    'idp-jwks-public-key',
    'oidc-numeric-settings',
    'oidc-prompt',
    'oidc-scope',
    'oidc-type-matches-provider',
    'public-keys-urls',
    'public-url-consistency',
  ];
  const { reports, findings } = reportsOverFixtures(RULE_IDS);

  describe.each(RULE_IDS)('%s', (ruleId) => {
    const rule = ruleById(ruleId);
    const messages = rule.messages ?? {};
    const own = reports.get(ruleId) ?? [];

    it('declares its messages, and the fixtures make it report', () => {
      expect(Object.keys(messages).length).toBeGreaterThan(0);
      expect(own.length).toBeGreaterThan(0);
    });

    it('reports only message ids of its messages, never a message of its own', () => {
      for (const report of own) expect(Object.keys(messages)).toContain(report.messageId);
    });

    it('fills every placeholder of the template it reports, and does not quote a shown value twice', () => {
      for (const report of own) {
        const template = messages[report.messageId ?? ''] ?? '';
        const data = report.data ?? {};
        for (const name of placeholdersOf(template)) {
          expect({ messageId: report.messageId, placeholder: name, filled: Object.prototype.hasOwnProperty.call(data, name) }).toMatchObject({ filled: true });
          // show() quotes the value itself: "{{x}}" around a shown datum would print it in two pairs of quotes.
          if (data[name] instanceof Shown) expect(template).not.toContain(`"{{${name}}}"`);
        }
      }
    });

    it('leaves no placeholder of its templates in the text users see', () => {
      const names = new Set(Object.values(messages).flatMap(placeholdersOf));
      for (const finding of findings.filter((candidate) => candidate.ruleId === ruleId)) {
        for (const name of placeholdersOf(finding.message)) expect({ message: finding.message, name, left: names.has(name) }).toMatchObject({ left: false });
      }
    });
  });

  /**
   * A secret (an LDAP admin password) written again in a field each rule shows: the rule still
   * reports, and no message of any rule prints the secret, in any letter case.
   */
  const SECRET = 'Zq9-Secret-Value-7781x';
  const SECRET_URL = 'https://keys.example.com/jwks-Zq9-Secret-Value-7781x';
  const SECRET_ORIGIN = 'https://metadata.zq9-secret-7781.example.com';

  function values(authentication: Record<string, unknown>, secret: string): string {
    const withSecret = { ...authentication, ldapConfiguration: { dnAdminPassword: secret } };
    return JSON.stringify({ openmetadata: { config: { authentication: withSecret } } }, null, 2);
  }
  const confidential = (provider: string, oidc: Record<string, unknown>, rest: Record<string, unknown> = {}): Record<string, unknown> => ({
    provider,
    clientType: 'confidential',
    ...rest,
    oidcConfiguration: { enabled: true, ...oidc },
  });

  const SECRET_CASES: [ruleId: string, authentication: Record<string, unknown>, secret: string][] = [
    ['authority-format', { provider: 'okta', authority: SECRET }, SECRET],
    ['azure-tenant', confidential('azure', { tenant: SECRET }), SECRET],
    ['callback-url', { provider: 'okta', callbackUrl: SECRET }, SECRET],
    ['client-auth-method', confidential('custom-oidc', { clientAuthenticationMethod: 'private_key_jwt' }), 'private_key_jwt'],
    ['client-id-format', { provider: 'azure', clientId: SECRET }, SECRET],
    ['client-type-oidc', { provider: 'custom-oidc', clientType: 'confidential', oidcConfiguration: { enabled: SECRET } }, SECRET],
    ['custom-params', confidential('custom-oidc', { customParams: SECRET }), SECRET],
    ['discovery-uri', confidential('custom-oidc', { discoveryUri: SECRET }), SECRET],
    ['https-urls', { provider: 'okta', publicKeys: [`http://keys.example.com/${SECRET}`] }, SECRET],
    ['idp-jwks-public-key', { provider: 'google', publicKeys: [SECRET_URL] }, SECRET_URL],
    ['oidc-numeric-settings', confidential('custom-oidc', { maxClockSkew: SECRET }), SECRET],
    ['oidc-prompt', confidential('custom-oidc', { promptType: SECRET }), SECRET],
    ['oidc-scope', confidential('custom-oidc', { scope: SECRET }), SECRET],
    ['oidc-type-matches-provider', confidential('azure', { oidcType: SECRET }), SECRET],
    ['public-keys-urls', { provider: 'okta', publicKeys: [SECRET] }, SECRET],
    [
      'public-url-consistency',
      { provider: 'okta', callbackUrl: `${SECRET_ORIGIN}/callback`, publicKeys: ['https://other.example.com/api/v1/system/config/jwks'] },
      SECRET_ORIGIN,
    ],
  ];

  it('has a secret case for each rule', () => {
    expect(SECRET_CASES.map(([ruleId]) => ruleId).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(SECRET_CASES)('%s never prints a secret written in a field it shows', (ruleId, authentication, secret) => {
    const result = createLinter({ configFile: false }).lintText(values(authentication, secret), 'values.yaml');
    const messages = (result?.messages ?? []).map((finding) => finding.message);
    expect(result?.messages.some((finding) => finding.ruleId === ruleId && finding.message.includes('«redacted»'))).toBe(true);
    for (const message of messages) expect(message.toLowerCase()).not.toContain(secret.toLowerCase());
  });
});
