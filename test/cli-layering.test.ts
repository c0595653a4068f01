/** The CLI options of layering: -f/--values, --chart-version, --env-file, and env-file discovery. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../src/cli/main';
import { parseArgs, UsageError } from '../src/cli/args';
import { resolveFiles } from '../src/runner/files';

function cli(argv: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd, env: {}, isTTY: false });
  return { code, stdout, stderr };
}

const LAYERS = path.join(__dirname, 'fixtures', 'layering', 'overlay-drops-jwks');

describe('argv', () => {
  it('keeps -f/--values in order and validates --chart-version', () => {
    const options = parseArgs(['-f', 'a.yaml', '--values', 'b.yaml', '--values=c.yaml', '--chart-version', 'v1.6.13', '--env-file', 'x.env']);
    expect(options.valuesFiles).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(options.chartVersion).toBe('1.6.13');
    expect(options.envFile).toBe('x.env');
    expect(() => parseArgs(['--chart-version', 'latest'])).toThrow(UsageError);
  });
});

describe('omlint -f', () => {
  it('merges the files and reports each finding in the file that set the value', () => {
    const { code, stdout } = cli(['-f', '1-values.yaml', '-f', '2-values-prod.yaml', '--format', 'json'], LAYERS);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout);
    expect(result.filePath).toBe(path.join(LAYERS, '2-values-prod.yaml'));
    const jwks = result.messages.filter((m: { ruleId: string }) => m.ruleId === 'jwks-public-key');
    expect(jwks.map((m: { line: number }) => m.line)).toEqual([5]);
    // Findings about values the base file set land in the base file.
    const inBase = result.messages.filter((m: { filePath?: string }) => m.filePath === path.join(LAYERS, '1-values.yaml'));
    expect(inBase.every((m: { line: number }) => m.line <= 11)).toBe(true);
  });

  it('in the other order, the base list wins and all is well', () => {
    const { stdout } = cli(['-f', '2-values-prod.yaml', '-f', '1-values.yaml', '--format', 'json'], LAYERS);
    expect(JSON.parse(stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'jwks-public-key')).toEqual([]);
  });

  it('still lints positional files one by one next to the merged result', () => {
    const { stdout } = cli(['-f', '1-values.yaml', '2-values-prod.yaml', '--format', 'json'], LAYERS);
    expect(JSON.parse(stdout).map((r: { filePath: string }) => path.basename(r.filePath))).toEqual(['1-values.yaml', '2-values-prod.yaml']);
  });

  it('exits 2 on a missing -f file', () => {
    expect(cli(['-f', 'nope.yaml'], LAYERS).code).toBe(2);
  });
});

describe('--env-file and env-file discovery', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-env-'));
  fs.writeFileSync(path.join(dir, 'openmetadata.yaml'), 'authenticationConfiguration:\n  publicKeyUrls: ${AUTHENTICATION_PUBLIC_KEYS:-[http://localhost:8585/api/v1/system/config/jwks]}\n');
  fs.writeFileSync(path.join(dir, 'prod.env'), 'AUTHENTICATION_PUBLIC_KEYS=[https://www.googleapis.com/oauth2/v3/certs]\n');
  fs.mkdirSync(path.join(dir, 'docker'));
  fs.writeFileSync(path.join(dir, 'docker', '.env'), 'AUTHENTICATION_CLIENT_TYPE= public\n');
  fs.writeFileSync(path.join(dir, 'docker', 'db.env'), 'DB_HOST=mysql\n');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('evaluates ${VAR:-default} with the env file and reports there', () => {
    const { stdout } = cli(['--env-file', 'prod.env', 'openmetadata.yaml', '--format', 'json'], dir);
    const [result] = JSON.parse(stdout);
    const jwks = result.messages.filter((m: { ruleId: string }) => m.ruleId === 'jwks-public-key');
    expect(jwks).toEqual([expect.objectContaining({ filePath: path.join(dir, 'prod.env'), line: 1 })]);
    const { stdout: withoutEnv } = cli(['openmetadata.yaml', '--format', 'json'], dir);
    expect(JSON.parse(withoutEnv)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'jwks-public-key')).toEqual([]);
  });

  it('finds *.env and .env files when scanning, and skips those without auth variables', () => {
    expect(resolveFiles([], dir).map((f) => path.relative(dir, f))).toEqual(['docker/.env', 'docker/db.env', 'openmetadata.yaml', 'prod.env']);
    const { stdout } = cli(['--format', 'json'], dir);
    const linted = JSON.parse(stdout).map((r: { filePath: string }) => path.relative(dir, r.filePath));
    expect(linted).toEqual(['docker/.env', 'openmetadata.yaml', 'prod.env']);
  });
});
