/**
 * Secret redaction as a property: for any generated secret under any secret-bearing key (or any
 * value that looks like a secret), in any form a rule may echo (whole, inside `${VAR:-…}`, behind
 * placeholder text, cut short, in a URL, in a PEM block), in a file that lints or one that does not
 * parse, no output format, no error message and no --debug output contains it.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../support/lint';
import { collectSecrets, redact, shownForms } from '../../src/engine/redact';
import { parseYaml } from '../../src/source/yaml';
import { loadFormatter, FORMAT_NAMES } from '../../src/formatters';
import { RULES } from '../../src/rules';
import type { LintResult } from '../../src/types';
import { assertProperty, propertyRun, propertyTimeout } from '../support/property';
import { makeTemp, removeTemp, runCli } from './cli';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SYMBOLS = "!#$%&()*+,-./:;<=>?@[]^_`|~'\"\\ ";
const UNICODE = ['é', 'ß', 'ж', '中', '文', '😀', '\u00a0', '\u200b', '\t', '\n'];
const URL_SAFE = `${LETTERS}-._~!$&'()*+,;=`;
const BASE64 = `${LETTERS}+/`;

const chars = (alphabet: string | string[]): fc.Arbitrary<string> => fc.constantFrom(...(typeof alphabet === 'string' ? [...alphabet] : alphabet));
/** A secret: 10 to 120 characters, mostly letters, with symbols, quotes, backslashes, unicode and line breaks. */
const secretArb = fc
  .string({ unit: fc.oneof({ weight: 6, arbitrary: chars(LETTERS) }, { weight: 2, arbitrary: chars(SYMBOLS) }, { weight: 1, arbitrary: chars(UNICODE) }), minLength: 10, maxLength: 120 })
  .filter((s) => s.trim().length >= 10 && /[A-Za-z0-9].*[A-Za-z0-9].*[A-Za-z0-9]/s.test(s));
const urlSecretArb = fc.string({ unit: chars(URL_SAFE), minLength: 10, maxLength: 60 }).filter((s) => /[A-Za-z0-9]{3}/.test(s));
const base64Arb = fc.string({ unit: chars(BASE64), minLength: 44, maxLength: 120 });

/** Where a secret is written: a path of keys under openmetadata.config (or the root for extraEnvs). */
const SECRET_PLACES = [
  'authentication.oidcConfiguration.clientSecret',
  'authentication.clientSecret',
  'authentication.ldapConfiguration.dnAdminPassword',
  'authentication.ldapConfiguration.truststoreConfig.customTrustManagerConfig.trustStorePassword',
  'authentication.saml.sp.spPrivateKey',
  'authentication.saml.security.keyStorePassword',
  'authentication.saml.security.keyStoreAlias',
  'fernetkey.value',
  'extraEnvs',
] as const;

type Form = 'whole' | 'env-default' | 'placeholder' | 'changeme' | 'url-password' | 'pem' | 'base64';

interface Case {
  secret: string;
  form: Form;
  place: (typeof SECRET_PLACES)[number];
  /** Also paste the value where rules echo values (provider, principalDomain). */
  echo: boolean;
  /** Append a line that makes the file fail to parse (the yaml-syntax path). */
  broken: boolean;
}

/** The value written in the file for a case's form. */
function valueOf(c: Case): string {
  switch (c.form) {
    case 'env-default': return `\${OIDC_CLIENT_SECRET:-${c.secret.replace(/[{}]/g, '')}}`;
    case 'placeholder': return `${c.secret} {Client Secret}`;
    case 'changeme': return `changeme-${c.secret}`;
    case 'url-password': return `https://svc-openmetadata:${c.secret}@idp.acme-analytics.io/oauth2/default`;
    case 'pem': return `-----BEGIN PRIVATE KEY-----\n${c.secret}\n-----END PRIVATE KEY-----\n`;
    default: return c.secret;
  }
}

/** What must never appear in any output for a case. */
function forbidden(c: Case): string[] {
  const secret = (c.form === 'env-default' ? c.secret.replace(/[{}]/g, '') : c.secret).trim();
  const folded = secret.replace(/\s+/g, ' ');
  return [...new Set([secret, folded, JSON.stringify(secret).slice(1, -1), JSON.stringify(folded).slice(1, -1)])].filter((s) => s.length >= 10);
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** A realistic values file with the case's value at its place. */
function valuesFile(c: Case): string {
  const value = yamlString(valueOf(c));
  const echoProvider = c.echo ? value : 'azure';
  const tree: Record<string, string> = {};
  tree[c.place] = value;
  const at = (place: string): string => tree[place] ?? '"placeholder-free-value"';
  const lines = [
    'openmetadata:',
    '  config:',
    '    authentication:',
    `      provider: ${echoProvider}`,
    '      publicKeys:',
    '        - https://login.microsoftonline.com/6f1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d/discovery/v2.0/keys',
    `      authority: ${c.form === 'url-password' ? value : 'https://login.microsoftonline.com/6f1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d'}`,
    `      clientId: ${c.form === 'base64' ? value : '2b7e4c1a-93f0-4d6e-8a15-c0ffee123456'}`,
    ...(c.place === 'authentication.clientSecret' ? [`      clientSecret: ${at(c.place)}`] : []),
    '      oidcConfiguration:',
    '        enabled: "yes"',
    `        clientSecret: ${c.place === 'authentication.oidcConfiguration.clientSecret' ? at(c.place) : '{secretRef: oidc, secretKey: client-secret}'}`,
    '      ldapConfiguration:',
    `        dnAdminPassword: ${c.place === 'authentication.ldapConfiguration.dnAdminPassword' ? at(c.place) : '{secretRef: ldap, secretKey: password}'}`,
    '        truststoreConfig:',
    '          customTrustManagerConfig:',
    `            trustStorePassword: ${c.place.endsWith('trustStorePassword') ? at(c.place) : '"x"'}`,
    '      saml:',
    '        sp:',
    `          spPrivateKey: ${c.place.endsWith('spPrivateKey') ? at(c.place) : '"x"'}`,
    '        security:',
    `          keyStorePassword: ${c.place.endsWith('keyStorePassword') ? at(c.place) : '"x"'}`,
    `          keyStoreAlias: ${c.place.endsWith('keyStoreAlias') ? at(c.place) : '"x"'}`,
    '    authorizer:',
    `      principalDomain: ${c.echo ? value : 'acme-analytics.io'}`,
    '      initialAdmins: [admin]',
    '    fernetkey:',
    `      value: ${c.place === 'fernetkey.value' ? at(c.place) : '"x"'}`,
    'extraEnvs:',
    '  - name: AUTHENTICATION_CLIENT_SECRET',
    `    value: ${c.place === 'extraEnvs' ? at(c.place) : '"x"'}`,
  ];
  if (c.broken) lines.push('  broken: "unterminated', `    after: ${value}`);
  return `${lines.join('\n')}\n`;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    form: fc.constantFrom<Form>('whole', 'whole', 'env-default', 'placeholder', 'changeme', 'url-password', 'pem', 'base64'),
    place: fc.constantFrom(...SECRET_PLACES),
    echo: fc.boolean(),
    broken: fc.boolean(),
    secret: secretArb,
    urlSecret: urlSecretArb,
    base64: base64Arb,
  })
  .map(({ urlSecret, base64, ...c }) => ({
    ...c,
    secret: c.form === 'url-password' ? urlSecret : c.form === 'base64' ? base64 : c.secret,
  }));

/** Every output the formatters produce for `results`. */
function formatted(results: LintResult[]): string[] {
  return FORMAT_NAMES.flatMap((name) => [true, false].map((color) => loadFormatter(name)!(results, { cwd: '/', color, rules: RULES })));
}

function expectHidden(outputs: string[], c: Case): void {
  for (const output of outputs) {
    for (const secret of forbidden(c)) {
      if (output.includes(secret)) throw new Error(`secret ${JSON.stringify(secret)} (${c.form} at ${c.place}) leaked into: ${output.slice(0, 500)}`);
    }
  }
}

const property = propertyRun('redaction', 300, 0.2);

it('no formatter output contains a secret, whatever the rule, form or place', () => {
  let echoed = 0;
  assertProperty('redaction', fc.property(caseArb, (c) => {
    const result = lintText(valuesFile(c), '/repo/values.yaml');
    expect(result).toBeDefined();
    if (result!.messages.some((m) => m.message.includes('«redacted»'))) echoed++;
    expectHidden(formatted([result!]), c);
  }), property);
  // The property is only worth something if rules do try to show the values.
  expect(echoed).toBeGreaterThan(0);
}, propertyTimeout(property.numRuns, 20));

describe('through the CLI, with --debug, in every format', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTemp();
  });
  afterAll(() => removeTemp(dir));

  const samples = fc.sample(caseArb, { numRuns: 8, seed: property.seed });
  it.each(samples.map((c, i) => [i, c] as const))('case %i: stdout and stderr hold no secret', (i, c) => {
    const file = path.join(dir, `values-${i}.yaml`);
    fs.writeFileSync(file, valuesFile(c));
    for (const format of FORMAT_NAMES) {
      const run = runCli(['--debug', '--format', format, file]);
      expect([0, 1]).toContain(run.status);
      expectHidden([run.stdout, run.stderr], c);
    }
  });
});

describe('redaction of the forms rules use', () => {
  const secret = 'Zq8-vR2_kP5xW9mT3nB7cY1dF4gH6jL0sA2eU8iO5pQ7rS9tV1wX3yZ5aB7cD9eF1gH3jK5';
  const lint = (value: string, key = 'clientSecret'): string[] =>
    lintText(`openmetadata:\n  config:\n    authentication:\n      provider: ${JSON.stringify(value)}\n      oidcConfiguration:\n        ${key}: ${JSON.stringify(value)}\n`, 'values.yaml')!.messages.map((m) => m.message);

  it('a value cut short by show() is redacted', () => {
    const messages = lint(`${secret}${secret}`);
    expect(messages.join('\n')).not.toContain(secret.slice(0, 20));
    expect(messages.join('\n')).toContain('«redacted»');
  });

  it('the default of ${VAR:-default} is redacted on its own', () => {
    const messages = lint(`\${OIDC_CLIENT_SECRET:-${secret}}`);
    expect(messages.join('\n')).not.toContain(secret);
  });

  it('text a secret merely shares with a message is not redacted (no over-redaction)', () => {
    // The chart's default database password shares "openmetadata" with the JWKS URL the message suggests.
    const text = 'openmetadata:\n  config:\n    authentication:\n      provider: google\n      publicKeys: [https://www.googleapis.com/oauth2/v3/certs]\n' +
      '      ldapConfiguration:\n        dnAdminPassword: openmetadata_password\n';
    const messages = lintText(text, 'values.yaml')!.messages.map((m) => m.message).join('\n');
    expect(messages).toContain('http://openmetadata:8585/api/v1/system/config/jwks');
    expect(messages).not.toContain('«redacted»');
  });

  it('values that name a Secret or configure the secrets manager are not secrets; secrets below them still are', () => {
    // "openmetadata" is a usual secretsManager prefix and Secret name; taken for a secret, it was
    // redacted inside every message naming a path or URL.
    const text = 'openmetadata:\n  config:\n    secretsManager:\n      provider: managed-aws\n      prefix: openmetadata\n' +
      '      additionalParameters:\n        region: eu-west-1\n        secretAccessKey: QxAwsSecretAccessKey1\n' +
      '    authentication:\n      provider: google\n      publicKeys: [https://www.googleapis.com/oauth2/v3/certs]\n' +
      '  existingSecret: openmetadata\n' +
      'extraVolumes:\n  - name: keys\n    secret:\n      secretName: openmetadata\n' +
      'extraEnvs:\n  - name: SECRET_MANAGER_PREFIX\n    value: openmetadata\n';
    const messages = lintText(text, 'values.yaml')!.messages.map((m) => m.message).join('\n');
    expect(messages).toContain('http://openmetadata:8585/api/v1/system/config/jwks');
    expect(messages).not.toContain('«redacted»');
    const document = parseYaml(text, 'values.yaml').documents[0].plain();
    expect([...collectSecrets(document)]).toEqual(['QxAwsSecretAccessKey1']);
  });
});

describe('the two ways a message is searched for secrets', () => {
  // Up to 64 forms of secrets, redact() looks for each with indexOf; above, it scans the message
  // character by character. Secrets that cannot occur in the message push a set over that line:
  // the result must not change.
  const unrelated = Array.from({ length: 80 }, (_, i) => `~~unrelated~~${i}~~`);
  const messageArb = fc.tuple(fc.array(secretArb, { minLength: 1, maxLength: 3 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 4 }))
    .chain(([secrets, noise]) => fc.record({
      secrets: fc.constant(secrets),
      // The message quotes secrets whole, cut short, folded or JSON-escaped, between noise.
      message: fc.shuffledSubarray([...noise, ...secrets.flatMap((secret) => shownForms(secret)), ...secrets.map((secret) => secret.slice(0, 20))])
        .map((parts) => parts.join(' ')),
    }));

  it('indexOf for a few secrets and the full scan for many redact alike', () => {
    const run = propertyRun('redaction search paths', 300);
    assertProperty('redaction search paths', fc.property(messageArb, ({ secrets, message }) => {
      const few = redact(message, new Set(secrets));
      const many = redact(message, new Set([...secrets, ...unrelated]));
      expect(few).toBe(many);
      for (const secret of secrets) expect(few).not.toContain(secret);
    }), run);
  });
});

describe('forms remembered by secret', () => {
  it('remembers a copy of the secret that equals it, lone surrogates included', () => {
    const { detached } = require('../../src/rules/support/helpers') as typeof import('../../src/rules/support/helpers');
    const text = `values: "${'x'.repeat(40)}\ud800-secret-\udfff"`;
    const secret = text.slice(9, -1);
    expect(detached(secret)).toBe(secret);
    const message = `clientSecret ${secret} is in plain text`;
    // Twice, with fresh sets: the second answer comes from what was remembered of the first.
    expect(redact(message, new Set([secret]))).toBe('clientSecret «redacted» is in plain text');
    expect(redact(message, new Set([secret]))).toBe('clientSecret «redacted» is in plain text');
  });

  it('fresh sets with the same secrets redact alike; secrets that only join alike stay apart', () => {
    const message = 'client secret "abcd\u0000efgh" and "abcd" and "efgh"';
    const whole = redact(message, new Set(['abcd\u0000efgh']));
    const parts = redact(message, new Set(['abcd', 'efgh']));
    expect(whole).toBe('client secret "«redacted»" and "abcd" and "efgh"');
    expect(parts).toBe('client secret "«redacted»\u0000«redacted»" and "«redacted»" and "«redacted»"');
    // Fresh sets (as every file brings) with the same content: the same answers again.
    expect(redact(message, new Set(['abcd\u0000efgh']))).toBe(whole);
    expect(redact(message, new Set(['abcd', 'efgh']))).toBe(parts);
  });
});

describe('a rule that crashes with a secret in its error', () => {
  it('prints a one-line internal error (and with --debug a stack) without the secret; the file\'s other findings and other files are still reported', () => {
    const secret = 'crash-secret-4f9a8b7c6d5e4f3a2b1c';
    const stderr: string[] = [];
    const stdout: string[] = [];
    const dir = makeTemp();
    try {
      fs.writeFileSync(path.join(dir, 'values-a.yaml'), `openmetadata:\n  config:\n    authentication:\n      provider: google\n      oidcConfiguration:\n        clientSecret: ${secret}\n`);
      fs.writeFileSync(path.join(dir, 'values-b.yaml'), 'openmetadata:\n  config:\n    authentication:\n      provider: google\n      publicKeys: []\n');
      let status = -1;
      jest.isolateModules(() => {
        jest.doMock('../../src/rules', () => {
          const actual = jest.requireActual('../../src/rules');
          const real = actual.RULES.find((r: { id: string }) => r.id === 'jwks-public-key');
          const crashing = {
            ...real,
            check(ctx: { get: (path: string[]) => unknown; model: { filePath: string } }) {
              if (ctx.model.filePath.endsWith('values-a.yaml')) {
                throw new TypeError(`cannot read ${String(ctx.get(['authentication', 'oidcConfiguration', 'clientSecret']))}`);
              }
              real.check(ctx);
            },
          };
          return { RULES: actual.RULES.map((r: { id: string }) => (r.id === 'jwks-public-key' ? crashing : r)) };
        });
        const { run } = require('../../src/cli/main') as typeof import('../../src/cli/main');
        status = run(['--debug', '--format', 'json', dir], {
          stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t), cwd: dir, env: {}, isTTY: false,
        });
      });
      expect(status).toBe(2);
      const err = stderr.join('');
      expect(err).toMatch(/^omlint: internal error on .*values-a\.yaml: rule jwks-public-key failed on .*values-a\.yaml: cannot read «redacted»$/m);
      expect(err).toMatch(/^\s+at /m); // --debug: the stack is there...
      expect(err).not.toContain(secret); // ...without the secret
      expect(err.split('\n').filter((line) => line.startsWith('omlint:'))).toHaveLength(1);
      const results = JSON.parse(stdout.join('')) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
      expect(results.map((r) => path.basename(r.filePath))).toEqual(['values-a.yaml', 'values-b.yaml']);
      // values-a: every finding but the crashed rule's (the clear-text secret on line 6, redacted in stdout).
      const a = results[0].messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
      expect(a).toContain('6:23 no-plaintext-secrets');
      expect(a.filter((m) => m.endsWith(' jwks-public-key'))).toEqual([]);
      expect(stdout.join('')).not.toContain(secret);
      expect(results[1].messages.map((m) => m.ruleId)).toContain('jwks-public-key');
    } finally {
      removeTemp(dir);
    }
  });
});

describe('redaction at scale', () => {
  it('15 000 secrets that all start alike, each echoed by a finding: all hidden, within a 20 s child timeout (about 3 s unloaded)', () => {
    const secret = (i: number, k: number): string => `s3cr3t-value-${i}-${k}-abcdefgh`;
    // Each value sits under a secret env var and, pasted with placeholder text, in publicKeys, where
    // public-keys-urls quotes it (its finding replaces no-placeholders' there): 50 findings a
    // document, every one with a secret to hide.
    const doc = (i: number): string =>
      'openmetadata:\n  config:\n    authentication:\n      provider: google\n      publicKeys:\n' +
      Array.from({ length: 50 }, (_, k) => `        - "${secret(i, k)} {Tenant ID}"`).join('\n') +
      '\nextraEnvs:\n' + Array.from({ length: 50 }, (_, k) => `  - {name: OIDC_SECRET_${k}, value: ${secret(i, k)}}`).join('\n') + '\n';
    const dir = makeTemp();
    try {
      const file = path.join(dir, 'values.yaml');
      fs.writeFileSync(file, Array.from({ length: 300 }, (_, i) => doc(i)).join('---\n'));
      // The quadratic redactor this replaced took 30 s here; the bound is the child's timeout.
      const run = runCli(['--format', 'json', file], { timeout: 20_000 });
      expect(run.signal).toBeNull();
      const messages = JSON.parse(run.stdout)[0].messages as { ruleId: string; message: string }[];
      expect(messages.filter((m) => m.ruleId === 'input-limit')).toEqual([]);
      const echoing = messages.filter((m) => m.ruleId === 'public-keys-urls');
      expect(echoing).toHaveLength(15_000);
      expect(echoing.every((m) => m.message.startsWith('publicKeys entry "«redacted» {Tenant ID}"'))).toBe(true);
      expect(run.stdout).not.toContain('s3cr3t-value-');
    } finally {
      removeTemp(dir);
    }
  }, 60_000);
});

describe('a secret a rule rewrites before showing it', () => {
  it('an http URL that is also a secret is not shown as its https suggestion', () => {
    const secret = 'http://keys.example.com/tok-9f8e7d6c5b4a39281706';
    const text = [
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: okta',
      `      publicKeys: [http://openmetadata:8585/api/v1/system/config/jwks, "${secret}"]`,
      '      oidcConfiguration:',
      '        enabled: true',
      `        clientSecret: "${secret}"`,
      '',
    ].join('\n');
    const messages = lintText(text, 'values.yaml')!.messages;
    expect(messages.some((m) => m.ruleId === 'https-urls' && m.line === 5)).toBe(true);
    for (const message of messages) expect(message.message).not.toContain('keys.example.com/tok-');
  });
});

describe('parts of a secret among many secrets', () => {
  // Past 64 KiB of secret text a datum is no longer searched for in every secret: the parts rules
  // show alone must still be found by exact lookup.
  const manySecrets = 'extraEnvs:\n' + Array.from({ length: 3000 }, (_, i) => `  - {name: OIDC_SECRET_${i}, value: unrelated-secret-value-${i}-qwerty}`).join('\n') + '\n';
  const withPadding = [['a few secrets', ''], ['over 64 KiB of secrets', manySecrets]];

  it.each(withPadding)('with %s, the default of ${VAR:-default} shown alone is redacted', (_, padding) => {
    const secret = 'Zq8-vR2_kP5xW9mT3nB7cY1dF4gH6jL0';
    const text = `openmetadata:\n  config:\n    authentication:\n      provider: google\n      oidcConfiguration:\n        clientSecret: "\${OIDC_CLIENT_SECRET:-${secret}}"\n${padding}`;
    const findings = lintText(text, 'values.yaml')!.messages;
    expect(findings.some((m) => m.ruleId === 'no-env-substitution' && m.line === 6)).toBe(true);
    expect(findings.map((m) => m.message).join('\n')).not.toContain(secret.slice(0, 12));
  });

  it.each(withPadding)('with %s, an http URL that is a secret is not shown as its https suggestion', (_, padding) => {
    const secret = 'http://keys.example.com/tok-9f8e7d6c5b4a39281706';
    const text = `openmetadata:\n  config:\n    authentication:\n      provider: okta\n      publicKeys: [http://openmetadata:8585/api/v1/system/config/jwks, "${secret}"]\n` +
      `      oidcConfiguration:\n        enabled: true\n        clientSecret: "${secret}"\n${padding}`;
    const messages = lintText(text, 'values.yaml')!.messages;
    expect(messages.some((m) => m.ruleId === 'https-urls' && m.line === 5)).toBe(true);
    for (const message of messages) expect(message.message).not.toContain('keys.example.com/tok-');
  });
});
