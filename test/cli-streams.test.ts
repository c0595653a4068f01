/**
 * How the report reaches stdout and stderr (bin/omlint.js writes to file descriptors 1 and 2
 * itself): whole through a pipe, a non-blocking one too; quietly when the reader stops early; one
 * line when it cannot be written; in colour on a terminal only.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN, ROOT, omlint, scratchDir, STACK_LINE } from './support/cli';

const BROKEN = fs.readFileSync(path.join(ROOT, 'fixtures', 'demo', 'values-broken.yaml'), 'utf8');

/** A directory whose JSON report is several times a pipe's 64 KiB buffer. */
function manyBrokenFiles(count = 200): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`team-${i}/values.yaml`] = BROKEN;
  return scratchDir(files);
}

describe('writing the report', () => {
  it('a report larger than a pipe holds arrives whole and in order through the pipe', () => {
    const dir = manyBrokenFiles();
    const piped = omlint(['--format', 'json', '.'], { cwd: dir });
    const toFile = omlint(['--format', 'json', '-o', 'report.json', '.'], { cwd: dir });
    expect(piped.status).toBe(1);
    expect(toFile.status).toBe(1);
    expect(piped.stdout.length).toBeGreaterThan(4 * 64 * 1024);
    expect(piped.stdout).toBe(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
  });

  it('a reader that stops early (omlint | head) ends the run quietly, with the exit code of the lint', async () => {
    const dir = manyBrokenFiles();
    const child = spawn(process.execPath, [BIN, '--format', 'json', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reading end closes before omlint has written anything: its first write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });

  // Python sets O_NONBLOCK on the pipe omlint writes to (Node cannot) and reads only once it is full.
  const hasPython = spawnSync('python3', ['--version'], { encoding: 'utf8' }).status === 0;
  (hasPython ? it : it.skip)('a full non-blocking pipe (EAGAIN) makes omlint wait for the reader, and nothing is lost', () => {
    const dir = manyBrokenFiles();
    const script = [
      'import fcntl, os, subprocess, sys, time',
      'r, w = os.pipe()',
      'fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)',
      'child = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(1)',
      'chunks = []',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    chunks.append(chunk)',
      'sys.stdout.buffer.write(b"".join(chunks))',
      'sys.exit(child.wait())',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script, process.execPath, BIN, '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout.length).toBeGreaterThan(4 * 64 * 1024);
    expect(run.stdout).toBe(omlint(['--format', 'json', '.'], { cwd: dir }).stdout);
  });

  const full = fs.existsSync('/dev/full') ? it : it.skip;
  full('stdout that cannot be written (a full disk: /dev/full) is one line on stderr and exit code 2', () => {
    const dir = scratchDir({ 'values.yaml': BROKEN });
    const stdout = fs.openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, 'values.yaml'], { cwd: dir, stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('omlint: cannot write the report: ENOSPC\n');
      expect(run.stderr).not.toMatch(STACK_LINE);
    } finally {
      fs.closeSync(stdout);
    }
  });

  it('messages still reach stderr when stdout is /dev/null', () => {
    const dir = scratchDir({ 'values.yaml': BROKEN });
    const run = spawnSync(process.execPath, [BIN, 'values.yaml', 'missing.yaml'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^omlint: .*missing\.yaml: /);
  });

  // `script` (util-linux) runs the command on a pseudo-terminal.
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  (hasScript ? it : it.skip)('colours on a terminal, and not through a pipe', () => {
    const dir = scratchDir({ 'values.yaml': BROKEN });
    const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined };
    const onTerminal = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" values.yaml`, '/dev/null'], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
    expect(onTerminal.stdout).toContain('\u001b[');
    expect(onTerminal.stdout).toContain('jwks-public-key');
    expect(omlint(['values.yaml'], { cwd: dir, env: { NO_COLOR: undefined } }).stdout).not.toContain('\u001b[');
  });
});
