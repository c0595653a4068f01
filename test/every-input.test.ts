/**
 * One pipeline for every input: a config file, an inline directive, --rule and an input limit act
 * the same whatever the input kind is — a values file, an -f pair, standard input, a server
 * openmetadata.yaml, an env file, a --since comparison. Each row lints a file whose
 * publicKeys / publicKeyUrls / AUTHENTICATION_PUBLIC_KEYS lacks OpenMetadata's JWKS URL
 * (jwks-public-key); each column changes one setting.
 */
import * as fs from 'fs';
import * as path from 'path';
import { omlint } from './support/cli-in-process';
import { scratchDir } from './support/cli';
import { git } from './support/git';

const RULE = 'jwks-public-key';
const DIRECTIVE = `# omlint-disable-next-line ${RULE} -- checked by hand`;
const LONG = `# ${'x'.repeat(120)}`;

/** The text of each input kind; `before` goes before the line that holds the finding (a directive or a long line). */
const KINDS = {
  values: {
    file: 'values.yaml',
    text: (before: string) => `openmetadata:\n  config:\n    authentication:\n      provider: basic\n${indent(before, 6)}      publicKeys: [https://idp.example.io/keys]\n`,
  },
  server: {
    file: 'openmetadata.yaml',
    text: (before: string) => `authenticationConfiguration:\n  provider: basic\n${indent(before, 2)}  publicKeyUrls: [https://idp.example.io/keys]\n`,
  },
  env: {
    file: 'prod.env',
    text: (before: string) => `AUTHENTICATION_PROVIDER=basic\n${before ? `${before}\n` : ''}AUTHENTICATION_PUBLIC_KEYS=[https://idp.example.io/keys]\n`,
  },
};

function indent(line: string, spaces: number): string {
  return line ? `${' '.repeat(spaces)}${line}\n` : '';
}

type Kind = keyof typeof KINDS;

/** The ways omlint is handed the file: argv for the file, and the standard input when read from there. */
const INPUTS: [string, Kind, (file: string) => string[], boolean?][] = [
  ['a values file', 'values', (file) => [file]],
  ['an -f pair', 'values', (file) => ['-f', 'base.yaml', '-f', file]],
  ['standard input', 'values', (file) => ['--stdin', '--stdin-filename', file], true],
  ['a server openmetadata.yaml', 'server', (file) => [file]],
  ['an env file', 'env', (file) => [file]],
  ['a --since comparison', 'values', (file) => ['--since', 'HEAD', file]],
];

/** What one run reports: the findings of the rule and of input-limit, by rule and line, and the exit code. */
function outcome(kind: Kind, args: (file: string) => string[], fromStdin: boolean, setting: { before?: string; config?: string; argv?: string[] }): string[] {
  const { file, text } = KINDS[kind];
  const content = text(setting.before ?? '');
  const dir = scratchDir({
    'base.yaml': 'openmetadata:\n  config:\n    authorizer:\n      principalDomain: example.io\n',
    [file]: content,
    ...(setting.config ? { '.omlintrc.yaml': setting.config } : {}),
  });
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'values');
  const run = omlint(['--format', 'json', ...(setting.argv ?? []), ...args(file)], dir, fromStdin ? { stdin: content } : {});
  expect(run.stderr).toBe('');
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
  const found = results.flatMap((result) => result.messages
    .filter((m) => m.ruleId === RULE || m.ruleId === 'input-limit')
    .map((m) => `${m.ruleId} in ${path.basename(result.filePath)}`));
  fs.rmSync(path.join(dir, '.git'), { recursive: true, force: true });
  return [...found, `exit ${run.code}`];
}

describe.each(INPUTS)('%s', (_name, kind, args, fromStdin = false) => {
  const file = KINDS[kind].file;

  it('reports the finding when nothing turns it off', () => {
    expect(outcome(kind, args, fromStdin, {})).toEqual([`${RULE} in ${file}`, 'exit 1']);
  });

  it('a config file turns the rule off', () => {
    expect(outcome(kind, args, fromStdin, { config: `rules:\n  ${RULE}: off\n` })).toEqual(['exit 0']);
  });

  it('an inline directive suppresses the finding', () => {
    expect(outcome(kind, args, fromStdin, { before: DIRECTIVE })).toEqual(['exit 0']);
  });

  it('--rule turns the rule off', () => {
    expect(outcome(kind, args, fromStdin, { argv: ['--rule', `${RULE}:off`] })).toEqual(['exit 0']);
  });

  it('an input limit stops the file being linted, with a finding', () => {
    expect(outcome(kind, args, fromStdin, { before: LONG, argv: ['--max-line-length', '100'] })).toEqual([`input-limit in ${file}`, 'exit 1']);
  });
});
