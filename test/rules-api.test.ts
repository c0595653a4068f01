/**
 * The rule API seen from outside (createLinter, as every caller): rules report message ids with
 * data, and the engine fills the templates and redacts the data; a rule that supersedes another
 * replaces that rule's finding at the same key, and only while it is on. Each group of rules keeps
 * its part in a describe block of its own, helpers included.
 */
import * as fs from 'fs';
import { createLinter, RULES, type Finding, type LinterOptions } from '../src';
import { fixtureOptions, listRuleFixtures } from './support/fixtures';

describe('messages of the secret, principal, LDAP, SAML and key-shape rules', () => {
  const REDACTED = '«redacted»';

  function lint(text: string, options: Omit<LinterOptions, 'cwd'> = {}): Finding[] {
    return createLinter(options).lintText(text, 'values.yaml')?.messages ?? [];
  }

  /** A template as a pattern its filled-in messages match: each placeholder stands for any text. */
  function templatePattern(template: string): RegExp {
    const literal = template.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${literal.join('[\\s\\S]*')}$`);
  }

  /** The findings of `ruleId` in every one of its fixtures, linted the way the fixture test does (with its baseline). */
  function fixtureFindings(ruleId: string): Finding[] {
    return listRuleFixtures()
      .filter((fixture) => fixture.ruleId === ruleId)
      .flatMap((fixture) => {
        const result = createLinter(fixtureOptions(fixture)).lintText(fs.readFileSync(fixture.file, 'utf8'), fixture.file);
        return (result?.messages ?? []).filter((finding) => finding.ruleId === ruleId);
      });
  }

  const GROUP = [
    'default-signing-keys',
    'enforce-principal-domain',
    'env-override',
    'initial-admins',
    'jwt-principal-claims',
    'jwt-principal-claims-mapping',
    'jwt-principal-claims-order',
    'ldap-config',
    'no-dotted-keys',
    'no-duplicate-keys',
    'no-env-substitution',
    'no-placeholders',
    'no-plaintext-secrets',
    'principal-domain',
    'provider-block-ignored',
    'saml-config',
    'self-signup',
    'stored-config-precedence',
    'valid-schema',
  ];

  /** Sentences no fixture reaches, so that every template of the group is filled at least once. */
  const MORE: Record<string, { text: string; baseline?: string }[]> = {
    'enforce-principal-domain': [
      {
        text: `openmetadata:
  config:
    authentication:
      provider: google
      jwtPrincipalClaims: [preferred_username, email]
    authorizer:
      enforcePrincipalDomain: true
      principalDomain: ""
      allowedDomains: [acme.io]
`,
      },
    ],
    'jwt-principal-claims-mapping': [
      {
        text: `openmetadata:
  config:
    authentication:
      provider: google
      jwtPrincipalClaimsMapping: [":email", "username:", "mail:"]
`,
      },
    ],
    'ldap-config': [
      {
        text: `openmetadata:
  config:
    authentication:
      provider: ldap
      ldapConfiguration:
        host: ldap.acme.io
        dnAdminPrincipal: cn=admin,dc=acme,dc=io
        authRolesMapping: '["DataSteward"]'
`,
      },
    ],
    'no-env-substitution': [
      {
        text: `openmetadata:
  config:
    authentication:
      authority: \${OIDC_AUTHORITY:-}
`,
      },
    ],
    'no-plaintext-secrets': [
      {
        text: `openmetadata:
  config:
    fernetkey:
      value: "Zq8-our-own-fernet-key"
      secretRef: fernet
`,
      },
    ],
    'principal-domain': [
      {
        text: `openmetadata:
  config:
    authorizer:
      principalDomain: "acme_io"
`,
      },
    ],
    'provider-block-ignored': [
      {
        // An OIDC block without a client, provider and clientType at the chart defaults.
        text: `openmetadata:
  config:
    authentication:
      oidcConfiguration:
        scope: "openid email"
`,
      },
    ],
    'stored-config-precedence': [
      {
        baseline: `openmetadata:
  config:
    authentication:
      provider: google
      enableSelfSignup: false
    authorizer:
      initialAdmins: [jane]
      principalDomain: acme.io
      allowedDomains: [acme.io]
      enforcePrincipalDomain: true
      allowedEmailRegistrationDomains: [acme.io]
`,
        text: `openmetadata:
  config:
    authentication:
      provider: okta
      enableSelfSignup: true
    authorizer:
      initialAdmins: [raj]
      principalDomain: acme.dev
      allowedDomains: [acme.dev]
      enforcePrincipalDomain: false
      allowedEmailRegistrationDomains: [acme.dev]
`,
      },
    ],
  };

  /** Templates no configuration reaches today: valid-schema's fallback for schema keywords the chart schema does not use. */
  const UNREACHABLE = ['valid-schema.noMatch'];

  describe.each(GROUP)('%s', (ruleId) => {
    const rule = RULES.find((candidate) => candidate.id === ruleId);
    const more = (MORE[ruleId] ?? []).flatMap(({ text, baseline }) =>
      lint(text, baseline ? { baseline: { filePath: 'baseline.yaml', text: baseline } } : {}).filter((finding) => finding.ruleId === ruleId),
    );
    const messages = [...fixtureFindings(ruleId), ...more].map((finding) => finding.message);

    it('declares its sentences in messages', () => {
      expect(Object.keys(rule?.messages ?? {}).length).toBeGreaterThan(0);
    });

    it('fills every placeholder in every report', () => {
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.filter((message) => message.includes('{{'))).toEqual([]);
    });

    it('has every message of its templates reached and filled', () => {
      const unreached = Object.entries(rule?.messages ?? {})
        .filter(([id, template]) => !UNREACHABLE.includes(`${ruleId}.${id}`) && !messages.some((message) => templatePattern(template).test(message)))
        .map(([id]) => id);
      expect(unreached).toEqual([]);
    });
  });

  /**
   * A secret (an LDAP password, a SAML key, a clientSecret…) written where the rule shows a value,
   * or as the value it reports: it never reaches any message. `shown`: the rule's message shows
   * the place, so it must say «redacted» there.
   */
  const SECRETS: { rule: string; what: string; secret: string; shown: boolean; text: string; baseline?: string }[] = [
    {
      rule: 'default-signing-keys',
      what: "the demo keyId written out (it looks like a generated secret)",
      secret: 'Gb389a-9f76-gdjs-a92j-0242bk94356',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: google
    jwtTokenConfiguration:
      rsapublicKeyFilePath: /keys/public.der
      rsaprivateKeyFilePath: /keys/private.der
      keyId: Gb389a-9f76-gdjs-a92j-0242bk94356
    fernetkey:
      secretRef: openmetadata-fernet
      secretKey: fernet-key
`,
    },
    {
      rule: 'enforce-principal-domain',
      what: 'a principalDomain that is also the clientSecret',
      secret: 'zq8-client-secret.io',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: google
      oidcConfiguration:
        clientSecret: zq8-client-secret.io
    authorizer:
      enforcePrincipalDomain: true
      principalDomain: zq8-client-secret.io
      allowedDomains: [acme.io]
`,
    },
    {
      rule: 'env-override',
      what: 'an envFrom Secret named like the client secret',
      secret: 'oidc-zq8-client-secret',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: google
extraEnvs:
  - name: OIDC_CLIENT_SECRET
    value: oidc-zq8-client-secret
envFrom:
  - secretRef:
      name: oidc-zq8-client-secret
`,
    },
    {
      rule: 'initial-admins',
      what: 'the password of a name:password entry',
      secret: 'Zq8-admin-password',
      shown: false,
      text: `openmetadata:
  config:
    authentication:
      provider: google
    authorizer:
      initialAdmins: ["jane:Zq8-admin-password"]
`,
    },
    {
      rule: 'initial-admins',
      what: 'an email entry that is also the LDAP password',
      secret: 'zq8.ldap.password@acme.io',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: ldap
      ldapConfiguration:
        dnAdminPassword: zq8.ldap.password@acme.io
    authorizer:
      principalDomain: acme.dev
      initialAdmins: ["zq8.ldap.password@acme.io"]
`,
    },
    {
      rule: 'jwt-principal-claims',
      what: 'a repeated claim that is also the clientSecret',
      secret: 'zq8-client-secret',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: google
      oidcConfiguration:
        clientSecret: zq8-client-secret
      jwtPrincipalClaims: [email, zq8-client-secret, zq8-client-secret]
`,
    },
    {
      rule: 'jwt-principal-claims-mapping',
      what: 'a mapping entry that holds the clientSecret',
      secret: 'zq8-client-secret',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: google
      oidcConfiguration:
        clientSecret: zq8-client-secret
      jwtPrincipalClaimsMapping: ["username:zq8-client-secret:x", "email:email"]
`,
    },
    {
      rule: 'jwt-principal-claims-order',
      what: "a claim of the baseline's list that is also its clientSecret",
      secret: 'zq8-client-secret',
      shown: true,
      baseline: `openmetadata:
  config:
    authentication:
      provider: google
      oidcConfiguration:
        clientSecret: zq8-client-secret
      jwtPrincipalClaims: [zq8-client-secret, email]
`,
      text: `openmetadata:
  config:
    authentication:
      provider: google
      jwtPrincipalClaims: [email, zq8-client-secret]
`,
    },
    {
      rule: 'ldap-config',
      what: 'an LDAP host and group DN that hold the bind password',
      secret: 'zq8-ldap-bind-password',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: ldap
      ldapConfiguration:
        host: ldaps://zq8-ldap-bind-password:636
        dnAdminPassword: zq8-ldap-bind-password
        authRolesMapping: '{"zq8-ldap-bind-password": "Admin"}'
`,
    },
    {
      rule: 'no-dotted-keys',
      what: 'a dotted clientSecret key',
      secret: 'Zq8-dotted-client-secret',
      shown: false,
      text: `openmetadata:
  config:
    authentication:
      oidcConfiguration.clientSecret: Zq8-dotted-client-secret
`,
    },
    {
      rule: 'no-duplicate-keys',
      what: 'a clientSecret written twice',
      secret: 'Zq8-first-client-secret',
      shown: false,
      text: `openmetadata:
  config:
    authentication:
      oidcConfiguration:
        clientSecret: Zq8-first-client-secret
        clientSecret: Zq8-second-client-secret
`,
    },
    {
      rule: 'no-env-substitution',
      what: 'the default of a clientSecret substitution',
      secret: 'Zq8-default-client-secret',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      oidcConfiguration:
        clientSecret: \${OIDC_CLIENT_SECRET:-Zq8-default-client-secret}
`,
    },
    {
      rule: 'no-placeholders',
      what: 'a clientSecret holding a placeholder',
      secret: 'Zq8-<your-secret>-tail',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      oidcConfiguration:
        clientSecret: Zq8-<your-secret>-tail
`,
    },
    {
      rule: 'no-placeholders',
      what: 'a clientSecret naming a documentation host, which is part of it',
      secret: 'zq8clientsecret.example.com',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      oidcConfiguration:
        clientSecret: https://zq8clientsecret.example.com/x
`,
    },
    {
      rule: 'no-plaintext-secrets',
      what: 'a clientSecret, an LDAP password, a SAML key, a keystore password and an extraEnvs secret',
      secret: 'Zq8-typed-in-clear',
      shown: false,
      text: `openmetadata:
  config:
    authentication:
      provider: saml
      oidcConfiguration:
        clientSecret: Zq8-typed-in-clear
      ldapConfiguration:
        dnAdminPassword: Zq8-typed-in-clear
      saml:
        sp:
          spPrivateKey: Zq8-typed-in-clear
        security:
          keyStorePassword: Zq8-typed-in-clear
extraEnvs:
  - name: AUTHENTICATION_LOOKUP_ADMIN_PWD
    value: Zq8-typed-in-clear
`,
    },
    {
      rule: 'principal-domain',
      what: 'a principalDomain URL that is also the clientSecret',
      secret: 'https://zq8-client-secret.io',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: google
      oidcConfiguration:
        clientSecret: https://zq8-client-secret.io
    authorizer:
      principalDomain: https://zq8-client-secret.io
`,
    },
    {
      rule: 'provider-block-ignored',
      what: 'a provider that is also the clientSecret',
      secret: 'zq8-client-secret',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: zq8-client-secret
      oidcConfiguration:
        clientSecret: zq8-client-secret
      saml:
        debugMode: true
`,
    },
    {
      rule: 'saml-config',
      what: 'SAML URLs that hold the SP private key',
      secret: 'zq8-saml-private-key',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: saml
      saml:
        idp:
          ssoLoginUrl: zq8-saml-private-key
        sp:
          acs: https://om.acme.io/zq8-saml-private-key
          spPrivateKey: zq8-saml-private-key
`,
    },
    {
      rule: 'self-signup',
      what: 'an allowed registration domain that is also the clientSecret',
      secret: 'zq8-client-secret.io',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: google
      enableSelfSignup: true
      oidcConfiguration:
        clientSecret: zq8-client-secret.io
    authorizer:
      allowedEmailRegistrationDomains: [all, zq8-client-secret.io]
`,
    },
    {
      rule: 'stored-config-precedence',
      what: 'an LDAP password changed since the baseline',
      secret: 'Zq8-old-ldap-password',
      shown: false,
      baseline: `openmetadata:
  config:
    authentication:
      provider: ldap
      ldapConfiguration:
        dnAdminPassword: Zq8-old-ldap-password
`,
      text: `openmetadata:
  config:
    authentication:
      provider: ldap
      ldapConfiguration:
        dnAdminPassword: Zq8-new-ldap-password
`,
    },
    {
      rule: 'valid-schema',
      what: 'a provider that is also the clientSecret',
      secret: 'zq8-client-secret',
      shown: true,
      text: `openmetadata:
  config:
    authentication:
      provider: zq8-client-secret
      oidcConfiguration:
        clientSecret: zq8-client-secret
`,
    },
  ];

  describe.each(SECRETS.map((c) => [`${c.rule}: ${c.what}`, c] as const))('%s', (_name, { rule, secret, shown, text, baseline }) => {
    const findings = lint(text, baseline ? { baseline: { filePath: 'baseline.yaml', text: baseline } } : {});
    const own = findings.filter((finding) => finding.ruleId === rule);

    it('is reported by the rule', () => {
      expect(own.length).toBeGreaterThan(0);
    });

    it('never shows the secret in any message', () => {
      expect(findings.filter((finding) => finding.message.includes(secret)).map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
    });

    if (shown) {
      it(`says ${REDACTED} where the rule shows the value`, () => {
        expect(own.some((finding) => finding.message.includes(REDACTED))).toBe(true);
      });
    }
  });

  it('covers every rule of the group with a secret', () => {
    expect(GROUP.filter((ruleId) => !SECRETS.some((c) => c.rule === ruleId))).toEqual([]);
  });
});

describe('supersedes', () => {
  function lint(text: string, options: Omit<LinterOptions, 'cwd'> = {}): Finding[] {
    return createLinter(options).lintText(text, 'values.yaml')?.messages ?? [];
  }

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

  it("replaces provider-block-ignored's info with saml-config's error when the provider is never set (OpenMetadata #19162)", () => {
    const text = `openmetadata:
  config:
    authentication:
      saml:
        idp:
          entityId: "https://sts.windows.net/6f1c2b7e-3d4a-4e8b-9c0d-2a1b3c4d5e6f/"
`;
    const shown = (findings: Finding[]): string[] =>
      findings.filter((f) => ['saml-config', 'provider-block-ignored'].includes(f.ruleId) && f.line === 4).map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`);
    expect(shown(lint(text))).toEqual(['4:7 saml-config error']);
    expect(shown(lint(text, { rules: { 'saml-config': 'off' } }))).toEqual(['4:7 provider-block-ignored info']);
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

describe('default-signing-keys: one warning per deployment', () => {
  const BASE = `openmetadata:
  config:
    authentication:
      provider: okta
    jwtTokenConfiguration:
      rsapublicKeyFilePath: "./conf/public_key.der"
      rsaprivateKeyFilePath: "./conf/private_key.der"
`;
  const PROD = `openmetadata:
  config:
    jwtTokenConfiguration:
      keyId: "Gb389a-9f76-gdjs-a92j-0242bk94356"
    fernetkey:
      value: "jJ/9sz0g0OHxsfxOoSfdFdmk3ysNmPRnH3TUAbz3IHA="
`;
  const findings = (result: { messages: Finding[] } | undefined): string[] =>
    (result?.messages ?? [])
      .filter((finding) => finding.ruleId === 'default-signing-keys')
      .map((finding) => `${(finding.filePath ?? '').split(/[\\/]/).pop()}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.severity}`);

  it('gives one -f set one warning, on the Fernet key of the file that wrote it', () => {
    const result = createLinter({}).lintValues([
      { filePath: 'values.yaml', text: BASE },
      { filePath: 'values-prod.yaml', text: PROD },
    ]);
    expect(findings(result)).toEqual(['values-prod.yaml:6:14 default-signing-keys warn']);
  });

  it('gives each file linted alone its own warning', () => {
    expect(findings(createLinter({}).lintText(BASE, 'values.yaml'))).toEqual(['values.yaml:6:29 default-signing-keys warn']);
    expect(findings(createLinter({}).lintText(PROD, 'values-prod.yaml'))).toEqual(['values-prod.yaml:6:14 default-signing-keys warn']);
  });
});

describe('the settings rules on correct files', () => {
  const SETTINGS_RULES = [
    'auth-disabled', 'default-signing-keys', 'enforce-principal-domain', 'env-override', 'initial-admins', 'jwt-principal-claims',
    'jwt-principal-claims-mapping', 'jwt-principal-claims-order', 'ldap-config', 'no-dotted-keys', 'no-duplicate-keys',
    'no-env-substitution', 'no-legacy-layout', 'no-placeholders', 'no-plaintext-secrets', 'no-unknown-keys', 'principal-domain',
    'saml-config', 'self-signup', 'stored-config-precedence', 'valid-schema',
  ];
  const dir = `${__dirname}/../fixtures/examples`;
  const examples = fs.readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();

  // A file that sets its own signing keys and Fernet key, names its admins and domain: nothing to say, not even advice.
  it.each(examples)('%s gets no finding of theirs, not even info', (name) => {
    const findings = createLinter({}).lintText(fs.readFileSync(`${dir}/${name}`, 'utf8'), name)?.messages ?? [];
    expect(findings.filter((f) => SETTINGS_RULES.includes(f.ruleId)).map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}`)).toEqual([]);
  });
});

describe('env-override on a variable OpenMetadata no longer reads', () => {
  it('says to remove AUTHORIZER_INGESTION_PRINCIPALS, never to rename it to the admin list it resembles', () => {
    const text = fs.readFileSync(`${__dirname}/../fixtures/env-override/invalid/removed-name.yaml`, 'utf8');
    const findings = (createLinter({}).lintText(text, 'values.yaml')?.messages ?? []).filter((f) => f.ruleId === 'env-override');
    expect(findings.map((f) => `${f.line}:${f.column} ${f.severity}`)).toEqual(['9:11 warn']);
    expect(findings[0].message).toMatch(/^AUTHORIZER_INGESTION_PRINCIPALS is no longer read by OpenMetadata .* remove it\./);
    expect(findings[0].message).not.toMatch(/Did you mean/);
  });
});
