/**
 * --chart-version: the keys and defaults of older charts (the key history in src/knowledge/versions.ts),
 * and the chart 1.13.1 defaults checked against the chart's own values.yaml (vendored excerpt).
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from './support/lint';
import { KEY_HISTORY, chartDefaults, compareVersions, hasKey } from '../src/knowledge/versions';
import { CHART_DEFAULTS } from '../src/knowledge/defaults';
import { isPlainMap, valueAt } from '../src/types';
import type { Path, Plain, PlainMap } from '../src/types';
import { parse } from 'yaml';

const history = (key: string) => KEY_HISTORY.find((h) => h.path.join('.').endsWith(key))!;

describe('which chart has which key', () => {
  it.each([
    ['promptType', '1.6.12', false], ['promptType', '1.6.13', true], ['promptType', '1.7.0', false], ['promptType', '1.7.1', true],
    ['promptType', '1.13.1', true], ['sessionExpiry', '1.8.1', false], ['sessionExpiry', '1.8.2', true], ['sessionExpiry', '1.9.0', true],
    ['allowedDomains', '1.6.11', false], ['allowedDomains', '1.6.12', true], ['allowedDomains', '1.7.0', true],
    ['useRolesFromProvider', '1.3.9', false], ['useRolesFromProvider', '1.4.0', true],
    ['clientType', '1.3.1', false], ['clientType', '1.3.2', true], ['customParams', '1.2.8', false],
  ] as const)('%s in chart %s: %s', (key, version, expected) => {
    expect(hasKey(history(key), version)).toBe(expected);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.6.13', '1.6.13')).toBe(0);
  });

  it('drops the keys an older chart lacks from its defaults, keeping clientType public (the server default)', () => {
    const old = chartDefaults('1.3.0');
    expect(valueAt(old, ['authentication', 'oidcConfiguration', 'promptType'])).toBeUndefined();
    expect(valueAt(old, ['authentication', 'oidcConfiguration', 'enabled'])).toBeUndefined();
    expect(valueAt(old, ['authentication', 'clientType'])).toBe('public');
    expect(chartDefaults('1.13.1')).toBe(CHART_DEFAULTS);
    expect(valueAt(CHART_DEFAULTS, ['authentication', 'oidcConfiguration', 'promptType'])).toBe('consent');
  });
});

describe('a key newer than the chosen chart', () => {
  const values = [
    'openmetadata:',
    '  config:',
    '    authorizer:',
    '      allowedDomains: [acme-analytics.com]', // 4
    '    authentication:',
    '      oidcConfiguration:',
    '        promptType: select_account', //        7
    '        sessionExpiry: "86400"', //            8
    '',
  ].join('\n');
  const findings = (version?: string) =>
    (lintText(values, 'values.yaml', { chartVersion: version })?.messages ?? [])
      .filter((m) => m.ruleId === 'no-unknown-keys')
      .map((m) => `${m.line}:${m.column}`);

  it('is fine on the current chart', () => {
    expect(findings()).toEqual([]);
  });

  it('is a no-unknown-keys finding on the key, naming the chart that added it', () => {
    expect(findings('1.7.0')).toEqual(['7:9', '8:9']);
    expect(findings('1.6.11')).toEqual(['4:7', '7:9', '8:9']);
    const message = lintText(values, 'values.yaml', { chartVersion: '1.8.1' })?.messages.find((m) => m.ruleId === 'no-unknown-keys')?.message;
    expect(message).toContain('"sessionExpiry" was added in chart 1.8.2');
    expect(message).toContain("chart 1.8.1's schema rejects it");
  });
});

describe("chart 1.13.1 defaults agree with the chart's values.yaml", () => {
  // open-metadata/openmetadata-helm-charts charts/openmetadata/values.yaml @ openmetadata-1.13.1,
  // lines 172-317, vendored verbatim (test/corpus/PROVENANCE.md).
  const chartValues = parse(fs.readFileSync(path.join(__dirname, 'corpus', 'chart', 'values-1.13.1-auth.yaml'), 'utf8')) as PlainMap;

  /** The scalar and list keys of one map of the chart's values (the secret references are maps, left out). */
  function chartRows(prefix: Path): [Path, Plain][] {
    const map = valueAt(chartValues, prefix) as PlainMap;
    return Object.entries(map).filter(([, value]) => !isPlainMap(value)).map(([key, value]) => [[...prefix, key], value]);
  }

  const rows = [
    ...chartRows(['authorizer']),
    ...chartRows(['authentication']),
    ...chartRows(['authentication', 'oidcConfiguration']),
  ];

  it('reads enough rows from the chart to mean something', () => {
    expect(rows.length).toBeGreaterThan(30);
  });

  it.each(rows.map(([p, chartValue]) => [p.join('.'), p, chartValue] as const))('%s', (_name, p, chartValue) => {
    const value = valueAt(CHART_DEFAULTS, p);
    expect(render(value)).toBe(render(chartValue));
  });
});

function render(value: Plain | undefined): string {
  if (Array.isArray(value)) return `[${value.join(',')}]`;
  return String(value);
}
