/**
 * Every output format on real lint results: each parses as what it claims to be (SARIF against the
 * SARIF 2.1.0 schema, XML, JSON), carries the documented fields, and never carries a secret. Every
 * format is written result by result (the CLI streams it); its bytes are pinned by a snapshot taken
 * from the whole-run formatters before they were streamed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lintText } from './support/lint';
import { RULES } from '../src/rules';
import { FORMAT_NAMES, loadFormatter } from '../src/formatters';
import type { FormatterContext, StreamingFormatter } from '../src/formatters/types';
import type { Finding, LintResult } from '../src/types';
import { escapeData, escapeProperty, ANNOTATIONS_PER_LEVEL, PLAIN_LINES } from '../src/formatters/github';
import { resultFingerprints } from '../src/formatters/fingerprint';
import { docsUrl } from '../src/rules/support/rule';
import { omlint } from './support/cli-in-process';

const ROOT = path.join(__dirname, '..');
const CWD = fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-formats-'));
afterAll(() => fs.rmSync(CWD, { recursive: true, force: true }));

/** Distinctive secret values in every secret-bearing key; none may reach any output. */
const SECRETS = [
  'OMLINT-TEST-SECRET-oidc-{your client secret}',
  'OMLINT-TEST-SECRET-ldap-changeme',
  'OMLINT-TEST-SECRET-truststore-${TRUSTSTORE_PASSWORD:-xxx}',
  'OMLINT-TEST-SECRET-fernet-${FERNET_KEY}',
  'OMLINT-TEST-SECRET-env-<secret>',
  'OMLINT-TEST-SECRET-saml-key-{private key}',
];
const SECRET_VALUES = `openmetadata:
  config:
    authentication:
      provider: custom-oidc
      publicKeys:
        - https://sso.acme.io/realms/prod/protocol/openid-connect/certs
      authority: https://sso.acme.io/realms/prod
      clientId: openmetadata
      callbackUrl: https://metadata.acme.io/callback
      oidcConfiguration:
        enabled: true
        clientSecret: "${SECRETS[0]}"
      ldapConfiguration:
        dnAdminPassword: "${SECRETS[1]}"
        trustStoreConfig:
          customTrustManagerConfig:
            trustStorePassword: "${SECRETS[2]}"
      samlConfiguration:
        sp:
          spPrivateKey: "${SECRETS[5]}"
    fernetkey:
      value: "${SECRETS[3]}"
extraEnvs:
  - name: OIDC_CLIENT_SECRET
    value: "${SECRETS[4]}"
`;

/** XML-hostile text in messages: markup characters and a control character from a YAML escape. */
const HOSTILE_VALUES = `openmetadata:
  config:
    authentication:
      provider: azure
      publicKeys:
        - "https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys?a=1&b='2'"
      authority: "https://login.microsoftonline.com/{Tenant ID}\\x01]]>"
      clientId: "{Client ID} %0A::error::injected, title=x"
`;

/**
 * The structure rules, all errors: what the shape assertions below are written for. The secrets
 * file is linted with every rule, so that no rule's message can leak into any format.
 */
const STRUCTURE_RULES = ['jwks-public-key', 'no-dotted-keys', 'no-placeholders', 'no-plaintext-secrets', 'no-unknown-keys', 'public-keys-urls', 'valid-schema'];
const ONLY_STRUCTURE = Object.fromEntries(RULES.filter((r) => !STRUCTURE_RULES.includes(r.id)).map((r) => [r.id, 'off' as const]));

function lintAs(name: string, text: string, allRules = false): LintResult {
  const file = path.join(CWD, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const result = lintText(text, file, allRules ? {} : { rules: ONLY_STRUCTURE });
  if (!result) throw new Error(`${name}: no auth settings`);
  return result;
}

const demoText = fs.readFileSync(path.join(ROOT, 'fixtures', 'demo', 'values-broken.yaml'), 'utf8');
const cleanText = fs.readFileSync(path.join(ROOT, 'fixtures', 'examples', 'values-google.yaml'), 'utf8');
const secrets = lintAs('helm/values-secrets.yaml', SECRET_VALUES, true);
const hostile = lintAs('helm/values hostile.yaml', HOSTILE_VALUES);
const demo = lintAs('values-demo.yaml', demoText);
const clean = lintAs('values-clean.yaml', cleanText);
const context: FormatterContext = { cwd: CWD, color: false, rules: RULES };

function format(name: string, results: readonly LintResult[], ctx: FormatterContext = context): string {
  const formatter = loadFormatter(name);
  if (!formatter) throw new Error(`no formatter ${name}`);
  return formatter(results, ctx);
}

function finding(overrides: Partial<Finding>): Finding {
  return { ruleId: 'jwks-public-key', severity: 'error', message: 'm', filePath: path.join(CWD, 'values.yaml'), line: 1, column: 1, endLine: 1, endColumn: 2, ...overrides };
}

function resultOf(filePath: string, messages: Finding[]): LintResult {
  const count = (severity: string): number => messages.filter((m) => m.severity === severity).length;
  return { filePath, messages, errorCount: count('error'), warningCount: count('warn'), infoCount: count('info') };
}

it('the fixtures give the findings the tests rely on', () => {
  expect(clean.messages).toEqual([]);
  expect(demo.errorCount).toBeGreaterThan(3);
  // The secret file's findings quote secret values: the funnel must have redacted them.
  expect(secrets.messages.some((m) => m.message.includes('«redacted»'))).toBe(true);
  expect(hostile.messages.some((m) => m.message.includes('<') && m.message.includes('&'))).toBe(true);
  expect(hostile.messages.some((m) => m.message.includes(String.fromCharCode(1)))).toBe(true);
});

describe('secrets', () => {
  it.each(FORMAT_NAMES.map((name) => [name]))('%s output holds no secret value', (name) => {
    const output = format(name, [secrets, demo], { ...context, color: name === 'stylish' });
    expect(output.length).toBeGreaterThan(0);
    for (const secret of SECRETS) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(secret.slice(0, 28));
    }
  });

  it('no format written by the CLI holds a secret value, on stdout or in -o files', () => {
    const args = FORMAT_NAMES.flatMap((name) => ['--format', name, '-o', `out/report.${name}`]);
    const cli = omlint([...args, '--format', 'stylish', 'helm/values-secrets.yaml'], CWD);
    expect(cli.code).toBe(1);
    const outputs = [cli.stdout, ...FORMAT_NAMES.map((name) => fs.readFileSync(path.join(CWD, 'out', `report.${name}`), 'utf8'))];
    expect(outputs.every((text) => text.length > 0)).toBe(true);
    for (const text of [...outputs, cli.stderr]) for (const secret of SECRETS) expect(text).not.toContain(secret.slice(0, 28));
  });
});

describe('sarif', () => {
  const sarifOf = (results: readonly LintResult[]) => JSON.parse(format('sarif', results));

  function rtm5Validator() {
    // The schema @microsoft/jest-sarif ships (2.1.0-rtm.5, JSON Schema draft-04; its matcher itself
    // cannot load here). Its language-code pattern is not valid with the `u` flag, hence unicodeRegExp.
    const schema = { ...require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') };
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile(schema);
  }

  it.each([
    ['findings', () => [demo, secrets, hostile]],
    ['a clean run', () => [clean]],
    ['no file', () => []],
  ])('validates against the SARIF 2.1.0 schema through ajv: %s', (_name, results) => {
    const validate = rtm5Validator();
    const log = sarifOf(results());
    const valid = validate(log);
    expect(valid ? [] : validate.errors).toEqual([]);
    expect(valid).toBe(true);
    // The validator does catch a broken log.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('lists every rule with id, short description, help URI and default level', () => {
    const driver = sarifOf([]).runs[0].tool.driver;
    expect(driver.name).toBe('omlint');
    for (const rule of RULES) {
      const descriptor = driver.rules.find((r: { id: string }) => r.id === rule.id);
      expect(descriptor).toEqual({
        id: rule.id,
        shortDescription: { text: rule.description },
        helpUri: docsUrl(rule.id),
        defaultConfiguration: { level: rule.severity === 'warn' ? 'warning' : rule.severity === 'info' ? 'note' : 'error' },
      });
    }
  });

  it('has an empty results array when clean', () => {
    expect(sarifOf([clean]).runs[0].results).toEqual([]);
  });

  it('places results with relative %SRCROOT% URIs and full regions', () => {
    const run = sarifOf([demo, hostile]).runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/\/.*\/$/);
    expect(run.results).toHaveLength(demo.messages.length + hostile.messages.length);
    const first = run.results[0];
    const m = demo.messages[0];
    expect(first.ruleId).toBe(m.ruleId);
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe(m.ruleId);
    expect(first.level).toBe('error');
    expect(first.message.text).toBe(m.message);
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'values-demo.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
    });
    const spaced = run.results[demo.messages.length].locations[0].physicalLocation.artifactLocation;
    expect(spaced).toEqual({ uri: 'helm/values%20hostile.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('reports warn as "warning" and info as "note", info only with showInfo', () => {
    const results = [resultOf(path.join(CWD, 'v.yaml'), [finding({ severity: 'info' }), finding({ severity: 'warn', line: 2, endLine: 2 })])];
    const levels = (log: { runs: { results: { level: string }[] }[] }): string[] => log.runs[0].results.map((r) => r.level);
    expect(levels(sarifOf(results))).toEqual(['warning']);
    expect(levels(JSON.parse(format('sarif', results, { ...context, showInfo: true })))).toEqual(['note', 'warning']);
  });

  const multitool = (() => {
    try {
      return require.resolve('@microsoft/sarif-multitool');
    } catch {
      return undefined;
    }
  })();
  const withMultitool = multitool ? it : it.skip;
  withMultitool(
    `${multitool ? '' : '[skipped: @microsoft/sarif-multitool is not installed; .ci/run installs it with npm install --no-save] '}` +
      'is accepted by the SARIF Multitool and by its SARIF 2.1.0 schema',
    () => {
      const binary = require(path.dirname(multitool as string) + '/index.js') as string;
      if (!(fs.statSync(binary).mode & 0o100)) fs.chmodSync(binary, 0o755);
      const finalSchema = require(path.join(path.dirname(binary), 'sarif-2.1.0.json'));
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(finalSchema);
      for (const results of [[demo, secrets, hostile], [clean]]) {
        const file = path.join(CWD, 'out', `multitool-${results.length}.sarif`);
        fs.rmSync(`${file}.validation.sarif`, { force: true });
        const text = format('sarif', results);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        expect(validate(JSON.parse(text)) ? [] : validate.errors).toEqual([]);
        const out = spawnSync(binary, ['validate', file, '-o', `${file}.validation.sarif`], { encoding: 'utf8' });
        expect(`${out.stdout}${out.stderr}`).toContain('Analysis completed successfully');
        expect(out.status).toBe(0);
        const validation = JSON.parse(fs.readFileSync(`${file}.validation.sarif`, 'utf8'));
        const problems = validation.runs[0].results.filter((r: { level?: string }) => r.level === 'error');
        expect(problems).toEqual([]);
      }
    },
    120_000,
  );
});

describe('junit and checkstyle', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'file', 'error'].includes(name) });

  it.each([['junit'], ['checkstyle']])('%s is well-formed XML, with hostile text escaped', (name) => {
    for (const results of [[demo, hostile, secrets], [clean], []]) {
      const xml = format(name, results);
      expect(XMLValidator.validate(xml)).toBe(true);
    }
  });

  it('junit has a failing test case for each error and warning and a passing one for a clean file', () => {
    const warned = resultOf(path.join(CWD, 'w.yaml'), [finding({ severity: 'warn' }), finding({ severity: 'info', line: 3, endLine: 3 })]);
    const doc = parser.parse(format('junit', [demo, clean, warned]));
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['values-demo.yaml', 'values-clean.yaml', 'w.yaml']);
    expect(Number(doc.testsuites.failures)).toBe(demo.errorCount + 1);
    expect(suites[0].testcase).toHaveLength(demo.messages.length);
    expect(suites[0].testcase[0].failure.message).toBe(demo.messages[0].message);
    expect(suites[1].testcase).toHaveLength(1);
    expect(suites[1].testcase[0].failure).toBeUndefined();
    expect(suites[2].testcase).toHaveLength(1);
    expect(suites[2].testcase[0].failure.type).toBe('warning');
    // With showInfo, the advice is a passing test case with the advice as its output.
    const shown = parser.parse(format('junit', [warned], { ...context, showInfo: true })).testsuites;
    expect(Number(shown.tests)).toBe(2);
    expect(Number(shown.failures)).toBe(1);
    expect(shown.testsuite[0].testcase[1].failure).toBeUndefined();
    expect(shown.testsuite[0].testcase[1]['system-out']).toMatch(/^values\.yaml:3:1: info m \[jwks-public-key\]/);
  });

  it('checkstyle has one error element per finding with line, column, severity and source', () => {
    const doc = parser.parse(format('checkstyle', [demo, hostile]));
    const files = doc.checkstyle.file;
    expect(files.map((f: { name: string }) => f.name)).toEqual(['values-demo.yaml', 'helm/values hostile.yaml']);
    const errors = files[1].error;
    expect(errors).toHaveLength(hostile.messages.length);
    hostile.messages.forEach((m, i) => {
      expect(errors[i]).toMatchObject({ line: String(m.line), column: String(m.column), severity: 'error', source: `omlint.rules.${m.ruleId}` });
    });
    expect(errors.some((e: { message: string }) => e.message.includes('<tenant>') && e.message.includes('&b='))).toBe(true);
  });
});

describe('gitlab', () => {
  it('is a JSON array of Code Quality issues with the documented fields', () => {
    const issues = JSON.parse(format('gitlab', [demo, clean]));
    expect(issues).toHaveLength(demo.messages.length);
    issues.forEach((issue: { description: string; check_name: string; severity: string; fingerprint: string; location: unknown }, i: number) => {
      const m = demo.messages[i];
      expect(issue.description).toBe(m.message);
      expect(issue.check_name).toBe(m.ruleId);
      expect(issue.severity).toBe('major');
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(issue.location).toEqual({ path: 'values-demo.yaml', lines: { begin: m.line, end: m.endLine } });
    });
    expect(new Set(issues.map((issue: { fingerprint: string }) => issue.fingerprint)).size).toBe(issues.length);
    expect(JSON.parse(format('gitlab', [clean]))).toEqual([]);
  });

  it('keeps fingerprints when lines move and changes them when the file or the fault changes', () => {
    const shifted = lintAs('values-demo.yaml', `# a comment\n# another\n\n${demoText}`);
    expect(shifted.messages[0].line).toBe(demo.messages[0].line + 3);
    const before = resultFingerprints(demo, CWD);
    expect(resultFingerprints(shifted, CWD)).toEqual(before);
    const renamed = { ...demo, filePath: path.join(CWD, 'other.yaml'), messages: demo.messages.map((m) => ({ ...m, filePath: path.join(CWD, 'other.yaml') })) };
    expect(resultFingerprints(renamed, CWD).some((print, i) => print === before[i])).toBe(false);
    const fixedOne = lintAs('values-demo.yaml', demoText.replace('clientId: "{Client ID}"', 'clientId: "4f0c3f7a-9d2e-4b7c-8a51-2f6e0d9c1b3a"'));
    const kept = resultFingerprints(fixedOne, CWD);
    expect(kept).toHaveLength(before.length - 1);
    expect(kept.every((print) => before.includes(print))).toBe(true);
  });
});

/**
 * README, "Severity policy": info findings are advice, left out of every format unless showInfo asks
 * for them, and every count a format prints counts what it prints. The advice here is real: the demo
 * file linted with its placeholders set to info (a rule's severity set as a user would), so the test
 * holds whatever severities the rules give by default.
 */
describe('the severity policy', () => {
  const advisedAll = lintText(demoText, path.join(CWD, 'values-advised.yaml'), { rules: { ...ONLY_STRUCTURE, 'no-placeholders': 'info', 'no-dotted-keys': 'warn' } }) as LintResult;
  // The correct file without OpenMetadata's JWKS in publicKeys, that finding set to info; sso-validator's
  // advice, which every stock chart install gets, is off so that finding is the only one.
  const noJwks = cleanText.replace(/^ *- "http:\/\/openmetadata:8585\/api\/v1\/system\/config\/jwks"\n/m, '');
  const adviceOnly = lintText(noJwks, path.join(CWD, 'values-advice.yaml'), { rules: { 'jwks-public-key': 'info', 'sso-validator': 'off' } }) as LintResult;
  const withoutInfo = (result: LintResult): LintResult => ({ ...result, messages: result.messages.filter((m) => m.severity !== 'info'), infoCount: 0 });
  const shown = { ...context, showInfo: true };

  it('has results with advice to show', () => {
    expect(noJwks).not.toBe(cleanText);
    expect(advisedAll.infoCount).toBeGreaterThan(0);
    expect(advisedAll.warningCount).toBeGreaterThan(0);
    expect(advisedAll.errorCount).toBeGreaterThan(0);
    expect(adviceOnly.messages.length).toBeGreaterThan(0);
    expect(adviceOnly.messages.every((m) => m.severity === 'info')).toBe(true);
  });

  it.each(FORMAT_NAMES.map((name) => [name]))('%s writes a file with nothing but advice as a clean file, and leaves advice out elsewhere', (name) => {
    expect(format(name, [adviceOnly])).toBe(format(name, [withoutInfo(adviceOnly)]));
    expect(format(name, [advisedAll, adviceOnly])).toBe(format(name, [withoutInfo(advisedAll), withoutInfo(adviceOnly)]));
    // With showInfo, the advice is there: more text than without.
    expect(format(name, [advisedAll], shown).length).toBeGreaterThan(format(name, [advisedAll]).length);
  });

  it('stylish, compact and github print nothing at all for a file with nothing but advice', () => {
    for (const name of ['stylish', 'compact', 'github']) expect(format(name, [adviceOnly, clean])).toBe('');
  });

  it('each format writes advice at its own lowest level with showInfo', () => {
    const n = adviceOnly.messages.length;
    const m = adviceOnly.messages[0];
    const stylish = format('stylish', [adviceOnly], shown);
    expect(stylish).toMatch(new RegExp(`^  ${m.line}:${m.column}\\s+info\\s+`, 'm'));
    expect(stylish).toContain(`\n${n} info finding${n === 1 ? '' : 's'}\n`);
    expect(stylish).not.toContain('\u2716');
    expect(format('compact', [adviceOnly], shown).split('\n').every((line) => / info .* \[jwks-public-key\]$/.test(line))).toBe(true);
    expect(format('github', [adviceOnly], shown).split('\n').every((line) => line.startsWith('::notice file=values-advice.yaml,'))).toBe(true);
    expect(JSON.parse(format('sarif', [adviceOnly], shown)).runs[0].results.map((r: { level: string }) => r.level)).toEqual(Array(n).fill('note'));
    expect(JSON.parse(format('gitlab', [adviceOnly], shown)).map((i: { severity: string }) => i.severity)).toEqual(Array(n).fill('info'));
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (tag) => ['file', 'error', 'testsuite', 'testcase'].includes(tag) });
    expect(parser.parse(format('checkstyle', [adviceOnly], shown)).checkstyle.file[0].error.map((e: { severity: string }) => e.severity)).toEqual(Array(n).fill('info'));
    const junit = parser.parse(format('junit', [adviceOnly], shown)).testsuites;
    expect([Number(junit.tests), Number(junit.failures)]).toEqual([n, 0]);
  });

  it('stylish counts only what it prints: ESLint\'s summary for errors and warnings, advice after it', () => {
    const count = (severity: string): number => advisedAll.messages.filter((m) => m.severity === severity).length;
    const [errors, warnings, infos] = [count('error'), count('warn'), count('info')];
    const plural = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;
    const problems = `\u2716 ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    expect(format('stylish', [advisedAll])).toContain(`\n${problems}\n`);
    expect(format('stylish', [advisedAll], shown)).toContain(`\n${problems} and ${plural(infos, 'info finding')}\n`);
    expect(format('stylish', [advisedAll], shown).match(/^\s+\d+:\d+\s+info\s/gm)).toHaveLength(infos);
  });

  describe('json', () => {
    type Message = { severity: number; level: string };
    const parsed = (showInfo: boolean): { messages: Message[]; errorCount: number; warningCount: number }[] =>
      JSON.parse(format('json', [advisedAll, adviceOnly, clean], { ...context, showInfo }));

    it.each([[false], [true]])('has ESLint severities only, 1 or 2, a level on every message, and ESLint\'s counts (showInfo %s)', (showInfo) => {
      const results = parsed(showInfo);
      expect(results).toHaveLength(3);
      for (const result of results) {
        for (const m of result.messages) {
          expect([1, 2]).toContain(m.severity);
          expect(m.severity === 2 ? ['error'] : ['warning', 'info']).toContain(m.level);
        }
        expect(result.errorCount).toBe(result.messages.filter((m) => m.severity === 2).length);
        expect(result.warningCount).toBe(result.messages.filter((m) => m.severity === 1).length);
        expect(Object.keys(result)).not.toContain('infoCount');
      }
      const levels = results.flatMap((result) => result.messages.map((m) => m.level));
      expect(levels.filter((level) => level === 'info')).toHaveLength(showInfo ? advisedAll.infoCount + adviceOnly.infoCount : 0);
      expect(results[1].messages).toHaveLength(showInfo ? adviceOnly.messages.length : 0);
    });

    it.each([[false], [true]])('reads in ESLint\'s own stylish formatter with the same counts (showInfo %s)', async (showInfo) => {
      const { ESLint } = require('eslint');
      const eslintStylish = await new ESLint().loadFormatter('stylish');
      // eslint-disable-next-line no-control-regex
      const summaryOf = (text: string): string | undefined => text.replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((line) => line.startsWith('\u2716'));
      for (const results of [[advisedAll, adviceOnly, clean], [adviceOnly, clean], [demo]]) {
        const ours = format('stylish', results, { ...context, showInfo });
        const theirs: string = eslintStylish.format(JSON.parse(format('json', results, { ...context, showInfo })));
        const infos = showInfo ? results.reduce((sum, result) => sum + result.infoCount, 0) : 0;
        if (infos === 0) {
          expect(summaryOf(theirs)).toBe(summaryOf(ours));
          expect(theirs === '').toBe(ours === '');
        } else {
          // ESLint has no info: it counts the advice as the warnings it is written as (severity 1).
          const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
          const warnings = results.reduce((sum, result) => sum + result.warningCount, 0) + infos;
          const total = errors + warnings;
          expect(summaryOf(theirs)).toBe(`\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`);
        }
      }
    });
  });
});

describe('json', () => {
  it('keeps the contract of docs/json-output.md', () => {
    const parsed = JSON.parse(format('json', [demo, clean]));
    expect(parsed).toHaveLength(2);
    expect(Object.keys(parsed[0])).toEqual([
      'filePath', 'messages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules',
    ]);
    expect(parsed[0].filePath).toBe(demo.filePath);
    expect(parsed[0].messages[0]).toEqual({
      ruleId: demo.messages[0].ruleId, severity: 2, level: 'error', message: demo.messages[0].message,
      line: demo.messages[0].line, column: demo.messages[0].column, endLine: demo.messages[0].endLine, endColumn: demo.messages[0].endColumn,
    });
    expect(parsed[1]).toEqual({
      filePath: clean.filePath, messages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [],
    });
  });
});

describe('github', () => {
  it('escapes data and properties as @actions/core does', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });

  it('prints one annotation per finding with file, positions and title', () => {
    const lines = format('github', [demo]).split('\n');
    expect(lines).toHaveLength(demo.messages.length);
    const m = demo.messages[0];
    expect(lines[0]).toBe(
      `::error file=values-demo.yaml,line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=omlint ${m.ruleId}::` +
        `${escapeData(m.message)}%0A${docsUrl(m.ruleId)}`,
    );
  });

  it('cannot be broken out of by a message or a file name', () => {
    const output = format('github', [hostile]);
    for (const line of output.split('\n')) expect(line).toMatch(/^::error file=helm\/values hostile.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=omlint [a-z-]+::[^\r\n]*$/);
    const odd = resultOf(path.join(CWD, 'a,b:c.yaml'), [finding({ filePath: path.join(CWD, 'a,b:c.yaml'), message: 'x\n::error::y %' })]);
    expect(format('github', [odd])).toBe(`::error file=a%2Cb%3Ac.yaml,line=1,col=1,endLine=1,endColumn=2,title=omlint jwks-public-key::x%0A::error::y %25%0A${docsUrl('jwks-public-key')}`);
  });

  it('caps annotations per level, prints the rest as plain lines and says so in a notice', () => {
    const many = Array.from({ length: 25 }, (_, i) => finding({ line: i + 1, endLine: i + 1 }));
    const warnings = Array.from({ length: 3 }, (_, i) => finding({ severity: 'warn', line: 30 + i, endLine: 30 + i }));
    const lines = format('github', [resultOf(path.join(CWD, 'values.yaml'), [...many, ...warnings])]).split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(ANNOTATIONS_PER_LEVEL);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('omlint: values.yaml:'))).toHaveLength(25 - ANNOTATIONS_PER_LEVEL);
    expect(lines[lines.length - 1]).toMatch(/^::notice title=omlint::15 more findings were not annotated/);
  });
});

describe('compact', () => {
  it('prints file:line:col: severity message [rule], one a line, nothing when clean', () => {
    const lines = format('compact', [demo, hostile]).split('\n');
    const all = [...demo.messages, ...hostile.messages];
    expect(lines).toHaveLength(all.length);
    lines.forEach((line, i) => {
      const match = /^(.+?):(\d+):(\d+): (error|warning|info) (.*) \[([a-z0-9-]+)\]$/.exec(line);
      expect(match).not.toBeNull();
      expect(match?.slice(2, 4).map(Number)).toEqual([all[i].line, all[i].column]);
      expect(match?.[6]).toBe(all[i].ruleId);
    });
    expect(format('compact', [clean])).toBe('');
  });
});

describe('stylish', () => {
  it('names each rule once with its docs link, in colour only when asked', () => {
    const plain = format('stylish', [demo]);
    for (const id of new Set(demo.messages.map((m) => m.ruleId))) {
      expect(plain).toContain(docsUrl(id));
      expect(plain.split(docsUrl(id)).length - 1).toBe(1);
    }
    // eslint-disable-next-line no-control-regex
    expect(plain).not.toMatch(/\u001b\[/);
    // eslint-disable-next-line no-control-regex
    expect(format('stylish', [demo], { ...context, color: true })).toMatch(/\u001b\[2mhttps:\/\//);
    expect(format('stylish', [clean])).toBe('');
  });
});

describe('streaming', () => {
  /** Made-up results in a fixed directory, so the bytes depend on the formatters alone. */
  const PINNED: FormatterContext = {
    cwd: '/repo',
    color: false,
    rules: [
      { id: 'jwks-public-key', severity: 'error', description: 'publicKeys must list the <JWKS> URL & "more"' },
      { id: 'no-placeholders', severity: 'warn', description: 'No template placeholders' },
    ],
  };
  const values = '/repo/helm/values.yaml';
  const pinnedResults: LintResult[] = [
    resultOf(values, [
      finding({ filePath: values, line: 4, column: 7, endLine: 4, endColumn: 31, keyPath: ['openmetadata', 'config', 'authentication', 'publicKeys', 0] }),
      finding({ filePath: values, line: 4, column: 7, endLine: 4, endColumn: 31, keyPath: ['openmetadata', 'config', 'authentication', 'publicKeys', 0], message: 'the same key again' }),
      finding({ filePath: values, ruleId: 'no-placeholders', severity: 'warn', line: 9, column: 18, endLine: 9, endColumn: 30, message: 'authority "{Tenant ID}" <b> & 100%,\n::error::x', keyPath: ['openmetadata', 'config', 'authentication', 'authority'] }),
      finding({ filePath: values, ruleId: 'no-plaintext-secrets', severity: 'info', line: 12, column: 23, endLine: 12, endColumn: 33, message: 'clientSecret holds «redacted» in plain text' }),
    ]),
    resultOf('/repo/clean values.yaml', []),
    resultOf('/repo/env/prod.yaml', [
      finding({ filePath: '/repo/env/base.yaml', line: 2, column: 3, endLine: 2, endColumn: 9, message: 'set in the layer below, line 2' }),
      finding({ filePath: '/repo/env/prod.yaml', ruleId: 'omlint-directive', severity: 'warn', line: 1, column: 1, endLine: 1, endColumn: 40, message: 'unknown rule "no-such-rule"' }),
    ]),
    resultOf('/elsewhere/values.yaml', [finding({ filePath: '/elsewhere/values.yaml', severity: 'warn' })]),
    resultOf('<stdin>', [finding({ filePath: '<stdin>', line: 3, endLine: 3 })]),
  ];
  const stream = (name: string): StreamingFormatter => loadFormatter(name) as StreamingFormatter;
  const version = String(require('../package.json').version);

  it.each(FORMAT_NAMES.map((name) => [name]))('%s keeps its bytes for an empty run, a run, and a run with --show-info', (name) => {
    const runs: [readonly LintResult[], FormatterContext][] = [[[], PINNED], [pinnedResults, PINNED], [pinnedResults, { ...PINNED, showInfo: true }]];
    const texts = runs.map(([results, ctx]) => stream(name)(results, ctx).split(`"${version}"`).join('"<version>"'));
    expect(texts).toMatchSnapshot();
  });

  it.each(FORMAT_NAMES.map((name) => [name]))('%s is written result by result: head() if any, write() for each, then end(), are the whole output', (name) => {
    expect(typeof stream(name).stream).toBe('function');
    for (const [results, ctx] of [[], [clean], [secrets, demo, clean, hostile], pinnedResults, [clean, clean]].flatMap((results) => [false, true].map((showInfo) => [results, { ...context, showInfo }] as const))) {
      const writer = stream(name).stream(ctx);
      const chunks = results.map((result) => writer.write(result));
      const end = writer.end();
      // Only junit has a head: its root element carries the totals, known after the last result.
      expect(writer.head !== undefined).toBe(name === 'junit');
      expect((writer.head?.() ?? '') + chunks.join('') + end).toBe(format(name, results, ctx));
      // A result's text comes with it (the CLI prints it, or sets it aside, and forgets the result).
      const demoAt = results.indexOf(demo);
      if (demoAt >= 0) expect(chunks.slice(0, demoAt + 1).join('')).toContain('values-demo.yaml');
    }
  });

  it.each([['sarif'], ['gitlab']])('%s written issue by issue is what JSON.stringify prints for the whole', (name) => {
    for (const results of [[], [clean], [secrets, demo, clean, hostile], pinnedResults]) {
      for (const showInfo of [false, true]) {
        const text = format(name, results, { ...context, showInfo });
        expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
      }
    }
  });

  it.each([['github', false], ['github', true], ['compact', false], ['compact', true]])('%s counts and joins lines across results as within one (showInfo %s)', (name, showInfo) => {
    // More findings than the annotations and plain lines github prints, infos left out or not: the cap spans results.
    const findings = Array.from({ length: 2 * (3 * ANNOTATIONS_PER_LEVEL + PLAIN_LINES) }, (_, i) =>
      finding({ line: i + 1, endLine: i + 1, severity: (['error', 'warn', 'info'] as const)[i % 3] }));
    const one = resultOf(path.join(CWD, 'values.yaml'), findings);
    const split = [0, 5, 6, 400, 1100, findings.length].slice(1).map((end, i, ends) => resultOf(one.filePath, findings.slice(i === 0 ? 0 : ends[i - 1], end)));
    const ctx = { ...context, showInfo };
    const whole = format(name, [one], ctx);
    expect(format(name, [clean, ...split.flatMap((result) => [result, clean])], ctx)).toBe(whole);
    expect(whole.includes('info m [') || whole.includes('::notice file=')).toBe(showInfo);
    if (name === 'github') expect(whole.split('\n').pop()).toMatch(/ \d+ not printed\./);
  });
});
