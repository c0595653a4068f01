/**
 * The API and the CLI are one linter: for the same files and config, createLinter().lintFiles()
 * formatted as JSON equals what `omlint --format json` prints.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLinter, loadFormatter } from '../src';
import { omlint } from './support/cli-in-process';
import { ROOT, scratchDir } from './support/cli';

it('createLinter().lintFiles() and the CLI give identical JSON for the same files and config', () => {
  const fixture = (rule: string, kind: string, name: string): string => fs.readFileSync(path.join(ROOT, 'fixtures', rule, kind, name), 'utf8');
  const dir = scratchDir({
    '.omlintrc.yaml': 'rules:\n  principal-domain: off\n  oidc-prompt: warn\nignorePatterns: [ignored/]\noverrides:\n  - files: [team-b/**]\n    rules: { jwks-public-key: warn }\n',
    'team-a/values.yaml': fixture('jwks-public-key', 'invalid', 'empty-list.yaml'),
    'team-b/values.yaml': fixture('jwks-public-key', 'invalid', 'idp-keys-only.yaml'),
    'team-b/values-directive.yaml': `# omlint-disable-file callback-url\n${fixture('callback-url', 'invalid', 'wrong-path.yaml')}`,
    'conf/openmetadata.yaml': fs.readFileSync(path.join(ROOT, 'test', 'corpus', 'docs', 'v1.10.x-SNAPSHOT', 'server', 'auth0-bare-metal-authcode.yaml'), 'utf8'),
    'docker/.env': 'AUTHENTICATION_PROVIDER=okta\nAUTHENTICATION_PUBLIC_KEYS=[https://acme.okta.com/oauth2/v1/keys]\n',
    'ignored/values.yaml': fixture('jwks-public-key', 'invalid', 'empty-list.yaml'),
  });
  const cli = omlint(['--format', 'json', '.'], dir);
  const results = createLinter({ cwd: dir, textFixes: true }).lintFiles(['.']);
  const api = loadFormatter('json')!(results, { cwd: dir, color: false, rules: createLinter().rules });
  expect(results.length).toBeGreaterThanOrEqual(4);
  expect(results.map((result) => path.relative(dir, result.filePath))).not.toContain(path.join('ignored', 'values.yaml'));
  expect(cli.stderr).toBe('');
  // The CLI ends its output with a line break.
  expect(cli.stdout).toBe(`${api}\n`);
});
