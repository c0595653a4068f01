/**
 * Every odd input gets findings or a one-line error: one case each, through the built CLI. Each case
 * asserts the exit code, that no stack trace is printed and that stdout is a valid report.
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { AUTH_VALUES, BIN, CHILD_TIMEOUT_MS, cleanEnv, expectCleanRun, expectJsonReport, runCli, useScratchDir } from './cli';

const scratch = useScratchDir();
const write = scratch.write;

/** Findings as `rule@line:column`, for comparing runs. */
function positions(stdout: string): string[] {
  return expectJsonReport(stdout).flatMap((r) => r.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`));
}

const lfPositions = (): string[] => positions(runCli(['--format', 'json', write('values-lf.yaml', AUTH_VALUES)]).stdout);

describe('empty and near-empty files', () => {
  it.each([
    ['an empty file', ''],
    ['only comments (even with auth words in them)', '# authentication:\n#   provider: google\n'],
    ['only a document marker', '---\n'],
    ['only markers and an end marker', '---\n...\n---\n'],
  ])('%s: nothing reported; exit 0 with --allow-empty, else 2 (nothing to lint)', (_name, content) => {
    const run = runCli(['--allow-empty', '--format', 'json', write('values-near-empty.yaml', content)]);
    expectCleanRun(run, 0);
    expect(JSON.parse(run.stdout)).toEqual([]);
    const strict = runCli(['--format', 'json', write('values-near-empty.yaml', content)]);
    expect([strict.status, strict.stdout, strict.stderr]).toEqual([2, '[]\n', expect.stringMatching(/^omlint: none of the 1 file seen holds OpenMetadata auth settings; [^\n]*\n$/)]);
  });
});

describe('encodings and line breaks', () => {
  it('a UTF-8 byte order mark changes no position', () => {
    const run = runCli(['--format', 'json', write('values-bom.yaml', `\ufeff${AUTH_VALUES}`)]);
    expectCleanRun(run, 1);
    expect(positions(run.stdout)).toEqual(lfPositions());
  });

  it('CRLF line endings give the same findings at the same positions', () => {
    const run = runCli(['--format', 'json', write('values-crlf.yaml', AUTH_VALUES.replace(/\n/g, '\r\n'))]);
    expectCleanRun(run, 1);
    expect(positions(run.stdout)).toEqual(lfPositions());
  });

  it('CR-only line endings (YAML allows them) give the same findings at the same positions', () => {
    const run = runCli(['--format', 'json', write('values-cr.yaml', AUTH_VALUES.replace(/\n/g, '\r'))]);
    expectCleanRun(run, 1);
    expect(positions(run.stdout)).toEqual(lfPositions());
  });

  it('tabs used as indentation are yaml-syntax findings on their line', () => {
    const run = runCli(['--format', 'json', write('values-tabs.yaml', AUTH_VALUES.replace('      provider', '\tprovider'))]);
    expectCleanRun(run, 1);
    expect(positions(run.stdout)).toContain('yaml-syntax@4:1');
  });

  it('a tab inside a value is fine', () => {
    const run = runCli(['--format', 'json', write('values-tab-value.yaml', `${AUTH_VALUES}      clientType: "public\t"\n`)]);
    expectCleanRun(run, 1);
    expect(positions(run.stdout).some((p) => p.startsWith('yaml-syntax'))).toBe(false);
  });

  it('invalid UTF-8: exit 2, one line naming where the bad byte is', () => {
    const bytes = Buffer.concat([Buffer.from(AUTH_VALUES), Buffer.from('      clientId: "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]);
    const run = runCli(['--format', 'json', write('values-latin1.yaml', bytes)]);
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/values-latin1\.yaml: not valid UTF-8 \(first bad byte at line 10, column 21\)/);
  });

  it.each([
    ['UTF-16 with a byte order mark', 'utf16le', true, /UTF-16 text is not supported/],
    ['UTF-16 big-endian with a byte order mark', 'utf16be', true, /UTF-16 text is not supported/],
    ['UTF-16 without a byte order mark', 'utf16le', false, /UTF-16 \(without a byte order mark\) text is not supported/],
  ])('%s: exit 2, one line', (_name, encoding, bom, message) => {
    let bytes = Buffer.from(AUTH_VALUES, 'utf16le');
    if (encoding === 'utf16be') bytes.swap16();
    if (bom) bytes = Buffer.concat([encoding === 'utf16be' ? Buffer.from([0xfe, 0xff]) : Buffer.from([0xff, 0xfe]), bytes]);
    const run = runCli(['--format', 'json', write(`values-${encoding}-${bom}.yaml`, bytes)]);
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(message);
  });

  it('a binary file: exit 2, one line', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const run = runCli(['--format', 'json', write('values-binary.yaml', bytes)]);
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/binary file/);
  });
});

describe('things that are not regular files', () => {
  it('a directory named like a values file is scanned as a directory', () => {
    const sub = path.join(scratch.dir, 'values-scratch.dir.yaml');
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, 'values.yaml'), AUTH_VALUES);
    const run = runCli(['--format', 'json', sub]);
    expectCleanRun(run, 1);
    expect(JSON.parse(run.stdout)[0].filePath).toBe(path.join(sub, 'values.yaml'));
  });

  it('a directory where a file is required (--baseline): exit 2, one line', () => {
    const run = runCli(['--format', 'json', '--baseline', scratch.dir, write('values-for-baseline.yaml', AUTH_VALUES)]);
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/is a directory, not a file/);
  });

  (process.platform === 'win32' ? it.skip : it)('a FIFO passed as a file: exit 2 without blocking on it', () => {
    const fifo = path.join(scratch.dir, 'values-fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    const run = runCli(['--format', 'json', fifo, write('values-next.yaml', AUTH_VALUES)]);
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/values-fifo\.yaml: is a named pipe \(FIFO\)/);
    expect(JSON.parse(run.stdout).map((r: { filePath: string }) => path.basename(r.filePath))).toEqual(['values-next.yaml']);
  });

  it('/dev/null passed as a file: exit 2, not a regular file', () => {
    if (!fs.existsSync('/dev/null')) return;
    const run = runCli(['--format', 'json', '/dev/null']);
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/not a regular file/);
  });
});

describe('missing and unreadable files', () => {
  it('a missing file is one line and exit 2; the other files are still linted', () => {
    const run = runCli(['--format', 'json', path.join(scratch.dir, 'values-missing.yaml'), write('values-present.yaml', AUTH_VALUES)]);
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/values-missing\.yaml: no such file or directory/);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });

  it('an unreadable file (EACCES, injected: tests may run as root) is one line; the others are linted', () => {
    const preload = path.join(__dirname, 'preload', 'unreadable.js');
    const run = runCli(['--format', 'json', write('values-unreadable.yaml', AUTH_VALUES), write('values-readable.yaml', AUTH_VALUES)], {
      env: { NODE_OPTIONS: `--require ${preload}` },
    });
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/values-unreadable\.yaml: permission denied/);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  (isRoot || process.platform === 'win32' ? it.skip : it)('a chmod 000 file (only meaningful when not root)', () => {
    const file = write('values-chmod.yaml', AUTH_VALUES);
    fs.chmodSync(file, 0);
    const run = runCli(['--format', 'json', file]);
    fs.chmodSync(file, 0o644);
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/permission denied/);
  });
});

describe('symbolic links', () => {
  (process.platform === 'win32' ? it.skip : it)('a symlink loop under a scanned directory neither hangs nor stops the scan', () => {
    const tree = path.join(scratch.dir, 'loops');
    fs.mkdirSync(path.join(tree, 'charts'), { recursive: true });
    fs.writeFileSync(path.join(tree, 'values.yaml'), AUTH_VALUES);
    fs.symlinkSync('values-self.yaml', path.join(tree, 'values-self.yaml'));
    fs.symlinkSync('values-b.yaml', path.join(tree, 'values-a.yaml'));
    fs.symlinkSync('values-a.yaml', path.join(tree, 'values-b.yaml'));
    fs.symlinkSync('..', path.join(tree, 'charts', 'up'));
    const run = runCli(['--format', 'json', tree]);
    expectCleanRun(run, 1);
    expect(JSON.parse(run.stdout).map((r: { filePath: string }) => r.filePath)).toEqual([path.join(tree, 'values.yaml')]);
  });

  (process.platform === 'win32' ? it.skip : it)('a looping symlink named explicitly: exit 2, one line saying so', () => {
    const link = path.join(scratch.dir, 'values-loop.yaml');
    fs.symlinkSync('values-loop.yaml', link);
    const run = runCli(['--format', 'json', link]);
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/values-loop\.yaml: too many levels of symbolic links/);
  });
});

describe('YAML that is odd but legal', () => {
  it('very long lines: an input-limit finding by default, linted when the limit is raised', () => {
    const file = write('values-long-line.yaml', `${AUTH_VALUES}      clientSecret: ${'k'.repeat(300_000)}\n`);
    const limited = runCli(['--format', 'json', file]);
    expectCleanRun(limited, 1);
    expect(positions(limited.stdout)).toEqual(['input-limit@10:1']);
    const raised = runCli(['--format', 'json', '--max-line-length', '400000', file]);
    expectCleanRun(raised, 1);
    expect(positions(raised.stdout)).not.toContain('input-limit@10:1');
    expect(positions(raised.stdout).length).toBeGreaterThan(0);
  });

  it('keys that are not strings: 1: and null: are linted; ? [a, b] is refused as Helm refuses it, at the key', () => {
    const scalarKeys = `1: x\nnull: y\nopenmetadata:\n  config:\n    authentication:\n      1: x\n      null: z\n      provider: google\n`;
    const linted = runCli(['--format', 'json', write('values-keys.yaml', scalarKeys)]);
    expectCleanRun(linted, 1);
    expect(positions(linted.stdout)).toEqual(expect.arrayContaining(['no-unknown-keys@6:7', 'no-unknown-keys@7:7']));
    const listKeys = `? [a, b]\n: x\nopenmetadata:\n  config:\n    authentication:\n      ? [c, d]\n      : x\n      provider: google\n`;
    const refused = runCli(['--format', 'json', write('values-list-keys.yaml', listKeys)]);
    expectCleanRun(refused, 1);
    expect(positions(refused.stdout)).toEqual(['yaml-syntax@1:3', 'yaml-syntax@6:9']);
  });

  it('a finding about a value reached through an alias lands on the alias use', () => {
    const text = [
      'x-templates:',
      '  client: &client "{Client ID}"',
      '  auth: &auth',
      '    provider: google',
      '    authority: "https://<your-domain>/"',
      'openmetadata:',
      '  config:',
      '    authentication: *auth',
      'platform:',
      '  openmetadata:',
      '    config:',
      '      authentication:',
      '        provider: google',
      '        clientId: *client',
      '',
    ].join('\n');
    const run = runCli(['--format', 'json', write('values-aliases.yaml', text)]);
    expectCleanRun(run, 1);
    const placeholders = positions(run.stdout).filter((p) => p.startsWith('no-placeholders'));
    // The authority placeholder is reported where `*auth` is used, the client id where `*client` is.
    expect(placeholders).toEqual(['no-placeholders@8:21', 'no-placeholders@14:19']);
  });

  it('a key brought in by a merge key (<<) is reported on the << entry', () => {
    const text = 'x-base: &base\n  provider: google\n  publicKeys:\n    - https://www.googleapis.com/oauth2/v3/certs\nopenmetadata:\n  config:\n    authentication:\n      <<: *base\n      clientId: my-client\n';
    const run = runCli(['--format', 'json', write('values-merge.yaml', text)]);
    expectCleanRun(run, 1);
    expect(positions(run.stdout)).toContain('jwks-public-key@8:7');
  });

  it('custom and binary tags (!Ref, !!binary) are read without a crash', () => {
    const text = `${AUTH_VALUES}      clientSecret: !!binary c2VjcmV0LXZhbHVlLWZvci10ZXN0cw==\n      authority: !Ref GoogleAuthority\n      responseType: !!str code\n`;
    const run = runCli(['--format', 'json', write('values-tags.yaml', text)]);
    expectCleanRun(run, 1);
    expect(run.stdout).not.toContain('secret-value-for-tests');
  });

  it('Helm template syntax left in a values file is linted without a crash', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      provider: {{ .Values.provider }}\n      clientId: "{{ .Values.clientId }}"\n      publicKeys:\n        - {{ include "jwks" . }}\n';
    const run = runCli(['--format', 'json', write('values-helm-template.yaml', text)]);
    expectCleanRun(run, 1);
  });

  it('a __proto__ key is an ordinary key, not a prototype', () => {
    const text = `${AUTH_VALUES}      __proto__:\n        enabled: false\n      oidcConfiguration:\n        __proto__: {enabled: true}\n`;
    const run = runCli(['--format', 'json', write('values-proto.yaml', text)]);
    expectCleanRun(run, 1);
    expect(positions(run.stdout)).toContain('no-unknown-keys@10:7');
  });

  it.each([
    // An anchor and a syntax error: both are read by the `yaml` package, not by the fast reader.
    ['an anchor', `${AUTH_VALUES}      clientSecret: &s trace-me-if-you-can-7781\n`, 1],
    ['a syntax error', `${AUTH_VALUES}      clientSecret: trace-me-if-you-can-7781\n      domain: "unclosed\n`, 1],
  ])("LOG_TOKENS / LOG_STREAM (the yaml package's tracing) never reach stdout: a file with %s", (_, text, exit) => {
    const run = runCli(['--format', 'json', write('values-traced.yaml', text)], { env: { LOG_TOKENS: '1', LOG_STREAM: '1' } });
    expectCleanRun(run, exit);
    expect(run.stdout + run.stderr).not.toContain('trace-me-if-you-can-7781');
    expect(JSON.parse(run.stdout)[0].messages.length).toBeGreaterThan(0);
  });
});

describe('standard input', () => {
  it('--stdin lints all of stdin, named by --stdin-filename', () => {
    const run = runCli(['--format', 'json', '--stdin', '--stdin-filename', 'helm/values-prod.yaml'], { input: AUTH_VALUES });
    expectCleanRun(run, 1);
    const [result] = JSON.parse(run.stdout);
    expect(result.filePath).toBe(path.resolve(path.join(__dirname, '..', '..'), 'helm/values-prod.yaml'));
    expect(positions(run.stdout)).toEqual(lfPositions());
  });

  it('--stdin without a name reports <stdin>', () => {
    const run = runCli(['--stdin'], { input: AUTH_VALUES });
    expectCleanRun(run, 1, 'stylish');
    expect(run.stdout).toContain('<stdin>');
  });

  it('stdin closed early (half a document) is linted as far as it goes', () => {
    const half = AUTH_VALUES.slice(0, AUTH_VALUES.indexOf('authority'));
    const run = runCli(['--format', 'json', '--stdin'], { input: half });
    expectCleanRun(run, 1);
    // The missing authority, clientId and callbackUrl are reported too; the first part is linted.
    expect(positions(run.stdout)).toContain('jwks-public-key@5:7');
  });

  it('stdin closed before a byte is written (empty): exit 0 with --allow-empty', () => {
    const run = runCli(['--allow-empty', '--format', 'json', '--stdin'], { stdio: ['ignore', 'pipe', 'pipe'] });
    expectCleanRun(run, 0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  (process.platform === 'win32' ? it.skip : it)('stdin not open at all (<&-) reads as empty: Node reopens fd 0 on /dev/null', () => {
    const result = spawnSync('sh', ['-c', `exec "${process.execPath}" "${BIN}" --allow-empty --format json --stdin <&-`], {
      encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, env: cleanEnv(),
    });
    const run = { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
    expectCleanRun(run, 0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('--stdin with file arguments is a usage error', () => {
    const run = runCli(['--format', 'json', '--stdin', 'values.yaml'], { input: AUTH_VALUES });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^omlint: --stdin lints standard input; give no file arguments/);
  });
});

describe('one file failing never stops the others', () => {
  it('missing, binary, bomb, broken and good files in one run: every readable file is reported', () => {
    const bomb = ['openmetadata:', '  config:', '    authentication:', '      provider: google', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
      .concat(Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)).join('\n');
    const files = [
      path.join(scratch.dir, 'values-gone.yaml'),
      write('values-bin.yaml', Buffer.from([0, 1, 2, 3, 0, 255])),
      write('values-bomb.yaml', bomb),
      write('values-broken.yaml', 'openmetadata:\n  config:\n    authentication:\n      provider: "google\n'),
      write('values-good.yaml', AUTH_VALUES),
    ];
    const run = runCli(['--format', 'json', ...files]);
    expectCleanRun(run, 2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    // Each file's first error: what other rules say about chart defaults is not what this test is about.
    const firstError = (r: { messages: { ruleId: string; severity: number }[] }): string | undefined => r.messages.find((m) => m.severity === 2)?.ruleId;
    const reported = JSON.parse(run.stdout).map((r: { filePath: string; messages: { ruleId: string; severity: number }[] }) => `${path.basename(r.filePath)}:${firstError(r)}`);
    expect(reported).toEqual(['values-bomb.yaml:input-limit', 'values-broken.yaml:yaml-syntax', 'values-good.yaml:jwks-public-key']);
  });
});

describe('big and cut-short output', () => {
  /** 160 000 placeholder entries: as many findings as the token limit lets one file give. */
  const manyFindings = (): string => {
    const rows = Array.from({ length: 160 }, () => `        ${Array(1000).fill('"{x}"').join(', ')}`);
    return `openmetadata:\n  config:\n    authentication:\n      provider: google\n      publicKeys: [\n${rows.join(',\n')}]\n`;
  };

  it.each(['json', 'stylish'] as const)('160 000 findings in one file are reported (--format %s)', (format) => {
    const run = runCli(['--format', format, write(`values-many-${format}.yaml`, manyFindings())]);
    expectCleanRun(run, 1, format);
    if (format === 'json') expect(JSON.parse(run.stdout)[0].messages.length).toBeGreaterThan(160_000);
    else expect(Number(/\u2716 (\d+) problems/.exec(run.stdout)?.[1])).toBeGreaterThan(160_000);
  });

  it('a reader that closes stdout early (omlint | head) ends the run quietly with its exit code', async () => {
    const file = write('values-many-pipe.yaml', manyFindings());
    const child = spawn(process.execPath, [BIN, '--format', 'json', file], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: CHILD_TIMEOUT_MS });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, sig) => resolve([code, sig])));
    expect({ status, signal, stderr }).toEqual({ status: 1, signal: null, stderr: '' });
  }, CHILD_TIMEOUT_MS);
});
