/**
 * Each tool's precedence, level by level (docs/gitops.md): the same key, `callbackUrl`, set at every
 * level a tool has, each to an http URL naming its level. The https-urls finding names the value
 * that won and lands where that value is written: its provenance.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLinter, HelmSetOption, LintResult } from '../src';
import { omlint } from './support/cli-in-process';
import { tempDir } from './support/temp';

const KEY = 'openmetadata.config.authentication.callbackUrl';

/** `http://<level>.acme.io/callback`: the value a level sets. */
const url = (level: string): string => `http://${level.toLowerCase()}.acme.io/callback`;

/** Values that make callbackUrl the only https-urls finding: a complete okta setup. */
function valuesFile(level: string): string {
  return ['openmetadata:', '  config:', '    authentication:', '      provider: okta',
    '      publicKeys:', '        - http://openmetadata:8585/api/v1/system/config/jwks', '        - https://acme.okta.com/oauth2/default/v1/keys',
    '      authority: https://acme.okta.com/oauth2/default', '      clientId: 0oa1b2c3d4e5f6g7h8i9', `      callbackUrl: ${url(level)}`, ''].join('\n');
}

/** Where `needle` starts in `text`: `line:column`, 1-based. */
function at(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** The winning value's level and where it is written, from the https-urls finding on callbackUrl. */
function winner(result: LintResult | undefined, root: string): string | undefined {
  const finding = result?.messages.find((m) => m.ruleId === 'https-urls');
  if (!finding) return undefined;
  const level = /https:\/\/([a-z0-9-]+)\.acme\.io/.exec(finding.message)?.[1];
  const file = finding.filePath.startsWith('<') ? finding.filePath : path.relative(root, finding.filePath);
  return `${level} ${file}:${finding.line}:${finding.column}`;
}

function write(root: string, file: string, text: string): string {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
  return text;
}

describe('Argo CD: parameters > valuesObject > values > valueFiles (valuesObject replaces values)', () => {
  const levels = ['valueFiles', 'values', 'valuesObject', 'parameters'] as const;
  type Level = (typeof levels)[number];
  function application(present: readonly Level[]): string {
    const lines = ['apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: openmetadata', 'spec:', '  source:',
      '    repoURL: https://github.com/acme/platform.git', '    path: charts/openmetadata', '    helm:'];
    if (present.includes('valueFiles')) lines.push('      valueFiles:', '        - values-files.yaml');
    if (present.includes('values')) lines.push('      values: |', ...valuesFile('values').trimEnd().split('\n').map((line) => `        ${line}`));
    if (present.includes('valuesObject')) lines.push('      valuesObject:', '        openmetadata:', '          config:', '            authentication:', `              callbackUrl: ${url('valuesObject')}`);
    if (present.includes('parameters')) lines.push('      parameters:', `        - name: ${KEY}`, `          value: ${url('parameters')}`);
    return `${lines.join('\n')}\n`;
  }
  const root = tempDir();
  fs.mkdirSync(path.join(root, '.git'));
  fs.writeFileSync(path.join(root, '.git', 'config'), '[remote "origin"]\n\turl = https://github.com/acme/platform\n');
  const valueFilesText = write(root, 'charts/openmetadata/values-files.yaml', valuesFile('valueFiles'));
  const rows: [readonly Level[], Level][] = [
    [['valueFiles'], 'valueFiles'],
    [['valueFiles', 'values'], 'values'],
    [['valueFiles', 'valuesObject'], 'valuesObject'],
    [['valueFiles', 'values', 'valuesObject'], 'valuesObject'],
    [['valueFiles', 'parameters'], 'parameters'],
    [['valueFiles', 'values', 'parameters'], 'parameters'],
    [['valueFiles', 'values', 'valuesObject', 'parameters'], 'parameters'],
  ];
  it.each(rows)('%j: %s wins', (present, expected) => {
    const text = write(root, 'apps/openmetadata.yaml', application(present));
    const result = createLinter({ cwd: root, configFile: false }).lintFile(path.join(root, 'apps/openmetadata.yaml'));
    const where = expected === 'valueFiles' ? `charts/openmetadata/values-files.yaml:${at(valueFilesText, url(expected))}` : `apps/openmetadata.yaml:${at(text, url(expected))}`;
    expect(winner(result, root)).toBe(`${expected.toLowerCase()} ${where}`);
    // Values ignored because valuesObject is set are said so.
    const ignored = result?.messages.some((m) => m.ruleId === 'unread-values' && m.message.startsWith('spec.source.helm.values is ignored'));
    expect(ignored).toBe(present.includes('values') && present.includes('valuesObject'));
  });

  it('omlint --set is on top of the parameters', () => {
    write(root, 'apps/openmetadata.yaml', application(levels));
    const set: HelmSetOption[] = [{ flag: '--set', argument: `${KEY}=${url('command-line')}`, column: 7 }];
    const result = createLinter({ cwd: root, configFile: false, set }).lintFile(path.join(root, 'apps/openmetadata.yaml'));
    expect(winner(result, root)).toBe(`command-line <command line>:1:${7 + KEY.length + 1}`);
  });
});

describe('Flux: spec.values over valuesFrom', () => {
  function release(values: boolean): string {
    return ['apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata:', '  name: openmetadata', 'spec:', '  chart:', '    spec:',
      '      chart: openmetadata', '  valuesFrom:', '    - kind: Secret', '      name: om-values', `      targetPath: ${KEY}`, '  values:',
      ...valuesFile('spec-values').split('\n').filter((line) => values || !line.includes('callbackUrl')).map((line) => (line ? `    ${line}` : line))].join('\n');
  }
  const root = tempDir();
  it('spec.values wins over a valuesFrom targetPath', () => {
    const text = write(root, 'release.yaml', release(true));
    expect(winner(createLinter({ cwd: root, configFile: false }).lintFile(path.join(root, 'release.yaml')), root)).toBe(`spec-values release.yaml:${at(text, url('spec-values'))}`);
  });
  it('a value only valuesFrom sets is unknown: set, but never judged (no callback-url, no https-urls finding)', () => {
    write(root, 'release.yaml', release(false));
    const result = createLinter({ cwd: root, configFile: false }).lintFile(path.join(root, 'release.yaml'));
    expect(result?.messages.filter((m) => /callback|https-urls/.test(m.ruleId)).map((m) => m.ruleId)).toEqual([]);
    expect(result?.messages.some((m) => m.ruleId === 'unread-values' && m.line === 10)).toBe(true);
  });
});

describe('helmfile: values in list order, then set, then setString (Helm applies --set before --set-string)', () => {
  type Level = 'file-1' | 'inline' | 'file-2' | 'set' | 'setString';
  function helmfile(present: readonly Level[]): string {
    const lines = ['releases:', '  - name: openmetadata', '    chart: open-metadata/openmetadata', '    values:'];
    for (const level of present) {
      if (level === 'file-1' || level === 'file-2') lines.push(`      - ${level}.yaml`);
      if (level === 'inline') lines.push('      - openmetadata:', '          config:', '            authentication:', `              callbackUrl: ${url('inline')}`);
    }
    if (present.includes('set')) lines.push('    set:', `      - name: ${KEY}`, `        value: ${url('set')}`);
    if (present.includes('setString')) lines.push('    setString:', `      - name: ${KEY}`, `        value: ${url('setString')}`);
    return `${lines.join('\n')}\n`;
  }
  const root = tempDir();
  const files = { 'file-1': write(root, 'file-1.yaml', valuesFile('file-1')), 'file-2': write(root, 'file-2.yaml', valuesFile('file-2')) };
  it.each<[Level[], Level]>([
    [['file-1'], 'file-1'],
    [['file-1', 'inline'], 'inline'],
    [['file-1', 'inline', 'file-2'], 'file-2'],
    [['inline', 'file-1'], 'file-1'],
    [['file-1', 'inline', 'file-2', 'set'], 'set'],
    [['file-1', 'setString', 'set'], 'setString'],
  ])('%j: %s wins', (present, expected) => {
    const text = write(root, 'helmfile.yaml', helmfile(present));
    const where = expected === 'file-1' || expected === 'file-2' ? `${expected}.yaml:${at(files[expected], url(expected))}` : `helmfile.yaml:${at(text, url(expected))}`;
    expect(winner(createLinter({ cwd: root, configFile: false }).lintFile(path.join(root, 'helmfile.yaml')), root)).toBe(`${expected.toLowerCase()} ${where}`);
  });
});

describe('Kustomize: valuesFile, valuesInline over it (valuesMerge: override), additionalValuesFiles last', () => {
  type Level = 'valuesFile' | 'valuesInline' | 'additional';
  function kustomization(present: readonly Level[], merge?: string): string {
    const lines = ['helmCharts:', '  - name: openmetadata', '    repo: https://helm.open-metadata.org'];
    if (merge) lines.push(`    valuesMerge: ${merge}`);
    if (present.includes('valuesFile')) lines.push('    valuesFile: base.yaml');
    if (present.includes('valuesInline')) lines.push('    valuesInline:', '      openmetadata:', '        config:', '          authentication:', `            callbackUrl: ${url('valuesInline')}`);
    if (present.includes('additional')) lines.push('    additionalValuesFiles:', '      - additional.yaml');
    return `${lines.join('\n')}\n`;
  }
  const root = tempDir();
  const base = write(root, 'base.yaml', valuesFile('valuesFile'));
  const additional = write(root, 'additional.yaml', valuesFile('additional'));
  it.each<[Level[], string | undefined, Level]>([
    [['valuesFile'], undefined, 'valuesFile'],
    [['valuesFile', 'valuesInline'], undefined, 'valuesInline'],
    [['valuesFile', 'valuesInline'], 'override', 'valuesInline'],
    [['valuesFile', 'valuesInline'], 'merge', 'valuesFile'],
    [['valuesFile', 'valuesInline', 'additional'], undefined, 'additional'],
    [['valuesFile', 'valuesInline', 'additional'], 'merge', 'additional'],
  ])('%j, valuesMerge %s: %s wins', (present, merge, expected) => {
    const text = write(root, 'kustomization.yaml', kustomization(present, merge));
    const where = expected === 'valuesFile' ? `base.yaml:${at(base, url(expected))}` : expected === 'additional' ? `additional.yaml:${at(additional, url(expected))}` : `kustomization.yaml:${at(text, url(expected))}`;
    expect(winner(createLinter({ cwd: root, configFile: false }).lintFile(path.join(root, 'kustomization.yaml')), root)).toBe(`${expected.toLowerCase()} ${where}`);
  });
  it('valuesMerge: replace passes valuesInline alone, and says valuesFile is ignored', () => {
    write(root, 'kustomization.yaml', kustomization(['valuesFile', 'valuesInline'], 'replace'));
    const result = createLinter({ cwd: root, configFile: false }).lintFile(path.join(root, 'kustomization.yaml'));
    // valuesInline alone has no provider setup around callbackUrl: the file's values are not there.
    expect(result?.messages.some((m) => m.ruleId === 'unread-values' && /valuesFile base\.yaml is ignored: valuesMerge is replace/.test(m.message))).toBe(true);
    expect(result?.messages.some((m) => m.filePath.endsWith('base.yaml'))).toBe(false);
  });
});

describe('Helm: -f files in order, then --set-json, --set, --set-string, --set-file, whatever order they are given in', () => {
  const root = tempDir();
  write(root, 'a.yaml', valuesFile('file-a'));
  const b = write(root, 'b.yaml', ['openmetadata:', '  config:', '    authentication:', `      callbackUrl: ${url('file-b')}`, ''].join('\n'));
  fs.writeFileSync(path.join(root, 'callback.txt'), url('set-file'));
  const flags = {
    json: ['--set-json', `${KEY}="${url('set-json')}"`],
    set: ['--set', `${KEY}=${url('set')}`],
    string: ['--set-string', `${KEY}=${url('set-string')}`],
    file: ['--set-file', `${KEY}=callback.txt`],
  };
  it.each<[string[][], string]>([
    [[], 'file-b'],
    [[flags.json], 'set-json'],
    [[flags.set, flags.json], 'set'],
    [[flags.string, flags.set, flags.json], 'set-string'],
    [[flags.file, flags.string, flags.set, flags.json], 'set-file'],
  ])('%j: %s wins', (given, expected) => {
    const argv = ['-f', 'a.yaml', '-f', 'b.yaml', ...given.flat(), '--format', 'json'];
    const run = omlint(argv, root);
    const [result] = JSON.parse(run.stdout) as LintResult[];
    const finding = result.messages.find((m) => m.ruleId === 'https-urls');
    expect(finding?.message).toContain(`https://${expected}.acme.io`);
    if (expected === 'file-b') {
      expect(`${finding?.line}:${finding?.column}`).toBe(at(b, url('file-b')));
      return;
    }
    const commandLine = argv.join(' ');
    // --set-file: the value is the file's text; it lands on the file name in the argument.
    const value = expected === 'set-json' ? `"${url('set-json')}"` : expected === 'set-file' ? 'callback.txt' : url(expected);
    const argument = given.find(([flag]) => flag === `--${expected}`)?.[1] ?? '';
    const column = commandLine.indexOf(argument) + argument.indexOf(value) + 1;
    expect({ filePath: (finding as { filePath?: string }).filePath, line: finding?.line, column: finding?.column }).toEqual({ filePath: '<command line>', line: 1, column });
  });
});
