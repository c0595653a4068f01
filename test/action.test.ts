/**
 * The GitHub Action run the way the runner runs it: `node <runs.main>` of action.yml, in the
 * workspace, every input as an INPUT_<NAME> environment variable (given, else action.yml's default),
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files, against the fresh build (dist/, as the release
 * commit carries it). The runner runs `node24` actions with Node 24; these tests run the same entry
 * with the Node they run on (20), which the bundle supports.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { ROOT, scratchDir } from './support/cli';

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const ACTION: ActionYml = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
const BROKEN = fs.readFileSync(path.join(ROOT, 'fixtures', 'demo', 'values-broken.yaml'), 'utf8');
const CLEAN = fs.readFileSync(path.join(ROOT, 'fixtures', 'examples', 'values-google.yaml'), 'utf8');

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the action in `workspace` with `inputs` (the rest at their action.yml defaults). */
function runAction(workspace: string, inputs: Record<string, string> = {}): ActionRun {
  for (const name of Object.keys(inputs)) if (!(name in ACTION.inputs)) throw new Error(`action.yml has no input ${name}`);
  const files = scratchDir();
  const outputFile = path.join(files, 'github_output');
  const summaryFile = path.join(files, 'step_summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: files,
  };
  for (const [name, spec] of Object.entries(ACTION.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
  const result = spawnSync(process.execPath, [path.join(ROOT, ACTION.runs.main)], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
  const outputs = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary: fs.readFileSync(summaryFile, 'utf8') };
}

const annotations = (stdout: string): string[] => stdout.split('\n').filter((line) => /^::(error|warning|notice)/.test(line));

describe('action.yml', () => {
  it('runs the bundle entry with node24, which exists in this checkout and is built', () => {
    expect(ACTION.runs).toEqual({ using: 'node24', main: 'bin/action.js' });
    expect(fs.existsSync(path.join(ROOT, ACTION.runs.main))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, 'dist', 'omlint.cjs'))).toBe(true);
  });

  it('has an input for every option that changes what is linted or reported, and bin/action.js reads each', () => {
    const { INPUTS } = require('../bin/action.js') as { INPUTS: Record<string, unknown> };
    expect(Object.keys(ACTION.inputs).sort()).toEqual(Object.keys(INPUTS).sort());
    for (const name of ['paths', 'format', 'chart-version', 'server-version', 'set', 'set-string', 'set-json', 'set-file', 'against-export', 'config', 'max-warnings', 'show-info', 'sarif-file', 'args', 'allow-empty', 'env-file', 'rules', 'values', 'since', 'baseline']) {
      expect(ACTION.inputs).toHaveProperty(name);
    }
    expect(Object.keys(ACTION.outputs).sort()).toEqual(['errors', 'exit-code', 'files', 'infos', 'sarif-file', 'warnings']);
  });
});

describe('the action, run as the runner runs it', () => {
  it('annotates the findings, writes the SARIF file, the outputs and the step summary, and fails the step', () => {
    const workspace = scratchDir({ 'helm/values.yaml': BROKEN, 'helm/values-google.yaml': CLEAN, 'README.md': '# deploy\n' });
    const run = runAction(workspace, { 'sarif-file': 'reports/omlint.sarif' });
    expect(run.status).toBe(1);
    const lines = annotations(run.stdout);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=helm\/values\.yaml,line=11,col=7,endLine=11,endColumn=17,title=omlint jwks-public-key::publicKeys has no/));
    const sarif = JSON.parse(fs.readFileSync(path.join(workspace, 'reports', 'omlint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBe(lines.length);
    const errors = lines.filter((line) => line.startsWith('::error')).length;
    expect(run.outputs).toEqual({ errors: String(errors), warnings: String(lines.length - errors), infos: expect.stringMatching(/^\d+$/), files: '2', 'exit-code': '1', 'sarif-file': 'reports/omlint.sarif' });
    expect(run.summary).toContain('### omlint');
    expect(run.summary).toContain(`| 2 | 2 | ${errors} | ${lines.length - errors} |`);
    expect(run.summary).toMatch(/\| helm\/values\.yaml \| 11:7 \| error \| jwks-public-key \| publicKeys has no/);
    // The log also gets omlint's one-line summary.
    expect(run.stderr).toMatch(/^omlint: 2 files seen, 2 with OpenMetadata auth settings; /m);
  });

  it('passes a clean repository, with zero counts and no annotation', () => {
    const workspace = scratchDir({ 'values.yaml': CLEAN });
    const run = runAction(workspace);
    expect([run.status, annotations(run.stdout)]).toEqual([0, []]);
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '0', files: '1', 'exit-code': '0', 'sarif-file': '' });
    expect(run.summary).toContain('No problems reported.');
  });

  it('never goes green on nothing: no values file fails the step with an error annotation, unless allow-empty', () => {
    const workspace = scratchDir({ 'README.md': '# deploy\n', 'chart/Chart.yaml': 'name: x\n' });
    const run = runAction(workspace);
    expect(run.status).toBe(2);
    expect(annotations(run.stdout)).toEqual([expect.stringMatching(/^::error title=omlint::omlint: nothing to lint: a scan of \. found no values, server or env file/)]);
    expect(run.outputs).toMatchObject({ files: '0', 'exit-code': '2' });
    expect(run.summary).toMatch(/> omlint: nothing to lint/);
    const allowed = runAction(workspace, { 'allow-empty': 'true' });
    expect([allowed.status, annotations(allowed.stdout)]).toEqual([0, []]);
    expect(allowed.summary).toContain('No file with OpenMetadata auth settings.');
  });

  it('maps paths, chart-version, config, rules, max-warnings, show-info and an extra report to their options', () => {
    const workspace = scratchDir({
      'deploy/values.yaml': BROKEN,
      'other/values.yaml': BROKEN,
      'ci/omlint.yaml': 'rules:\n  no-placeholders: off\n',
    });
    const run = runAction(workspace, {
      paths: 'deploy/values.yaml',
      config: 'ci/omlint.yaml',
      rules: 'jwks-public-key:warn, no-dotted-keys:off',
      'chart-version': '1.6.13',
      'show-info': 'true',
      format: 'junit',
    });
    const lines = annotations(run.stdout);
    expect(lines.every((line) => /file=deploy\/values\.yaml/.test(line))).toBe(true);
    expect(lines.some((line) => /omlint (no-placeholders|no-dotted-keys)::/.test(line))).toBe(false);
    expect(lines).toContainEqual(expect.stringMatching(/^::warning file=deploy\/values\.yaml,line=11,.*title=omlint jwks-public-key::/));
    expect(fs.readFileSync(path.join(workspace, 'omlint-report.xml'), 'utf8')).toMatch(/^<\?xml/);
    const warnings = Number(run.outputs.warnings);
    expect(warnings).toBeGreaterThan(0);
    // max-warnings: more warnings than allowed fail the step even without errors.
    const onlyWarnings = runAction(workspace, { paths: 'deploy/values.yaml', args: `--rule ${['no-placeholders', 'no-dotted-keys', 'azure-tenant', 'client-type-oidc', 'discovery-uri', 'idp-jwks-public-key', 'no-plaintext-secrets', 'valid-schema', 'oidc-scope'].map((id) => `${id}:off`).join(',')}`, rules: 'jwks-public-key:warn', 'max-warnings': '0' });
    expect(onlyWarnings.outputs.errors).toBe('0');
    expect(onlyWarnings.status).toBe(1);
    expect(onlyWarnings.stderr).toMatch(/more than --max-warnings 0/);
  });

  it('passes args through as the shell would split them, so options of later releases work the day they land', () => {
    const workspace = scratchDir({ 'my values/values.yaml': BROKEN });
    const run = runAction(workspace, { args: '--rule "jwks-public-key:off" \'my values/values.yaml\'' });
    expect(annotations(run.stdout).some((line) => line.includes('title=omlint jwks-public-key::'))).toBe(false);
    expect(annotations(run.stdout).length).toBeGreaterThan(0);
    // An option this omlint does not know yet reaches it, and is its usage error (exit 2), not the action's.
    const future = runAction(workspace, { args: '--export-file report.x' });
    expect(future.status).toBe(2);
    expect(annotations(future.stdout)).toEqual([expect.stringMatching(/^::error title=omlint::omlint: unknown option --export-file/)]);
    const { splitWords } = require('../bin/action.js') as { splitWords: (text: string) => string[] };
    expect(splitWords(' a "b c" \'d "e"\' f\\ g\n"h\\"i" ')).toEqual(['a', 'b c', 'd "e"', 'f g', 'h"i']);
  });

  it('passes Helm\'s --set family through args: a finding on a value one sets is at its column in the command line the log shows', () => {
    const workspace = scratchDir({ 'values.yaml': CLEAN });
    const argument = 'openmetadata.config.authentication.callbackUrl=http://metadata.acme.io/callback';
    const run = runAction(workspace, { args: `--set ${argument}` });
    const commandLine = /^omlint command line: (.*)$/m.exec(run.stderr)?.[1] ?? '';
    const column = commandLine.indexOf(argument) + argument.indexOf('=') + 2;
    expect(column).toBeGreaterThan(argument.length);
    expect(annotations(run.stdout)).toContainEqual(expect.stringMatching(new RegExp(`^::warning file=<command line>,line=1,col=${column},.*title=omlint https-urls::`)));
  });

  it('the set input is --set: the finding on the value it sets is at that value\'s column in the logged command line', () => {
    const workspace = scratchDir({ 'values.yaml': CLEAN });
    const argument = 'openmetadata.config.authentication.callbackUrl=http://metadata.acme.io/callback';
    const run = runAction(workspace, { set: argument, paths: 'values.yaml' });
    const commandLine = /^omlint command line: (.*)$/m.exec(run.stderr)?.[1] ?? '';
    expect(commandLine).toContain(`--set ${argument} -- values.yaml`);
    const column = commandLine.indexOf(argument) + argument.indexOf('=') + 2;
    expect(annotations(run.stdout)).toContainEqual(expect.stringMatching(new RegExp(`^::warning file=<command line>,line=1,col=${column},.*title=omlint https-urls::`)));
  });

  it('the against-export input is --against-export: a value that differs from the stored copy is a stored-config-drift annotation', () => {
    const stored = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'exports', 'google.yaml'), 'utf8');
    const workspace = scratchDir({ 'values.yaml': CLEAN, 'export.yaml': stored });
    const run = runAction(workspace, { 'against-export': 'export.yaml', paths: 'values.yaml' });
    expect(run.stderr).toMatch(/--against-export export\.yaml/);
    expect(annotations(run.stdout).some((line) => line.includes('title=omlint stored-config-drift::'))).toBe(true);
    expect(annotations(run.stdout).some((line) => line.includes('title=omlint unknown option'))).toBe(false);
  });

  it('refuses inputs that cannot work, with an error annotation', () => {
    const workspace = scratchDir({ 'values.yaml': CLEAN });
    for (const [inputs, message] of [
      [{ 'show-info': 'yes' }, 'input show-info: "yes" is not true or false'],
      [{ format: 'github' }, 'input format: the findings are annotations already'],
      [{ 'output-file': 'x.txt' }, 'input output-file: give the report\'s format too'],
    ] as [Record<string, string>, string][]) {
      const run = runAction(workspace, inputs);
      expect(run.status).toBe(2);
      expect(annotations(run.stdout)).toEqual([expect.stringContaining(`::error title=omlint::${message}`)]);
    }
  });
});
