/**
 * --fix on every fixture of every fixable rule: the rule's fixable findings are gone, the output
 * parses, fixing again changes nothing, and every line outside the fixed region (worked out from
 * the findings, not from the fix engine) is byte-identical to the input. Plus the engine's guards.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MAX_FIX_PASSES } from '../src/engine/fix';
import { fixText, lintText, TestLintOptions as LintOptions } from './support/lint';
import { parseYaml } from '../src/source/yaml';
import { RULES } from '../src/rules';
import type { Finding, RuleSetting } from '../src/types';
import { listRuleFixtures } from './support/fixtures';
import { CORPUS } from './support/corpus';
import { diffLines, entryRegion, keyAt, LineRegion, siblingLines } from './support/line-diff';

const FIXABLE = RULES.filter((rule) => rule.fixable).map((rule) => rule.id);

/** Only `ruleId` runs, so only its fixes apply. */
function only(ruleId: string): Record<string, RuleSetting> {
  return Object.fromEntries(RULES.filter((rule) => rule.id !== ruleId).map((rule) => [rule.id, 'off' as RuleSetting]));
}

/** The input lines a rule's fix may change or insert next to, from the finding's position and key. */
function regionsFor(ruleId: string, lines: readonly string[], finding: Finding): LineRegion[] {
  const line = finding.line - 1;
  const key = keyAt(lines, finding);
  switch (ruleId) {
    case 'no-unknown-keys': // a rename: the key's own line only
    case 'no-legacy-layout': // a value rewritten in place
      return [{ start: line, end: line }];
    case 'jwks-public-key': // an item added to the list under the key
      return [entryRegion(lines, line, finding.column)];
    case 'no-dotted-keys': // the entry itself, and the map named by one of its parts that it may join
      return [line, ...siblingLines(lines, line, finding.column, (key ?? '').split('.'))].map((l) =>
        entryRegion(lines, l, finding.column),
      );
    case 'no-duplicate-keys': // the earlier occurrences (the finding is on the last one)
      return [
        { start: line, end: line },
        ...siblingLines(lines, line, finding.column, key ? [key] : [])
          .filter((l) => l < line)
          .map((l) => entryRegion(lines, l, finding.column)),
      ];
    default:
      throw new Error(`no region rule for fixable rule ${ruleId}: add one to test/fix.test.ts`);
  }
}

function inAnyRegion(line: number, regions: readonly LineRegion[]): boolean {
  return regions.some((r) => r.start <= line && line <= r.end);
}

const fixtures = listRuleFixtures().filter((f) => FIXABLE.includes(f.ruleId));

it('has fixable rules, each with fixtures where --fix changes the file', () => {
  expect(FIXABLE.sort()).toEqual(['jwks-public-key', 'no-dotted-keys', 'no-duplicate-keys', 'no-legacy-layout', 'no-unknown-keys']);
  for (const ruleId of FIXABLE) {
    const changed = fixtures.filter((f) => {
      if (f.ruleId !== ruleId || f.kind !== 'invalid') return false;
      const text = fs.readFileSync(f.file, 'utf8');
      return fixText(text, f.file, { rules: only(ruleId) }).output !== text;
    });
    expect(changed.length).toBeGreaterThan(0);
  }
});

describe.each(fixtures.map((f) => [`${f.ruleId}/${f.kind}/${path.basename(f.file)}`, f] as const))('--fix %s', (_name, fixture) => {
  const text = fs.readFileSync(fixture.file, 'utf8');
  const baseline = fixture.baselineFile ? { filePath: fixture.baselineFile, text: fs.readFileSync(fixture.baselineFile, 'utf8') } : undefined;
  const options: LintOptions = { rules: only(fixture.ruleId), baseline };
  const before = (lintText(text, fixture.file, options)?.messages ?? []).filter((m) => m.ruleId === fixture.ruleId);
  const fixable = before.filter((m) => m.fix);
  const { output, result } = fixText(text, fixture.file, options);

  if (fixable.length === 0) {
    it('leaves the file byte for byte as it was (nothing to fix safely)', () => {
      expect(output).toBe(text);
    });
    return;
  }

  it('removes every fixable finding of the rule and keeps the others', () => {
    const after = (lintText(output, fixture.file, { baseline })?.messages ?? []).filter((m) => m.ruleId === fixture.ruleId);
    expect(after.filter((m) => m.fix)).toEqual([]);
    expect(after.map((m) => m.message).sort()).toEqual(before.filter((m) => !m.fix).map((m) => m.message).sort());
    expect(result?.messages.filter((m) => m.ruleId === fixture.ruleId)).toHaveLength(after.length);
  });

  it('writes YAML that parses', () => {
    expect(parseYaml(output, fixture.file).syntaxErrors).toEqual([]);
  });

  it('is idempotent', () => {
    expect(fixText(output, fixture.file, options).output).toBe(output);
  });

  it('changes nothing outside the fixed region, byte for byte', () => {
    const lines = text.split('\n');
    const regions = fixable.flatMap((finding) => regionsFor(fixture.ruleId, lines, finding));
    const { changed, insertedAfter } = diffLines(lines, output.split('\n'));
    expect(changed.filter((line) => !inAnyRegion(line, regions)).map((line) => `${line + 1}: ${lines[line]}`)).toEqual([]);
    const strayInsertions = insertedAfter.filter((after) => !regions.some((r) => r.start - 1 <= after && after <= r.end));
    expect(strayInsertions.map((after) => `after line ${after + 1}`)).toEqual([]);
    expect(changed.length + insertedAfter.length).toBeGreaterThan(0);
  });
});

describe('the fix engine', () => {
  const file = 'values.yaml';

  it('keeps CRLF line endings, including on the lines it writes', () => {
    const text = [
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: google',
      '      oidcConfiguration.enabled: true',
      '      oidcConfiguration:',
      '        oidcType: google',
      '      publicKeys:',
      '        - https://www.googleapis.com/oauth2/v3/certs',
      '',
    ].join('\r\n');
    const { output } = fixText(text, file);
    expect(output).toBe(
      [
        'openmetadata:',
        '  config:',
        '    authentication:',
        '      provider: google',
        '      oidcConfiguration:',
        '        oidcType: google',
        '        enabled: true',
        '      publicKeys:',
        '        - https://www.googleapis.com/oauth2/v3/certs',
        '        - http://openmetadata:8585/api/v1/system/config/jwks',
        '',
      ].join('\r\n'),
    );
  });

  it('fixes each document of a multi-document file in its own place', () => {
    const text = [
      'openmetadata:',
      '  config:',
      '    authorizer:',
      '      adminPrincipals: [admin]',
      '---',
      'openmetadata:',
      '  config:',
      '    authorizer:',
      '      adminPrincipals: [root]',
      '',
    ].join('\n');
    expect(fixText(text, file).output).toBe(text.replace(/adminPrincipals/g, 'initialAdmins'));
  });

  it('needs a second pass when one fix makes room for another, and takes it', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      ldapConfiguration.host: ldap.globex.net\n      ldapConfiguration.port: 636\n';
    const outcome = fixText(text, file);
    expect(outcome.output).toBe('openmetadata:\n  config:\n    authentication:\n      ldapConfiguration:\n        host: ldap.globex.net\n        port: 636\n');
    expect(outcome.applied).toBe(2);
    expect(MAX_FIX_PASSES).toBe(10);
  });

  it('drops an edit whose result would not hold the promised data (a dead key that anchors a live alias)', () => {
    const text = 'openmetadata:\n  config:\n    authorizer:\n      initialAdmins: &admins\n        - alice\n      initialAdmins: *admins\n';
    const outcome = fixText(text, file);
    expect(outcome.output).toBe(text);
    // (It sets no signing keys of its own: default-signing-keys' warning is not what this is about.)
    const left = outcome.result?.messages.filter((m) => m.severity !== 'info' && m.ruleId !== 'default-signing-keys');
    expect(left?.map((m) => m.ruleId)).toEqual(['no-duplicate-keys']);
  });

  it('offers no edit for a dotted key inside a flow map, and leaves it', () => {
    const text = 'openmetadata:\n  config:\n    authentication: {provider: basic, oidcConfiguration.enabled: true}\n';
    expect(fixText(text, file).output).toBe(text);
  });

  it('leaves text alone that does not parse or holds no auth settings', () => {
    const broken = 'openmetadata:\n  config:\n    authentication:\n      publicKeys: ["unterminated\n';
    expect(fixText(broken, file).output).toBe(broken);
    const unrelated = 'replicaCount: 2\nimage:\n  tag: 1.5.0\n';
    expect(fixText(unrelated, file)).toEqual({ output: unrelated, result: undefined, applied: 0 });
  });

  it('applies no fix of a rule that is turned off', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      publicKeys: []\n';
    expect(fixText(text, file, { rules: { 'jwks-public-key': 'off' } }).output).toBe(text);
    expect(fixText(text, file).output).toBe('openmetadata:\n  config:\n    authentication:\n      publicKeys: [http://openmetadata:8585/api/v1/system/config/jwks]\n');
  });

  it('never changes a text by linting alone', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      publicKeys: []\n';
    const result = lintText(text, file);
    expect(result?.messages.find((m) => m.ruleId === 'jwks-public-key')?.fix).toEqual({
      kind: 'append-item',
      at: ['openmetadata', 'config', 'authentication', 'publicKeys'],
      value: 'http://openmetadata:8585/api/v1/system/config/jwks',
      document: 0,
    });
    expect(result?.output).toBeUndefined();
  });
});

describe('--fix on the docs corpus (text nobody on this team wrote)', () => {
  const files = (fs.readdirSync(CORPUS, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f)).sort();

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s: output parses when the input did, and a second --fix changes nothing', (name) => {
    const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
    const { output } = fixText(text, name);
    if (parseYaml(text, name).syntaxErrors.length === 0) expect(parseYaml(output, name).syntaxErrors).toEqual([]);
    else expect(output).toBe(text);
    expect(fixText(output, name).output).toBe(output);
  });
});
