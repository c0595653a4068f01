/** Runs the omlint command in-process with captured output: argv in, { code, stdout, stderr } out. */
import { run } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function omlint(argv: readonly string[], cwd: string, options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    env: options.env ?? { NO_COLOR: '1' },
    isTTY: false,
    readStdin: options.stdin === undefined ? undefined : () => Buffer.from(options.stdin ?? '', 'utf8'),
  });
  return { code, stdout, stderr };
}
