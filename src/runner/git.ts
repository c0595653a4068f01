/** Reading a file as it was at a git revision, for --since. Only `git show`, never a shell. */
import * as path from 'path';
import { InputError } from '../source/read';

/**
 * The text of `filePath` at `ref`, or undefined when the file did not exist there (a new file has
 * no baseline). `--end-of-options` keeps a ref such as `--output=x` from being read as an option.
 */
export function showAtRef(ref: string, filePath: string): string | undefined {
  if (ref.startsWith('-') || /[\0\n]/.test(ref)) throw new InputError(`--since: "${ref}" is not a git revision`);
  const dir = path.dirname(path.resolve(filePath));
  const spec = `${ref}:./${path.basename(filePath)}`;
  // Loaded here: child_process (with net and streams) costs ~7 ms of start-up, and only --since needs it.
  const { execFileSync } = require('child_process') as typeof import('child_process');
  try {
    return execFileSync('git', ['-C', dir, 'show', '--end-of-options', spec], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (/does not exist in|exists on disk, but not in/.test(stderr)) return undefined;
    // A repository without commits yet (a hook on the first commit): every file is new.
    if (ref === 'HEAD' && /invalid object name 'HEAD'/.test(stderr)) return undefined;
    if (/not a git repository/i.test(stderr)) throw new InputError(`--since: ${dir} is not inside a git repository`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError('--since needs git, which is not installed');
    throw new InputError(`--since: git cannot show ${spec}: ${stderr.split('\n')[0].replace(/^fatal: /, '')}`);
  }
}
