/**
 * Temporary directories that tests make, removed when the test file is done. Importing this module
 * registers one afterAll hook in the importing test file (jest loads modules afresh for each test
 * file), so a directory made inside a test, where hooks can no longer be added, is removed as well.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty directory in the OS temp dir, removed after the current test file. */
export function tempDir(prefix = 'omlint-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
