/**
 * --fix / --fix-dry-run for one file: fix in memory (src/engine/fix.ts), then either write the file
 * (only when something changed) or hand the fixed text on as the result's `output`, as ESLint does.
 * And `textFixes`: each fixable finding's fix as an edit of the text (ESLint's `fix`), for JSON.
 */
import * as fs from 'fs';
import type { LintResult } from '../types';
import type { LintJob, SourceText } from '../engine/job';
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
  if (result) noticeBlocked(result, notice);
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

/**
 * The fixes --fix cannot make where the value is written (a YAML text inside a quoted or folded
 * string of a GitOps file, a values file it names, a --set argument): said on stderr, one line a
 * file, never guessed at.
 */
function noticeBlocked(result: LintResult, notice: (text: string) => void): void {
  const blocked = result.messages.filter((m) => m.fixBlocked !== undefined);
  if (blocked.length === 0) return;
  const reasons = [...new Set(blocked.map((m) => `${m.ruleId} at ${m.filePath === result.filePath ? '' : `${m.filePath}:`}${m.line}:${m.column}: ${m.fixBlocked}`))];
  notice(`omlint: ${result.filePath}: ${blocked.length === 1 ? '1 fixable finding is' : `${blocked.length} fixable findings are`} not fixed: ${reasons.join('; ')}\n`);
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

/**
 * The result with each fixable finding's fix as a text edit (`textFix`) of the source it was found
 * in. Costs one parse of the text, only for a file with a fixable finding; a finding in another file
 * (a value an env file sets) gets none.
 */
export function withTextFixes(result: LintResult, source: SourceText): LintResult {
  const fixable = result.messages.filter((m) => m.fix !== undefined && m.filePath === source.filePath);
  if (fixable.length === 0) return result;
  const { textFixesFor } = require('../engine/fix') as typeof import('../engine/fix');
  const edits = textFixesFor(source.text, fixable.map((m) => m.fix!));
  const editOf = new Map(fixable.map((m, i) => [m, edits[i]]));
  return {
    ...result,
    messages: result.messages.map((m) => {
      const textFix = editOf.get(m);
      return textFix ? { ...m, textFix } : m;
    }),
  };
}
