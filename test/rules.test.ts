/**
 * Drives every fixture: fixtures/<rule-id>/valid/*.yaml must give no finding of that rule;
 * fixtures/<rule-id>/invalid/*.yaml must give exactly the findings their `# expect:` comments name,
 * on those lines (and columns and severities where given), no more and no fewer.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from './support/lint';
import { fixtureOptions, listRuleFixtures, parseExpectations } from './support/fixtures';

const fixtures = listRuleFixtures();

describe.each(fixtures.map((f) => [`${f.ruleId}/${f.kind}/${path.basename(f.file)}`, f] as const))('%s', (_name, fixture) => {
  const text = fs.readFileSync(fixture.file, 'utf8');
  const result = lintText(text, fixture.file, fixtureOptions(fixture));
  const own = (result?.messages ?? []).filter((m) => m.ruleId === fixture.ruleId);

  if (fixture.kind === 'valid') {
    it(`gives no ${fixture.ruleId} finding`, () => {
      expect(result).toBeDefined();
      expect(own.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
    });
    return;
  }

  const expected = parseExpectations(text).filter((e) => e.ruleId === fixture.ruleId);
  it('names at least one expected finding', () => {
    expect(expected.length).toBeGreaterThan(0);
  });
  it('gives exactly the expected findings at the expected positions', () => {
    const actual = own.map((m) => {
      const e = expected.find((x) => x.line === m.line);
      return `${m.line}${e?.column ? `@${m.column}` : ''}${e?.severity ? `:${m.severity}` : ''}`;
    });
    const wanted = expected.map((e) => `${e.line}${e.column ? `@${e.column}` : ''}${e.severity ? `:${e.severity}` : ''}`);
    expect(actual.sort()).toEqual(wanted.sort());
  });
});
