/**
 * GitOps files (docs/gitops.md): Argo CD Applications and ApplicationSets, Flux HelmReleases,
 * helmfiles and Kustomize's helmCharts, each linted as the release its tool hands to Helm. Every
 * finding is checked by rule, file, line and column (inside a block string too); each tool's
 * precedence is checked level by level; other charts' releases give no result at all.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLinter, LinterOptions, LintResult } from '../src';
import { tempDir } from './support/temp';
import { omlint } from './support/cli-in-process';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'gitops');
const CORPUS = path.join(__dirname, 'corpus', 'real-world', 'gitops');

/** The fixtures in a git repository of their own, whose remote is the `ref: values` source of the multi-source Application. */
function fixtureRepository(): string {
  const repo = tempDir();
  fs.cpSync(FIXTURES, repo, { recursive: true });
  fs.mkdirSync(path.join(repo, '.git'));
  fs.writeFileSync(path.join(repo, '.git', 'config'), '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:acme/platform-gitops.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n');
  // `$values/openmetadata/values-prod.yaml` is a path from the repository's root.
  fs.cpSync(path.join(repo, 'argo-cd-multi-source', 'openmetadata'), path.join(repo, 'openmetadata'), { recursive: true });
  return repo;
}

const repo = fixtureRepository();

/**
 * sso-validator's advice (the chart cannot set a provider name, the image's OIDC stub) fires on every
 * install of the chart: off here, so that each list shows what the fixture itself gets wrong; the
 * block-string test keeps it on, as two more findings placed inside the block.
 */
const WITHOUT_STOCK_ADVICE = { 'sso-validator': 'off' } as const;

function lint(file: string, options: Omit<LinterOptions, 'cwd'> = {}): LintResult | undefined {
  return createLinter({ cwd: repo, configFile: false, rules: WITHOUT_STOCK_ADVICE, ...options }).lintFile(path.join(repo, file));
}

/** Every finding as `file:line:column rule severity`, the file relative to the repository. */
function findings(result: LintResult | undefined): string[] {
  return (result?.messages ?? []).map((m) => `${path.relative(repo, m.filePath) || m.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.severity}`);
}

describe('each kind, every finding where the value is written', () => {
  it('an Argo CD Application with its values in a block string: findings on the lines and columns of the block', () => {
    expect(findings(lint('argo-cd-values-block/openmetadata.yaml', { rules: {} }))).toEqual([
      'argo-cd-values-block/openmetadata.yaml:21:11 default-signing-keys warn',
      'argo-cd-values-block/openmetadata.yaml:24:19 initial-admins warn',
      'argo-cd-values-block/openmetadata.yaml:26:13 self-signup info',
      'argo-cd-values-block/openmetadata.yaml:26:13 sso-validator info',
      'argo-cd-values-block/openmetadata.yaml:26:13 sso-validator info',
      'argo-cd-values-block/openmetadata.yaml:28:15 jwks-public-key error',
    ]);
  });

  it('a multi-source Application: $values files of this repository, valuesObject and parameters over them; other repositories named', () => {
    expect(findings(lint('argo-cd-multi-source/application.yaml'))).toEqual([
      'argo-cd-multi-source/application.yaml:20:13 unread-values info',
      'argo-cd-multi-source/application.yaml:21:13 unread-values info',
      'argo-cd-multi-source/application.yaml:24:13 default-signing-keys warn',
      'argo-cd-multi-source/application.yaml:25:15 self-signup info',
      'argo-cd-multi-source/application.yaml:29:20 valid-schema error',
    ]);
  });

  it('an ApplicationSet: template expressions are named once and never judged', () => {
    const result = lint('argo-cd-applicationset/openmetadata-appset.yaml');
    expect(findings(result)).toEqual([
      'argo-cd-applicationset/openmetadata-appset.yaml:30:15 default-signing-keys warn',
      'argo-cd-applicationset/openmetadata-appset.yaml:31:17 self-signup info',
      'argo-cd-applicationset/openmetadata-appset.yaml:36:29 unread-values info',
      'argo-cd-applicationset/openmetadata-appset.yaml:40:23 initial-admins warn',
    ]);
    expect(result?.messages.find((m) => m.ruleId === 'unread-values')?.message).toBe(
      '2 values of Argo CD ApplicationSet openmetadata are template expressions that the ApplicationSet controller renders before Helm reads ' +
        'them (openmetadata.config.authentication.clientId, openmetadata.config.authentication.callbackUrl); omlint cannot evaluate them and judges nothing they render to',
    );
  });

  it('a Flux HelmRelease: valuesFrom named (a targetPath value is set but unknown), spec.values read as YAML 1.1', () => {
    const result = lint('flux-helmrelease/openmetadata.yaml');
    expect(findings(result)).toEqual([
      'flux-helmrelease/openmetadata.yaml:28:7 unread-values info',
      'flux-helmrelease/openmetadata.yaml:30:7 client-type-oidc warn',
      'flux-helmrelease/openmetadata.yaml:30:7 unread-values info',
      'flux-helmrelease/openmetadata.yaml:36:7 default-signing-keys warn',
    ]);
    // `enableSelfSignup: off` is false to the Kubernetes API, as to Helm: no self-signup finding.
    expect(result?.messages.find((m) => m.ruleId === 'unread-values')?.message).toBe(
      'spec.valuesFrom[0]: values from the cluster (ConfigMap openmetadata-shared-values, key values.yaml), which omlint cannot read; ' +
        'omlint lints Flux HelmRelease openmetadata without it and guesses none of its values',
    );
  });

  it('a helmfile: values files and inline maps in order, set and setString on top, templates and secrets named', () => {
    expect(findings(lint('helmfile/helmfile.yaml'))).toEqual([
      'helmfile/helmfile.yaml:13:9 unread-values info',
      'helmfile/helmfile.yaml:15:11 default-signing-keys warn',
      'helmfile/helmfile.yaml:17:25 unread-values info',
      // Inline values are YAML 1.2 to helmfile (gopkg.in/yaml.v3): `off` stays a string.
      'helmfile/helmfile.yaml:18:33 valid-schema error',
      'helmfile/helmfile.yaml:20:9 unread-values info',
      'helmfile/helmfile.yaml:24:13 initial-admins warn',
      'helmfile/values/openmetadata.yaml:5:7 jwks-public-key error',
    ]);
  });

  it('a kustomization: valuesFile, valuesInline over it (YAML 1.1), additionalValuesFiles last', () => {
    expect(findings(lint('kustomize/kustomization.yaml'))).toEqual([
      'kustomize/kustomization.yaml:15:22 auth-disabled warn',
      'kustomize/values/prod.yaml:2:3 default-signing-keys warn',
      'kustomize/values/prod.yaml:3:5 self-signup info',
      'kustomize/values/prod.yaml:4:20 https-urls warn',
    ]);
  });
});

describe('other charts', () => {
  it.each(['argocd-airflow.yaml', 'flux-dependencies.yaml', 'helmfile.yaml', 'kustomization.yaml'])(
    '%s (another chart, though it names openmetadata) gives no result',
    (file) => expect(lint(path.join('other-charts', file))).toBeUndefined(),
  );

  it('a folder of other charts\' Argo CD, Flux, helmfile and Kustomize files, real and written here, lints silently', () => {
    for (const dir of [path.join(repo, 'other-charts'), CORPUS]) {
      const linter = createLinter({ cwd: dir, configFile: false });
      const files = [...linter.files(['.']), ...fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.ya?ml$/.test(file)).map((file) => path.join(dir, file))];
      expect(files.length).toBeGreaterThan(3);
      expect(files.flatMap((file) => linter.lintFile(file) ?? [])).toEqual([]);
    }
  });

  it('the default scan finds helmfile*.yaml and kustomization.yaml', () => {
    const files = createLinter({ cwd: repo, configFile: false }).files(['.']).map((file) => path.relative(repo, file));
    expect(files).toEqual(expect.arrayContaining(['helmfile/helmfile.yaml', 'kustomize/kustomization.yaml', 'other-charts/helmfile.yaml', 'other-charts/kustomization.yaml']));
    // Argo CD and Flux files have names of their own: found by the scan only when they match its patterns.
    expect(files).not.toContain('argo-cd-multi-source/application.yaml');
  });
});

/** Where `needle` starts in `text` (the `occurrence`-th time, from 1): `line:column`, 1-based. */
function at(text: string, needle: string, occurrence = 1): string {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** Writes `text` as `file` in a fresh folder and lints it there. */
function lintWritten(file: string, text: string): { dir: string; result: LintResult | undefined } {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, file), text);
  return { dir, result: createLinter({ cwd: dir, configFile: false, rules: WITHOUT_STOCK_ADVICE }).lintFile(path.join(dir, file)) };
}

const GOOGLE_VALUES = [
  'openmetadata:', '  config:', '    authentication:', '      provider: google', '      publicKeys:',
  '        - http://openmetadata:8585/api/v1/system/config/jwks', '        - https://www.googleapis.com/oauth2/v3/certs',
  '      authority: https://accounts.google.com', '      clientId: 123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com',
  '      callbackUrl: https://metadata.acme.io/callback', '      enableSelfSignup: false', '    authorizer:', '      initialAdmins: [alice]', '      principalDomain: acme.io',
  '    fernetkey:', '      secretRef: openmetadata-fernet', '      secretKey: fernet-key', '    jwtTokenConfiguration:',
  '      rsapublicKeyFilePath: /etc/openmetadata/jwt/public_key.der', '      rsaprivateKeyFilePath: /etc/openmetadata/jwt/private_key.der',
  '      keyId: 7c1e4f3a-prod',
];

function argoApplication(parameters: string[]): string {
  return ['apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: openmetadata', 'spec:', '  source:',
    '    repoURL: https://helm.open-metadata.org', '    chart: openmetadata', '    targetRevision: 1.13.1', '    helm:', '      valuesObject:',
    ...GOOGLE_VALUES.map((line) => `        ${line}`), '      parameters:', ...parameters, ''].join('\n');
}

describe('Argo CD parameters: Helm\'s --set typing, forceString as --set-string', () => {
  const entry = ['        - name: openmetadata.config.authentication.enableSelfSignup', '          value: "false"'];

  it('a complete setup gives no finding (the fixture values are right)', () => {
    expect(findings(lintWritten('app.yaml', argoApplication([])).result)).toEqual([]);
  });

  it('value "false" without forceString is the boolean false: no finding', () => {
    expect(findings(lintWritten('app.yaml', argoApplication(entry)).result)).toEqual([]);
  });

  it('with forceString: true it is the string "false", which the chart schema refuses, at the entry\'s value', () => {
    const text = argoApplication([...entry, '          forceString: true']);
    const { dir, result } = lintWritten('app.yaml', text);
    expect((result?.messages ?? []).map((m) => `${path.relative(dir, m.filePath)}:${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      `app.yaml:${at(text, '"false"')} valid-schema`,
    ]);
  });

  it('a list item by index lands on the entry\'s value; the list\'s other items stay in valuesObject', () => {
    const text = argoApplication(['        - name: openmetadata.config.authentication.publicKeys[1]', '          value: http://www.googleapis.com/oauth2/v3/certs']);
    const { result } = lintWritten('app.yaml', text);
    const where = at(text, 'http://www.googleapis');
    expect((result?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([`${where} https-urls`, `${where} idp-jwks-public-key`]);
  });
});

describe('template expressions are never reported as wrong values', () => {
  /** A helmfile whose inline values hold `values` under authentication; one release of another chart beside it. */
  function helmfile(values: string[]): string {
    return ['releases:', '  - name: openmetadata', '    chart: open-metadata/openmetadata', '    values:', '      - openmetadata:', '          config:',
      '            authentication:', '              provider: okta', ...values.map((line) => `              ${line}`),
      '            authorizer:', '              initialAdmins: [alice]', '              principalDomain: acme.io', ''].join('\n');
  }
  const wrong = ['clientId: not-an-okta-id', 'authority: acme.okta.com', 'publicKeys:', '  - https://acme.okta.com/oauth2/default/v1/keys', 'callbackUrl: http://metadata.acme.io/callback'];
  const templated = ['clientId: \'{{ requiredEnv "OM_CLIENT_ID" }}\'', 'authority: \'{{ .Values.okta.issuer }}\'', 'publicKeys:',
    '  - \'{{ .Values.okta.jwks }}\'', 'callbackUrl: \'{{ .Values.host }}/callback\''];

  it('the same keys written wrong are findings at each value', () => {
    const text = helmfile(wrong);
    const lines = new Set((lintWritten('helmfile.yaml', text).result?.messages ?? []).map((m) => m.line));
    for (const needle of ['not-an-okta-id', 'acme.okta.com\n', 'publicKeys:', 'http://metadata.acme.io']) {
      expect(lines).toContain(Number(at(text, needle).split(':')[0]));
    }
  });

  it('written as template expressions: nothing about them, one unread-values info naming them', () => {
    const text = helmfile(templated);
    const { result } = lintWritten('helmfile.yaml', text);
    const templateLines = templated.map((line) => Number(at(text, line.trim()).split(':')[0]));
    const about = (result?.messages ?? []).filter((m) => templateLines.includes(m.line) || m.ruleId === 'unread-values');
    expect(about.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity}`)).toEqual([`${at(text, '\'{{ requiredEnv')} unread-values info`]);
    expect(about[0].message).toMatch(/^4 values of helmfile release openmetadata are template expressions that helmfile renders before Helm reads them /);
  });

  it('a URL templated only in its host: the host is never judged, the written path still is', () => {
    const lines = (callback: string): string[] => ['publicKeys:', '  - http://openmetadata:8585/api/v1/system/config/jwks',
      '  - \'https://{{ .Values.oktaHost }}/oauth2/default/v1/keys\'', 'authority: \'https://{{ .Values.oktaHost }}/oauth2/default\'',
      'clientId: 0oa1b2c3d4e5f6g7h8i9', `callbackUrl: '${callback}'`];
    const clean = lintWritten('helmfile.yaml', helmfile(lines('https://{{ .Values.host }}/callback'))).result;
    expect((clean?.messages ?? []).filter((m) => m.severity !== 'info' && m.ruleId !== 'default-signing-keys')).toEqual([]);
    const text = helmfile(lines('https://{{ .Values.host }}/callbak'));
    const wrong = (lintWritten('helmfile.yaml', text).result?.messages ?? []).filter((m) => m.severity !== 'info' && m.ruleId !== 'default-signing-keys');
    expect(wrong.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([`${at(text, '\'https://{{ .Values.host }}/callbak')} callback-url`]);
    expect(wrong[0].message).toContain('Write "https://{{ .Values.host }}/callback"');
  });
});

describe('a file with OpenMetadata\'s release and another chart\'s', () => {
  it('lints only OpenMetadata\'s release, though the other one\'s values are the same', () => {
    const values = (callback: string): string[] => ['    values:', `      - ${GOOGLE_VALUES[0]}`,
      ...GOOGLE_VALUES.slice(1).map((line) => `        ${line.replace('https://metadata.acme.io/callback', callback)}`)];
    const other = ['  - name: openmetadata-dependencies', '    chart: open-metadata/openmetadata-dependencies', ...values('http://other.acme.io/callback')];
    const own = ['  - name: openmetadata', '    chart: oci://ghcr.io/acme/charts/openmetadata', ...values('http://metadata.acme.io/callback')];
    const text = ['releases:', ...other, ...own, ''].join('\n');
    const { result } = lintWritten('helmfile.yaml', text);
    expect((result?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([`${at(text, 'http://metadata.acme.io/callback')} https-urls`]);
  });
});

describe('--fix', () => {
  function fixRun(args: string[], file: string, text: string) {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, file), text);
    const run = omlint([...args, file], dir);
    return { ...run, dir, after: fs.readFileSync(path.join(dir, file), 'utf8') };
  }
  const block = fs.readFileSync(path.join(FIXTURES, 'argo-cd-values-block', 'openmetadata.yaml'), 'utf8');
  /** The fixture with OpenMetadata's JWKS entry added where --fix adds it: after the list's last item, at its indentation. */
  const fixedBlock = block.replace('                - https://acme.okta.com/oauth2/default/v1/keys\n',
    '                - https://acme.okta.com/oauth2/default/v1/keys\n                - http://openmetadata:8585/api/v1/system/config/jwks\n');

  it('inside a literal block string: fixed there, at the block\'s indentation, nothing else changed', () => {
    const run = fixRun(['--fix', '--quiet'], 'app.yaml', block);
    expect(run.stderr).toBe('');
    expect(run.after).toBe(fixedBlock);
    expect(run.code).toBe(0);
  });

  it.each([['|-', ''], ['|+', '\n\n']])('a %s block, its list the last lines of the block: fixed, the line breaks after it kept', (header, trailer) => {
    const lastLines = ['              authority: https://acme.okta.com/oauth2/default', '              clientId: 0oa1b2c3d4e5f6g7h8i9',
      '              callbackUrl: https://metadata.acme.io/callback', '              publicKeys:', '                - https://acme.okta.com/oauth2/default/v1/keys'];
    const text = `${block.slice(0, block.indexOf('              publicKeys:')).replace('values: |', `values: ${header}`)}${lastLines.join('\n')}\n${trailer}`;
    const run = fixRun(['--fix', '--quiet'], 'app.yaml', text);
    expect(run.after).toBe(`${text.slice(0, text.length - trailer.length)}                - http://openmetadata:8585/api/v1/system/config/jwks\n${trailer}`);
    expect(run.code).toBe(0);
  });

  it('--fix-dry-run prints the fixed file and writes nothing; --format json carries the edit as ESLint\'s fix', () => {
    const dry = fixRun(['--fix-dry-run', '--format', 'json'], 'app.yaml', block);
    expect(dry.after).toBe(block);
    expect(JSON.parse(dry.stdout)[0].output).toBe(fixedBlock);
    const json = fixRun(['--format', 'json'], 'app.yaml', block);
    const finding = JSON.parse(json.stdout)[0].messages.find((m: { ruleId: string }) => m.ruleId === 'jwks-public-key');
    const offset = block.indexOf('              authority:');
    expect(finding.fix).toEqual({ range: [offset, offset], text: '                - http://openmetadata:8585/api/v1/system/config/jwks\n' });
  });

  it('inside a folded (>) string, whose lines are not the text: says plainly that it cannot, and leaves the file as it was', () => {
    const folded = block.replace('values: |', 'values: >');
    const run = fixRun(['--fix', '--quiet'], 'app.yaml', folded);
    expect(run.after).toBe(folded);
    expect(run.stderr).toBe(`omlint: ${path.join(run.dir, 'app.yaml')}: 1 fixable finding is not fixed: jwks-public-key at 19:7: ` +
      'it is written in spec.source.helm.values, a YAML text inside a string that is no literal block (|), which --fix does not edit\n');
    expect(run.code).toBe(1);
  });

  it('in valuesObject, a map of the file: fixed in place, nothing else changed', () => {
    const object = block.replace('values: |', 'valuesObject:');
    const run = fixRun(['--fix', '--quiet'], 'app.yaml', object);
    expect(run.stderr).toBe('');
    expect(run.after).toBe(object.replace('                - https://acme.okta.com/oauth2/default/v1/keys\n',
      '                - https://acme.okta.com/oauth2/default/v1/keys\n                - http://openmetadata:8585/api/v1/system/config/jwks\n'));
    expect(run.code).toBe(0);
  });

  it('a list a --set-json argument wrote: not fixed, said so (the finding on the argument\'s name)', () => {
    const values = ['openmetadata:', '  config:', '    authentication:', '      provider: okta', '      publicKeys:', '        - http://openmetadata:8585/api/v1/system/config/jwks', ''].join('\n');
    const run = fixRun(['--fix', '--quiet', '--set-json', 'openmetadata.config.authentication.publicKeys=["https://acme.okta.com/oauth2/default/v1/keys"]'], 'values.yaml', values);
    expect(run.after).toBe(values);
    expect(run.stderr).toBe(`omlint: ${path.join(run.dir, 'values.yaml')}: 1 fixable finding is not fixed: jwks-public-key at <command line>:1:` +
      `${'--fix --quiet --set-json '.length + 1}: a --set argument of the command line sets it\n`);
  });
});

describe('the chart release a GitOps file pins is the chart version its release is judged by', () => {
  const values = (indent: string) => GOOGLE_VALUES.map((line) => `${indent}${line}`);
  const files: Record<string, (version: string) => [string, string]> = {
    'Argo CD targetRevision': (version) => ['app.yaml', argoApplication([]).replace('targetRevision: 1.13.1', `targetRevision: "${version}"`)],
    'Flux spec.chart.spec.version': (version) => ['release.yaml', ['apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata:', '  name: openmetadata',
      'spec:', '  chart:', '    spec:', '      chart: openmetadata', `      version: "${version}"`, '  values:', ...values('    '), ''].join('\n')],
    'helmfile version': (version) => ['helmfile.yaml', ['releases:', '  - name: openmetadata', '    chart: open-metadata/openmetadata', `    version: "${version}"`,
      '    values:', '      -', ...values('        '), ''].join('\n')],
    'Kustomize version': (version) => ['kustomization.yaml', ['helmCharts:', '  - name: openmetadata', '    repo: https://helm.open-metadata.org', `    version: "${version}"`,
      '    valuesInline:', ...values('      '), ''].join('\n')],
  };
  /** The SSO validator's advice exists from OpenMetadata 1.10 (chart 1.10.x) on: whether the release got it tells the version it was judged by. */
  const validatorAdvice = ([file, text]: [string, string], chartVersion?: string): number => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, file), text);
    const result = createLinter({ cwd: dir, configFile: false, chartVersion }).lintFile(path.join(dir, file));
    return (result?.messages ?? []).filter((m) => m.ruleId === 'sso-validator').length;
  };

  for (const [kind, write] of Object.entries(files)) {
    it(`${kind}: 1.6.3 pins a chart before the validator, 1.12.7 one with it; a range pins none; --chart-version wins`, () => {
      expect(validatorAdvice(write('1.6.3'))).toBe(0);
      expect(validatorAdvice(write('1.12.7'))).toBeGreaterThan(0);
      expect(validatorAdvice(write('1.6.*'))).toBeGreaterThan(0);
      expect(validatorAdvice(write('1.6.3'), '1.12.7')).toBeGreaterThan(0);
    });
  }

  it('an Argo CD source from git: targetRevision is a git ref, not a chart release', () => {
    const fromGit = argoApplication([]).replace('    chart: openmetadata\n    targetRevision: 1.13.1', '    path: charts/openmetadata\n    targetRevision: "1.6.3"');
    expect(validatorAdvice(['app.yaml', fromGit])).toBeGreaterThan(0);
  });
});
