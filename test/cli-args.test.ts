/** argv → options (src/cli/args.ts, on node:util parseArgs): every option of --help, and one-line usage errors. */
import * as os from 'os';
import { parseArgs, HELP, UsageError, CliOptions } from '../src/cli/args';
import { omlint } from './support/cli-in-process';
import { omlint as spawnedOmlint } from './support/cli';

/** The UsageError message parseArgs throws for `argv`. */
function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no UsageError for ${JSON.stringify(argv)}`);
}

describe('options', () => {
  it('knows every option --help lists', () => {
    const names = [...HELP.matchAll(/(?<=^|[\s,])(--?[a-z][a-z-]*)/gm)].map((match) => match[1]);
    expect(names).toEqual(expect.arrayContaining(['--format', '-o', '--output-file', '-f', '--values', '--no-color', '--max-alias-expansion', '-v', '-h']));
    for (const name of new Set(names)) {
      // A value that no option accepts silently: only "unknown option" would mean the name is missing.
      const message = (() => {
        try {
          parseArgs([name, '1', '--stdin']);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(message).not.toMatch(/unknown option/);
    }
  });

  it('takes --opt value and --opt=value alike', () => {
    const spaced = parseArgs(['--config', 'c.yaml', '--max-warnings', '3', '--since', 'HEAD', '--env-file', 'e.env', '--baseline', 'b.yaml', 'values.yaml']);
    const joined = parseArgs(['--config=c.yaml', '--max-warnings=3', '--since=HEAD', '--env-file=e.env', '--baseline=b.yaml', 'values.yaml']);
    expect(joined).toEqual(spaced);
    expect(spaced).toMatchObject({ configFile: 'c.yaml', maxWarnings: 3, sinceRef: 'HEAD', envFile: 'e.env', baselineFile: 'b.yaml', patterns: ['values.yaml'] });
  });

  it('repeats --rule (also comma-separated), -f/--values and --format, in order', () => {
    const options = parseArgs(['--rule', 'a:off,b=warn', '-f', '1.yaml', '--rule=c:2', '--values', '2.yaml', '--values=3.yaml', '--format', 'sarif', '-o', 's', '--format', 'json']);
    expect(options.rules).toEqual({ a: 'off', b: 'warn', c: 'error' });
    expect(options.valuesFiles).toEqual(['1.yaml', '2.yaml', '3.yaml']);
    expect(options.outputs).toEqual([{ format: 'sarif', file: 's' }, { format: 'json' }]);
  });

  it('has defaults: stylish to stdout, no warning limit, colour left to the terminal', () => {
    expect(parseArgs([])).toMatchObject<Partial<CliOptions>>({
      patterns: [], outputs: [{ format: 'stylish' }], maxWarnings: -1, color: undefined, quiet: false, stdin: false, limits: {},
    });
  });

  it('lets the last of --color and --no-color win', () => {
    expect(parseArgs(['--color', '--no-color']).color).toBe(false);
    expect(parseArgs(['--no-color', '--color']).color).toBe(true);
  });

  it('reads the flags', () => {
    const options = parseArgs(['--quiet', '--fix', '--list-rules', '--debug', '--report-unused-disable-directives', '-v', '-h']);
    expect(options).toMatchObject({ quiet: true, fix: true, listRules: true, debug: true, reportUnusedDisableDirectives: true, version: true, help: true });
    expect(parseArgs(['--fix-dry-run']).fixDryRun).toBe(true);
    expect(parseArgs(['-vh'])).toMatchObject({ version: true, help: true });
  });

  it('treats everything after -- as a path, and - as a path', () => {
    expect(parseArgs(['a.yaml', '--', '--quiet', '-b.yaml']).patterns).toEqual(['a.yaml', '--quiet', '-b.yaml']);
    expect(parseArgs(['-']).patterns).toEqual(['-']);
  });

  it('takes the next argument as the value even when it starts with a dash', () => {
    // showAtRef refuses such a revision with its own message (cli.test.ts).
    expect(parseArgs(['--since', '--output=/tmp/x', 'values.yaml'])).toMatchObject({ sinceRef: '--output=/tmp/x', patterns: ['values.yaml'] });
    expect(usageError(['--max-warnings', '-1'])).toBe('--max-warnings takes a whole number, not "-1"');
  });

  it('reads the input limits, sizes with k/m/g suffixes', () => {
    const options = parseArgs(['--max-file-size', '10m', '--max-line-length', '80', '--max-tokens=9', '--max-documents', '2', '--max-depth', '7', '--max-alias-expansion', '0']);
    expect(options.limits).toEqual({ maxFileSize: 10 * 1024 * 1024, maxLineLength: 80, maxTokens: 9, maxDocuments: 2, maxDepth: 7, maxAliasExpansion: 0 });
    expect(parseArgs(['--max-file-size', '512k']).limits.maxFileSize).toBe(512 * 1024);
    expect(parseArgs(['--max-file-size', '2000000']).limits.maxFileSize).toBe(2000000);
  });

  it('reads --server-version with or without a v, and names what it takes', () => {
    expect(parseArgs(['--server-version', 'v1.12.4']).serverVersion).toBe('1.12.4');
    expect(usageError(['--server-version', '1.12'])).toBe('--server-version takes an OpenMetadata version like 1.12.4, not "1.12"');
  });

  it('reads --chart-version with or without a v', () => {
    expect(parseArgs(['--chart-version', 'v1.6.13']).chartVersion).toBe('1.6.13');
    expect(parseArgs(['--chart-version=1.13.1']).chartVersion).toBe('1.13.1');
  });
});

describe('--format and -o', () => {
  it.each<[string[], { format: string; file?: string }[]]>([
    [['--format', 'sarif', '-o', 'a.sarif', '--format', 'stylish', '--format', 'junit', '--output-file=b.xml'], [{ format: 'sarif', file: 'a.sarif' }, { format: 'stylish' }, { format: 'junit', file: 'b.xml' }]],
    [['-o', 'out.txt'], [{ format: 'stylish', file: 'out.txt' }]],
    [['-o', 'out.json', '--format', 'json'], [{ format: 'json', file: 'out.json' }]],
    [['--format', 'json', '-oout.json'], [{ format: 'json', file: 'out.json' }]],
  ])('%j → %j', (argv, outputs) => {
    expect(parseArgs(argv).outputs).toEqual(outputs);
  });

  it.each([
    [['--format', 'json', '-o', 'x', '-o', 'y'], '-o y: each -o FILE follows the --format it is for'],
    [['-o', 'x', '--format', 'a', '--format', 'b'], '-o x: with several --format, put each -o FILE after its --format'],
    [['--format', 'a', '--format', 'b'], 'only one --format can print to stdout; give the others -o FILE'],
    [['--format', 'a', '-o', 'x', '--format', 'b', '-o', 'x'], '-o x is given for two formats'],
  ])('%j is a usage error', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
});

describe('usage errors', () => {
  it.each([
    [['--format'], '--format needs a value'],
    [['-o'], '-o needs a value'],
    [['--quiet=yes'], '--quiet takes no value, not "yes"'],
    [['--max-warnings', '1.5'], '--max-warnings takes a whole number, not "1.5"'],
    [['--max-file-size', 'x'], '--max-file-size takes a size in bytes such as 2000000, 512k or 10m, not "x"'],
    [['--max-file-size', '0'], '--max-file-size takes a size from 1 byte up, not "0"'],
    [['--max-line-length', '0'], '--max-line-length takes a whole number from 1 to 9007199254740991, not "0"'],
    [['--max-depth', '100000'], '--max-depth takes a whole number from 1 to 500, not "100000"'],
    [['--chart-version', 'latest'], '--chart-version takes a chart version like 1.13.1, not "latest"'],
    [['--rule', 'jwks-public-key:loud'], '--rule takes id:off|info|warn|error, not "jwks-public-key:loud"'],
    [['--fix', '--fix-dry-run'], '--fix and --fix-dry-run cannot be used together'],
    [['--stdin', 'values.yaml'], '--stdin lints standard input; give no file arguments with it'],
    [['--stdin-filename', 'a.yaml'], '--stdin-filename needs --stdin'],
    [['-o=out.json'], '-o=out.json: give the value as -o VALUE or --output-file=VALUE'],
  ])('%j: %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
});

describe('unknown options', () => {
  it.each([
    [['--formt', 'json'], 'unknown option --formt (did you mean --format?)'],
    [['--quite'], 'unknown option --quite (did you mean --quiet?)'],
    [['--no-colour'], 'unknown option --no-colour (did you mean --no-color?)'],
    [['--max-warning=0'], 'unknown option --max-warning (did you mean --max-warnings?)'],
    [['--allow-emtpy'], 'unknown option --allow-emtpy (did you mean --allow-empty?)'],
    [['--sumary'], 'unknown option --sumary (did you mean --summary?)'],
    // A long option typed with one dash, which getopt would read as -f "ormat".
    [['-format', 'json'], 'unknown option -format (did you mean --format?)'],
    [['-quite'], 'unknown option -q in -quite (did you mean --quiet?)'],
    [['--frobnicate'], 'unknown option --frobnicate; see omlint --help'],
    [['-x'], 'unknown option -x; see omlint --help'],
    [['-vq'], 'unknown option -q in -vq; see omlint --help'],
    [['--constructor'], 'unknown option --constructor; see omlint --help'],
    [['--__proto__'], 'unknown option --__proto__; see omlint --help'],
  ])('%j: %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
});

describe('did you mean, through the command', () => {
  // Every case ends before a file is read: the directory is never scanned.
  it.each([
    [['--formt', 'json'], 'omlint: unknown option --formt (did you mean --format?)\n'],
    [['--quite'], 'omlint: unknown option --quite (did you mean --quiet?)\n'],
    [['--frobnicate'], 'omlint: unknown option --frobnicate; see omlint --help\n'],
    [['--rule', 'jwks-publickey:off'], 'omlint: --rule: unknown rule "jwks-publickey" (did you mean jwks-public-key?)\n'],
    [['--rule', 'no-plaintext-secret=warn,no-such-rule:off'], 'omlint: --rule: unknown rule "no-plaintext-secret" (did you mean no-plaintext-secrets?)\n'],
    [['--rule', 'no-such-rule:off'], 'omlint: --rule: unknown rule "no-such-rule"; see omlint --list-rules\n'],
    [['--format', 'jsn'], 'omlint: --format: unknown format "jsn" (did you mean json?)\n'],
    [['--format', 'sarif', '-o', 'x.sarif', '--format', 'stylsh'], 'omlint: --format: unknown format "stylsh" (did you mean stylish?)\n'],
    [['--format', 'xml'], 'omlint: --format: unknown format "xml"; use one of stylish, json, sarif, junit, github, gitlab, checkstyle, compact\n'],
  ])('%j: exit 2, %j', (argv, stderr) => {
    const run = omlint(argv, os.tmpdir());
    expect(run).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('did you mean, from the built command as a user runs it', () => {
  it.each([
    [['--formt', 'json', '.'], 'omlint: unknown option --formt (did you mean --format?)\n'],
    [['--rule', 'jwks-publickey:off', '.'], 'omlint: --rule: unknown rule "jwks-publickey" (did you mean jwks-public-key?)\n'],
    [['--allow-emtpy', '.'], 'omlint: unknown option --allow-emtpy (did you mean --allow-empty?)\n'],
  ])('%j: exit 2, %j', (argv, stderr) => {
    const run = spawnedOmlint(argv, { cwd: os.tmpdir() });
    expect(run).toEqual({ status: 2, stdout: '', stderr });
  });
});
