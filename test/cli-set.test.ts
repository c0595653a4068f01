/**
 * omlint's own --set, --set-string, --set-json and --set-file, end to end through the command line
 * (the parser itself: test/helm-set.test.ts): on top of the values, each finding on a value an
 * argument set in `<command line>`, line 1, at the value's column in the command line as omlint
 * received it (the arguments joined by single spaces), in every format as docs/gitops.md says.
 */
import * as path from 'path';
import { omlint } from './support/cli-in-process';
import { scratchDir } from './support/cli';

const VALUES = [
  'openmetadata:', '  config:', '    authentication:', '      provider: okta', '      publicKeys:',
  '        - http://openmetadata:8585/api/v1/system/config/jwks', '        - https://acme.okta.com/oauth2/default/v1/keys',
  '      authority: https://acme.okta.com/oauth2/default', '      clientId: 0oa1b2c3d4e5f6g7h8i9', '      callbackUrl: https://metadata.acme.io/callback',
  '    authorizer:', '      initialAdmins: [alice]', '      principalDomain: acme.io',
  '    fernetkey:', '      secretRef: openmetadata-fernet', '      secretKey: fernet-key',
  '    jwtTokenConfiguration:', '      rsapublicKeyFilePath: /etc/openmetadata/jwt/public_key.der',
  '      rsaprivateKeyFilePath: /etc/openmetadata/jwt/private_key.der', '      keyId: 7c1e4f3a-prod', '',
].join('\n');

const SET = '--set';
const ARGUMENT = 'openmetadata.config.authentication.callbackUrl=http://metadata.acme.io/callback';
/** The value's column: after `values.yaml --set ` and the argument's name and `=`. */
const VALUE_COLUMN = 'values.yaml --set '.length + ARGUMENT.indexOf('=') + 2;

function run(extra: string[], files: Record<string, string> = { 'values.yaml': VALUES }) {
  const cwd = scratchDir(files);
  return { cwd, ...omlint(['values.yaml', SET, ARGUMENT, ...extra], cwd) };
}

describe('a finding on a value --set set, in each format', () => {
  it('stylish: under the values file, at 1:<column>, "(in <command line>)"', () => {
    const { stdout, code } = run([]);
    expect(code).toBe(0);
    expect(stdout).toContain(`  1:${VALUE_COLUMN}  warning  callbackUrl is OpenMetadata's public address on plain http`);
    expect(stdout).toMatch(/\(in <command line>\)\s+https-urls/);
  });

  it('json: the message\'s filePath is "<command line>", line 1, the column', () => {
    const { stdout } = run(['--format', 'json']);
    const [result] = JSON.parse(stdout);
    expect(result.filePath.endsWith('values.yaml')).toBe(true);
    expect(result.messages).toEqual([expect.objectContaining({ ruleId: 'https-urls', filePath: '<command line>', line: 1, column: VALUE_COLUMN })]);
  });

  it('sarif: the artifact "command-line", region line 1 and the column', () => {
    const { stdout } = run(['--format', 'sarif']);
    const [result] = JSON.parse(stdout).runs[0].results;
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'command-line' },
      region: expect.objectContaining({ startLine: 1, startColumn: VALUE_COLUMN }),
    });
  });

  it('github: an annotation with file=<command line>, line 1 and the column', () => {
    const { stdout } = run(['--format', 'github']);
    expect(stdout).toMatch(new RegExp(`^::warning file=<command line>,line=1,col=${VALUE_COLUMN},endLine=1,`, 'm'));
  });

  it.each([
    ['compact', `<command line>:1:${VALUE_COLUMN}: warning callbackUrl is OpenMetadata's public address on plain http`],
    ['gitlab', '"path": "<command line>"'],
    ['junit', `<testcase name="https-urls at &lt;command line&gt;:1:${VALUE_COLUMN}" classname="values.yaml">`],
    ['checkstyle', `<error line="1" column="${VALUE_COLUMN}" severity="warning" message="callbackUrl is OpenMetadata&apos;s public address on plain http`],
  ])('%s: as docs/gitops.md shows it', (format, shown) => {
    const { stdout } = run(['--format', format]);
    expect(stdout).toContain(shown);
    if (format === 'checkstyle') expect(stdout).toMatch(/<file name="values\.yaml">\s*<error [^>]*\(in &lt;command line&gt;\)"/);
  });

  it('--set=ARGUMENT: the column counts the option\'s own text', () => {
    const cwd = scratchDir({ 'values.yaml': VALUES });
    const { stdout } = omlint(['--format', 'json', `--set=${ARGUMENT}`, 'values.yaml'], cwd);
    const column = '--format json --set='.length + ARGUMENT.indexOf('=') + 2;
    expect(JSON.parse(stdout)[0].messages[0]).toMatchObject({ filePath: '<command line>', line: 1, column });
  });
});

describe('Helm\'s reading of each flag', () => {
  it('--set types true/false/null and integers, --set-string keeps text: "false" from --set-string fails the schema', () => {
    const key = 'openmetadata.config.authentication.enableSelfSignup';
    const typed = omlint(['values.yaml', '--set', `${key}=false`, '--format', 'json'], scratchDir({ 'values.yaml': VALUES }));
    expect(JSON.parse(typed.stdout)[0].messages).toEqual([]);
    const text = omlint(['values.yaml', '--set-string', `${key}=false`, '--format', 'json'], scratchDir({ 'values.yaml': VALUES }));
    expect(JSON.parse(text.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['valid-schema']);
  });

  it('--set-json sets a list, --set-file a file\'s text, relative to the working directory', () => {
    const cwd = scratchDir({ 'values.yaml': VALUES, 'certs/idp.pem': 'not a certificate' });
    const { stdout } = omlint(['values.yaml', '--format', 'json',
      '--set-json', 'openmetadata.config.authentication.publicKeys=["https://acme.okta.com/oauth2/default/v1/keys"]',
      '--set-file', 'openmetadata.config.authentication.clientId=certs/idp.pem'], cwd);
    const rules = JSON.parse(stdout)[0].messages.map((m: { ruleId: string; filePath: string }) => `${m.ruleId} ${m.filePath}`);
    expect(rules).toContain('jwks-public-key <command line>');
  });

  it('with -f: on top of every file', () => {
    const cwd = scratchDir({ 'a.yaml': VALUES, 'b.yaml': 'openmetadata:\n  config:\n    authentication:\n      callbackUrl: https://b.acme.io/callback\n' });
    const { stdout } = omlint(['-f', 'a.yaml', '-f', 'b.yaml', SET, ARGUMENT, '--format', 'json'], cwd);
    expect(JSON.parse(stdout)[0].messages).toEqual([expect.objectContaining({ ruleId: 'https-urls', filePath: '<command line>', line: 1 })]);
  });

  it('a file that shows no OpenMetadata settings stays someone else\'s: --set adds no evidence', () => {
    const cwd = scratchDir({ 'values.yaml': 'auth:\n  enabled: true\n' });
    const { code, stderr } = omlint(['values.yaml', SET, ARGUMENT], cwd);
    expect(code).toBe(2);
    expect(stderr).toMatch(/none of the 1 file seen holds OpenMetadata auth settings/);
  });
});

describe('arguments Helm refuses', () => {
  it('whatever the values: a usage error (exit 2) naming the column, never the argument\'s text', () => {
    const cwd = scratchDir({ 'values.yaml': VALUES });
    const { code, stderr, stdout } = omlint(['values.yaml', '--set', 'openmetadata.config.authentication.publicKeys[x]=secret-value'], cwd);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const column = 'values.yaml --set '.length + 'openmetadata.config.authentication.publicKeys['.length + 1;
    expect(stderr).toBe(`omlint: --set: Helm refuses this argument: "x" is not a list index (command line, column ${column})\n`);
  });

  it('a --set-file file that cannot be read: a usage error', () => {
    const cwd = scratchDir({ 'values.yaml': VALUES });
    const { code, stderr } = omlint(['values.yaml', '--set-file', 'openmetadata.config.authentication.clientId=missing.pem'], cwd);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^omlint: --set-file: Helm refuses this argument: cannot read missing\.pem: /);
  });

  it('refused only given the values below it: a helm-set-syntax finding at the argument, the release not linted further', () => {
    const cwd = scratchDir({ 'values.yaml': VALUES });
    const { code, stdout } = omlint(['values.yaml', '--format', 'json', '--set', 'openmetadata.config.authentication.provider.name=okta'], cwd);
    expect(code).toBe(1);
    const column = 'values.yaml --format json --set '.length + 'openmetadata.config.authentication.'.length + 1;
    expect(JSON.parse(stdout)[0].messages).toEqual([expect.objectContaining({
      ruleId: 'helm-set-syntax', filePath: '<command line>', line: 1, column,
      message: 'Helm refuses this --set argument: "provider" is not a map, so "provider.…" cannot be set; nothing of ' + path.join(cwd, 'values.yaml') + ' is rendered',
    })]);
  });
});
