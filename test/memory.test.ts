/**
 * A linter keeps nothing that grows with what it lints: every cache belongs to the linter instance
 * and is bounded. One linter lints 10 000 different texts in one process (a long-running editor
 * server would); after a full garbage collection the heap at 10 000 texts is within 10 % of the
 * heap at 1 000.
 */
import * as path from 'path';
import { spawnSync } from 'child_process';

it('the heap after 10 000 different texts is within 10 % of the heap after 1 000', () => {
  const probe = path.join(__dirname, 'support', 'heap-probe.js');
  // V8's optimising compilers keep adding machine code as more functions get hot (~1 MB over such a
  // run): code, not data the linter keeps. They are off in the probe so that the heap shows data only.
  const run = spawnSync(process.execPath, ['--expose-gc', '--no-opt', '--no-maglev', probe, '1000', '10000'], { encoding: 'utf8', timeout: 240_000 });
  expect(run.stderr).toBe('');
  const heap = JSON.parse(run.stdout) as Record<string, number>;
  expect(heap[10000]).toBeLessThanOrEqual(heap[1000] * 1.1);
}, 300_000);
