/**
 * The rule API seen from outside (createLinter, as every caller): rules report message ids with
 * data, and the engine fills the templates and redacts the data; a rule that supersedes another
 * replaces that rule's finding at the same key, and only while it is on.
 */
import { createLinter, type Finding, type LinterOptions } from '../src';

function lint(text: string, options: Omit<LinterOptions, 'cwd'> = {}): Finding[] {
  return createLinter(options).lintText(text, 'values.yaml')?.messages ?? [];
}

describe('supersedes', () => {
  /** Each case: a value that both the specific rule and valid-schema report, on `line`. */
  const CASES: { rule: string; what: string; line: number; text: string }[] = [
    {
      rule: 'no-plaintext-secrets',
      what: 'an OIDC client secret typed in clear',
      line: 7,
      text: `openmetadata:
  config:
    authentication:
      provider: google
      clientType: confidential
      oidcConfiguration:
        clientSecret: "Zq8-client-secret-value"
`,
    },
    {
      rule: 'no-plaintext-secrets',
      what: 'an LDAP bind password typed in clear',
      line: 6,
      text: `openmetadata:
  config:
    authentication:
      provider: ldap
      ldapConfiguration:
        dnAdminPassword: "Zq8-ldap-bind-password"
`,
    },
    {
      rule: 'no-plaintext-secrets',
      what: 'a SAML private key typed in clear',
      line: 7,
      text: `openmetadata:
  config:
    authentication:
      provider: saml
      saml:
        sp:
          spPrivateKey: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"
`,
    },
    {
      rule: 'no-legacy-layout',
      what: 'a pre-1.0 authorizer class',
      line: 5,
      text: `openmetadata:
  config:
    authorizer:
      initialAdmins: [admin]
      className: org.openmetadata.catalog.security.DefaultAuthorizer
`,
    },
    {
      rule: 'no-legacy-layout',
      what: 'a pre-1.0 request filter class',
      line: 5,
      text: `openmetadata:
  config:
    authorizer:
      initialAdmins: [admin]
      containerRequestFilter: org.openmetadata.catalog.security.JwtFilter
`,
    },
  ];

  const at = (findings: Finding[], line: number): string[] =>
    findings.filter((finding) => finding.line === line).map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`);

  describe.each(CASES.map((c) => [c.what, c] as const))('%s', (_what, { rule, line, text }) => {
    const withRule = lint(text);
    const withoutRule = lint(text, { rules: { [rule]: 'off' } });
    const specific = withRule.find((finding) => finding.ruleId === rule && finding.line === line);

    it(`gives only ${rule}'s finding`, () => {
      expect(specific).toBeDefined();
      expect(at(withRule, line)).toEqual([`${line}:${specific?.column} ${rule}`]);
      expect(withRule.filter((finding) => finding.ruleId === 'valid-schema')).toEqual([]);
    });

    it(`gives valid-schema's finding at the same key with ${rule} off`, () => {
      expect(at(withoutRule, line)).toEqual([`${line}:${specific?.column} valid-schema`]);
      // The funnel compares document paths: both rules must name the key the same way.
      const general = withoutRule.find((finding) => finding.ruleId === 'valid-schema');
      expect(general?.keyPath).toBeDefined();
      expect(general?.keyPath).toEqual(specific?.keyPath);
    });
  });

  it('keeps valid-schema findings at other keys', () => {
    const findings = lint(`openmetadata:
  config:
    authentication:
      provider: google
      enableSelfSignup: "true"
      clientType: confidential
      oidcConfiguration:
        clientSecret: "Zq8-client-secret-value"
`);
    expect(findings.filter((f) => ['valid-schema', 'no-plaintext-secrets'].includes(f.ruleId)).map((f) => `${f.line} ${f.ruleId}`)).toEqual([
      '5 valid-schema',
      '8 no-plaintext-secrets',
    ]);
  });
});
