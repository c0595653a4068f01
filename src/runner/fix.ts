/**
 * --fix / --fix-dry-run for one file: fix in memory (src/engine/fix.ts), then either write the file
 * (only when something changed) or hand the fixed text to the formatter as `output`, as ESLint does.
 */
import * as fs from 'fs';
import type { LintResult } from '../types';
import type { LintOptions } from '../engine/lint';
import { InputError } from '../source/read';

export function lintAndFix(
  text: string,
  file: string,
  options: LintOptions,
  write: boolean,
  notice: (text: string) => void,
): LintResult | undefined {
  const { fixText } = require('../engine/fix') as typeof import('../engine/fix');
  const { output, result } = fixText(text, file, options);
  if (output === text || !result) return result;
  if (write) {
    writeKeepingBom(file, output);
    return result;
  }
  if (holdsSecrets(output, file)) {
    // stdout ends up in CI logs; a secret never goes there, and a redacted `output` would be wrong to apply.
    notice(`omlint: ${file}: the fixed text is not shown because the file holds secret values; run --fix to write it\n`);
    return result;
  }
  return { ...result, output };
}

function holdsSecrets(text: string, file: string): boolean {
  const { parseYaml } = require('../source/yaml') as typeof import('../source/yaml');
  const { collectSecrets } = require('../engine/redact') as typeof import('../engine/redact');
  return parseYaml(text, file).documents.some((document) => [...collectSecrets(document.plain())].some((secret) => text.includes(secret)));
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
