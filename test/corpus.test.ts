/**
 * OpenMetadata's own documentation examples (test/corpus/docs, defects listed in its INDEX.md)
 * as real-world input nobody on this team wrote. Every file must lint without throwing; for the
 * Helm values files, each defect INDEX.md notes that a YAML, structure or authentication rule covers
 * must be found on its line. The pairs below were checked by reading each file against INDEX.md.
 * For the rules in EXACT_RULES, which this table covers completely, the findings must be exactly these:
 * any other finding of those rules on this corpus would be a false alarm.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from './support/lint';
import type { LintResult } from '../src/types';
import { CORPUS } from './support/corpus';


type Expected = [ruleId: string, line: number];

/** Rules whose every finding on the Helm values files of the corpus is listed below. */
const EXACT_RULES = [
  'callback-url',
  'client-type-oidc',
  'discovery-uri',
  'jwt-principal-claims',
  'jwt-principal-claims-mapping',
  'jwt-principal-claims-order',
  'public-keys-urls',
  'public-url-consistency',
];

const each = (ruleId: string, lines: number[]): Expected[] => lines.map((line) => [ruleId, line]);

/** SAML pages: every value is server-YAML `${VAR:-default}` text, idp/sp/security sit straight under config. */
const SAML_ENV_LINES = [6, 7, 8, 9, 10, 13, 14, 15, 16, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30];

const HELM_VALUES: Record<string, Expected[]> = {
  // {your domain} JWKS without scheme, {Cognito Domain}/{User Pool ID} JWKS and authority, {Client ID}.
  'v1.10.x-SNAPSHOT/amazon-cognito-sso-1.yaml': [...each('no-placeholders', [16, 17]), ...each('public-keys-urls', [14, 15])],
  // Unterminated quote on line 21 (PyYAML reports 22); nothing else can be checked in a file that does not parse.
  'v1.10.x-SNAPSHOT/auth0-authcode.yaml': [['yaml-syntax', 21]],
  'v1.10.x-SNAPSHOT/auth0-implicit.yaml': [...each('no-placeholders', [22, 23]), ...each('public-keys-urls', [20, 21])],
  // The acceptance example: dotted key on line 27, confidential client whose OIDC block the chart drops,
  // tenant-less discovery URI, {your domain} JWKS, {Tenant ID} and {Client ID}.
  'v1.10.x-SNAPSHOT/azure-authcode.yaml': [
    ...each('no-placeholders', [22, 23]),
    ['public-keys-urls', 20],
    ['client-type-oidc', 25],
    ['no-dotted-keys', 27],
    ['discovery-uri', 34],
  ],
  'v1.10.x-SNAPSHOT/azure-implicit.yaml': [...each('no-placeholders', [22, 23]), ['public-keys-urls', 20]],
  // Root "config:" without "openmetadata:", server key adminPrincipals, yourdomain.com.
  'v1.10.x-SNAPSHOT/basic-auth-2.yaml': [['no-legacy-layout', 3], ['no-unknown-keys', 5], ['no-placeholders', 6]],
  // "global:" layout in the current docs; {your domain} JWKS; {Client ID}.
  'v1.10.x-SNAPSHOT/custom-oidc-1.yaml': [['no-legacy-layout', 3], ['no-placeholders', 17], ['public-keys-urls', 14]],
  'v1.10.x-SNAPSHOT/google-1.yaml': [['no-placeholders', 18], ['public-keys-urls', 16]],
  // discoveryUri:"..." with no space after the colon, line 34 (PyYAML reports 35).
  'v1.10.x-SNAPSHOT/keycloak-authcode.yaml': [['yaml-syntax', 34]],
  'v1.10.x-SNAPSHOT/keycloak-implicit.yaml': [...each('no-placeholders', [22, 23]), ...each('public-keys-urls', [20, 21])],
  'v1.10.x-SNAPSHOT/ldap-1.yaml': [['no-placeholders', 13], ['public-keys-urls', 12]],
  // "..." ellipsis lines: the first is line 5 (PyYAML reports the next line).
  'v1.10.x-SNAPSHOT/ldap-2.yaml': [['yaml-syntax', 5]],
  'v1.10.x-SNAPSHOT/ldap-3.yaml': [['yaml-syntax', 5]],
  'v1.10.x-SNAPSHOT/ldap-4.yaml': [['yaml-syntax', 5]],
  'v1.10.x-SNAPSHOT/ldap-5.yaml': [['yaml-syntax', 5]],
  // Confidential without enabled; http:// before {ISSUER_URL} in the discovery URI; placeholders.
  'v1.10.x-SNAPSHOT/okta-authcode.yaml': [
    ...each('no-placeholders', [22, 23, 33]),
    ...each('public-keys-urls', [20, 21]),
    ['client-type-oidc', 25],
    ['discovery-uri', 33],
  ],
  'v1.10.x-SNAPSHOT/okta-implicit.yaml': [...each('no-placeholders', [22, 23]), ...each('public-keys-urls', [20, 21])],
  'v1.10.x-SNAPSHOT/one-login-1.yaml': [...each('no-placeholders', [17, 18]), ...each('public-keys-urls', [15, 16])],
  'v1.10.x-SNAPSHOT/saml-1.yaml': [...each('no-unknown-keys', [5, 12, 18]), ...each('no-env-substitution', SAML_ENV_LINES)],
  'v1.12.x-SNAPSHOT/configuration-1.yaml': [['no-legacy-layout', 3], ['no-placeholders', 17], ['public-keys-urls', 14]],
  'v1.3.x/amazon-cognito-sso-1.yaml': [...each('no-placeholders', [16, 17]), ...each('public-keys-urls', [14, 15])],
  // Legacy /api/v1/config/jwks path behind a placeholder host.
  'v1.3.x/auth0-1.yaml': [['no-legacy-layout', 14], ['no-placeholders', 17], ...each('public-keys-urls', [14, 15])],
  'v1.3.x/azure-1.yaml': [['no-legacy-layout', 15], ...each('no-placeholders', [17, 18]), ['public-keys-urls', 15]],
  'v1.3.x/custom-oidc-1.yaml': [...each('no-legacy-layout', [3, 14]), ['no-placeholders', 17], ['public-keys-urls', 14]],
  'v1.3.x/google-1.yaml': [['no-legacy-layout', 16], ['no-placeholders', 18], ['public-keys-urls', 16]],
  'v1.3.x/keycloak-1.yaml': [['no-legacy-layout', 14], ['no-placeholders', 17], ['public-keys-urls', 14]],
  'v1.3.x/okta-1.yaml': [['no-legacy-layout', 15], ...each('no-placeholders', [17, 18]), ...each('public-keys-urls', [15, 16])],
  'v1.3.x/one-login-1.yaml': [['no-legacy-layout', 15], ...each('no-placeholders', [17, 18]), ...each('public-keys-urls', [15, 16])],
  // https://{your domain} for the JWKS and the callback.
  'v1.5.x/azure-1.yaml': [...each('no-placeholders', [17, 18, 19]), ['public-keys-urls', 15]],
  'v1.5.x/keycloak-1.yaml': [...each('no-placeholders', [17, 18]), ['public-keys-urls', 14]],
  // The fence is never closed: the page's prose list from line 37 on does not parse.
  'v1.5.x/ldap-1.yaml': [['yaml-syntax', 37]],
  'v1.5.x/saml-1.yaml': [
    ...each('no-unknown-keys', [5, 12, 18]),
    ...each('no-env-substitution', SAML_ENV_LINES),
    ...each('no-placeholders', [9, 13, 14, 16]),
  ],
  // Nested enabled and tenant are right here; the tenant is still "{Tenant ID}" and the discovery URI tenant-less.
  'v1.8.x/azure-authcode.yaml': [...each('no-placeholders', [22, 23, 28]), ['public-keys-urls', 20], ['discovery-uri', 36]],
};

function corpusFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return corpusFiles(full);
    return /\.(ya?ml|env)$/.test(entry.name) ? [full] : [];
  });
}

const files = corpusFiles(CORPUS).sort();
const relative = (file: string): string => path.relative(CORPUS, file).split(path.sep).join('/');
const isHelmValues = (file: string): boolean => /\.ya?ml$/.test(file) && !relative(file).includes('/server/');

it('finds the corpus', () => {
  expect(files.length).toBeGreaterThanOrEqual(60);
});

it('has an expectation for every Helm values file of the corpus', () => {
  expect(files.filter(isHelmValues).map(relative)).toEqual(Object.keys(HELM_VALUES).sort());
});

describe.each(files.map((file) => [relative(file), file] as const))('%s', (_name, file) => {
  let result: LintResult | undefined;
  let thrown: unknown;
  beforeAll(() => {
    try {
      result = lintText(fs.readFileSync(file, 'utf8'), file);
    } catch (error) {
      thrown = error;
    }
  });

  it('lints without throwing', () => {
    expect(thrown).toBeUndefined();
  });

  const expected = HELM_VALUES[relative(file)];
  if (!expected) return;

  it('finds each section A and B defect that INDEX.md notes', () => {
    expect(result).toBeDefined();
    const found = new Set(result?.messages.map((m) => `${m.ruleId}@${m.line}`));
    expect(expected.map(([ruleId, line]) => `${ruleId}@${line}`).filter((key) => !found.has(key))).toEqual([]);
  });

  it('gives no other finding of the fully covered section B rules', () => {
    const own = (result?.messages ?? []).filter((m) => EXACT_RULES.includes(m.ruleId)).map((m) => `${m.ruleId}@${m.line}`);
    const wanted = expected.filter(([ruleId]) => EXACT_RULES.includes(ruleId)).map(([ruleId, line]) => `${ruleId}@${line}`);
    expect([...new Set(own)].sort()).toEqual(wanted.sort());
  });
});
