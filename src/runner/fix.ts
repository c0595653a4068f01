/**
 * --fix / --fix-dry-run for one file: fix in memory (src/engine/fix.ts), then either write the file
 * (only when something changed) or hand the fixed text on as the result's `output`, as ESLint does.
 */
import * as fs from 'fs';
import type { LintResult } from '../types';
import type { LintJob } from '../engine/job';
import { InputError } from '../source/read';

export function lintAndFix(
  job: LintJob,
  lint: (job: LintJob) => LintResult | undefined,
  write: boolean,
  notice: (text: string) => void,
): LintResult | undefined {
  const { fixText, holdsSecrets } = require('../engine/fix') as typeof import('../engine/fix');
  const [source] = job.sources;
  const { output, result } = fixText(source.text, (text) => lint({ ...job, sources: [{ ...source, text }] }));
  if (output === source.text || !result) return result;
  if (write) {
    writeKeepingBom(source.filePath, output);
    return result;
  }
  if (holdsSecrets(output, source.filePath)) {
    // stdout ends up in CI logs; a secret never goes there, and a redacted `output` would be wrong to apply.
    notice(`omlint: ${source.filePath}: the fixed text is not shown because the file holds secret values; run --fix to write it\n`);
    return result;
  }
  return { ...result, output };
}

/** readSourceFile drops a UTF-8 byte order mark; put it back so the file changes only where fixed. */
function writeKeepingBom(file: string, text: string): void {
  try {
    const head = Buffer.alloc(3);
    const fd = fs.openSync(file, 'r');
    const read = fs.readSync(fd, head, 0, 3, 0);
    fs.closeSync(fd);
    const bom = read === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? '\ufeff' : '';
    fs.writeFileSync(file, bom + text, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot write the fixed file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
