/**
 * Many files. The report is printed as results come (src/cli/report.ts): the same bytes as the
 * formatter called once with every result. No timing is asserted anywhere.
 */
import * as path from 'path';
import { useScratchDir } from './robustness/cli';

const generator = require('../bench/generate') as { sampleValuesFiles(count: number, seed: number): string[] };

const scratch = useScratchDir();
let tree: string;

beforeAll(() => {
  tree = path.join(scratch.dir, 'tree');
  // Mixed values files (valid, with mistakes, a few with YAML syntax errors), as the benchmark lints.
  generator.sampleValuesFiles(360, 6).forEach((text, i) => scratch.write(`tree/generated/team-${i % 3}/values-${String(i).padStart(3, '0')}.yaml`, text));
});

describe('a streamed report (in process, from the sources)', () => {
  const { run } = require('../src/cli/main') as typeof import('../src/cli/main');
  const api = require('../src/index') as typeof import('../src/index');

  it.each(['json', 'stylish'])('--format %s: several writes that together are the formatter\'s output for all results', (format) => {
    const dir = path.join(tree, 'generated', 'team-0');
    const chunks: string[] = [];
    let stderr = '';
    const code = run(['--format', format, dir], { stdout: (text) => chunks.push(text), stderr: (text) => (stderr += text), cwd: scratch.dir, env: {}, isTTY: false });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const whole = api.loadFormatter(format)?.(api.lintFiles([dir]), { cwd: scratch.dir, color: false, rules: api.RULES }) ?? '';
    expect(whole.length).toBeGreaterThan(64 * 1024);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(whole.endsWith('\n') ? whole : `${whole}\n`);
  });

  it('a bad config file in a folder linted last ends the run before anything is printed', () => {
    const dir = path.join(scratch.dir, 'late-config');
    generator.sampleValuesFiles(60, 9).forEach((text, i) => scratch.write(`late-config/a/values-${i}.yaml`, text));
    scratch.write('late-config/a/values-binary.yaml', Buffer.from([0x6b, 0x3a, 0x00, 0x0a]));
    scratch.write('late-config/z/.omlintrc.yaml', 'rules:\n  jwks-public-key: fatal\n');
    scratch.write('late-config/z/values.yaml', generator.sampleValuesFiles(1, 9)[0]);
    let stdout = '';
    let stderr = '';
    const code = run(['--format', 'json', dir], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: scratch.dir, env: {}, isTTY: false });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^omlint: .*z\/\.omlintrc\.yaml: rules\.jwks-public-key: must be off, info, warn or error, not "fatal"\n$/);
  });
});
