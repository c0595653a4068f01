/**
 * --chart-version: the chart's history (src/knowledge/chart-history.ts, extracted from the tags of
 * open-metadata/openmetadata-helm-charts) and what the rules make of it, checked just before and just
 * after each change. The chart 1.13.1 defaults of src/knowledge/defaults.ts are checked against the
 * values.yaml of that release, as extracted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from './support/lint';
import {
  appVersionOf, chartDefaults, chartHasKey, chartLayout, chartRelease, chartReleases, chartRejectsUnknownKeys, compareVersions, keyChange, releaseFor,
} from '../src/knowledge/versions';
import { CHART_HISTORY } from '../src/knowledge/chart-history';
import { CHART_DEFAULTS, CHART_VERSION } from '../src/knowledge/defaults';
import { validateAuthSections } from '../src/schema/validate';
import { valueAt } from '../src/types';
import type { Path } from '../src/types';

const FIXTURES = path.join(__dirname, 'fixtures', 'chart-versions');
const p = (dotted: string): Path => dotted.split('.');

describe('the extracted chart history', () => {
  it('lists every release once, in version order, with its tag commit', () => {
    const versions = chartReleases();
    expect(versions.length).toBeGreaterThan(200);
    expect([...versions].sort(compareVersions)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    for (const [, appVersion, commit] of CHART_HISTORY.releases) {
      expect(commit).toMatch(/^[0-9a-f]{40}$/);
      expect(appVersion).toMatch(/^\d+\.\d+\.\d+(\.\d+)?$/);
    }
    expect(versions.at(-1)).toBe(CHART_VERSION);
  });

  it.each([
    ['0.0.12', '0.9.0'], ['0.0.49', '0.13.1'], ['0.0.58', '0.13.3'], ['1.0.0', '1.0.0'], ['1.0.1', '1.0.0'],
    ['1.1.0', '1.0.5'], ['1.1.2', '1.1.0'], ['1.1.9', '1.1.2.1'], ['1.6.13', '1.6.13'], ['1.13.1', '1.13.1'],
  ])('chart %s deploys OpenMetadata %s', (chart, app) => {
    expect(appVersionOf(chart)).toBe(app);
  });

  it.each([
    ['1.13.1', '1.13.1'], ['1.8.5', '1.8.4'], ['1.11.0', '1.11.2'], ['1.2.2', '1.2.1'], ['2.0.0', '1.13.1'], ['0.0.18', '0.0.17'], ['0.0.0', '0.0.1'],
  ])('answers for %s with release %s', (asked, release) => {
    expect(releaseFor(asked)).toBe(release);
  });

  it('has the layout change of chart 1.1.0 (global before, openmetadata.config since)', () => {
    expect(chartLayout('0.0.11')).toBeUndefined();
    expect(chartLayout('0.0.12')).toBe('global');
    expect(chartLayout('1.0.6')).toBe('global');
    expect(chartLayout('1.1.0')).toBe('openmetadata.config');
  });

  it.each([
    ['authentication.saml.security.wantNameIdEncrypted', '1.0.0', { kind: 'added', in: '1.0.1' }],
    ['authentication.saml.security.wantNameIdEncrypted', '1.4.7', undefined],
    ['authentication.saml.security.wantNameIdEncrypted', '1.4.8', { kind: 'removed', in: '1.4.8', lastIn: '1.4.7' }],
    ['authentication.saml.security.wantNameIdEncrypted', '1.13.1', { kind: 'removed', in: '1.4.8', lastIn: '1.4.7' }],
    ['authentication.oidcConfiguration.promptType', '1.6.12', { kind: 'added', in: '1.6.13' }],
    ['authentication.oidcConfiguration.promptType', '1.6.13', undefined],
    ['authentication.oidcConfiguration.promptType', '1.7.0', { kind: 'added', in: '1.7.1' }],
    ['authentication.oidcConfiguration.promptType', '1.7.1', undefined],
    ['authentication.oidcConfiguration.sessionExpiry', '1.8.1', { kind: 'added', in: '1.8.2' }],
    ['authentication.oidcConfiguration.sessionExpiry', '1.8.3', { kind: 'skipped', lastIn: '1.8.2', backIn: '1.8.4' }],
    ['authentication.publicKey', '0.0.16', { kind: 'removed', in: '0.0.16', lastIn: '0.0.15', renamedTo: p('authentication.publicKeys') }],
    ['authentication.publicKeys', '0.0.15', { kind: 'added', in: '0.0.16', renamedFrom: p('authentication.publicKey') }],
    ['authorizer.botPrincipals', '0.0.48', undefined],
    ['authorizer.botPrincipals', '0.0.49', { kind: 'removed', in: '0.0.49', lastIn: '0.0.48' }],
    ['authentication.clientType', '1.3.1', { kind: 'added', in: '1.3.2' }],
    ['authorizer.useRolesFromProvider', '1.3.4', { kind: 'added', in: '1.4.0' }],
    ['authentication.noSuchKey', '1.13.1', undefined],
  ])('%s in chart %s', (key, version, change) => {
    expect(keyChange(version, p(key))).toEqual(change);
  });

  it('knows which maps the schema closes: none before 1.0.0 (0.0.45 has a schema that checks no auth map)', () => {
    expect(chartRejectsUnknownKeys('0.0.58', ['authorizer'])).toBe(false);
    expect(chartRejectsUnknownKeys('1.0.0', ['authorizer'])).toBe(true);
    expect(chartRejectsUnknownKeys('1.13.1', p('authentication.ldapConfiguration.trustStoreConfig.hostNameConfig'))).toBe(false);
  });

  it("gives chart 1.13.1's defaults exactly as src/knowledge/defaults.ts has them", () => {
    expect(chartDefaults('1.13.1')).toBe(CHART_DEFAULTS);
    // 1.13.2 is not released: the data of 1.13.1 answers, built from the history.
    expect(chartDefaults('1.13.2')).toEqual(CHART_DEFAULTS);
  });

  it("has chart 1.13.1's keys as the schema omlint checks with (every key accepted, the defaults valid)", () => {
    expect(validateAuthSections(chartDefaults('1.13.2'))).toEqual([]);
    const missing = Object.keys(CHART_HISTORY.keys).filter((key) => chartHasKey('1.13.1', p(key)) && valueAt(CHART_DEFAULTS, p(key)) === undefined);
    // Maps the defaults hold only through their children are fine; none is a leaf missing from the defaults.
    expect(missing.filter((key) => !Object.keys(CHART_HISTORY.keys).some((other) => other.startsWith(`${key}.`)))).toEqual([]);
  });

  it("gives an older chart's own defaults", () => {
    expect(valueAt(chartDefaults('1.6.3'), p('authentication.oidcConfiguration.customParams'))).toBe('');
    expect(valueAt(chartDefaults('1.6.4'), p('authentication.oidcConfiguration.customParams'))).toBe('{}');
    expect(valueAt(chartDefaults('1.4.7'), p('authentication.saml.security.wantNameIdEncrypted'))).toBe(false);
    expect(valueAt(chartDefaults('1.0.6'), p('authentication.publicKeys'))).toEqual(['http://openmetadata:8585/api/v1/system/config/jwks']);
    expect(valueAt(chartDefaults('0.0.58'), p('authentication.publicKeys'))).toEqual(['http://openmetadata:8585/api/v1/config/jwks']);
    expect(valueAt(chartDefaults('0.0.30'), p('authentication.provider'))).toBe('no-auth');
    // No clientType before 1.3.2: the server's default, public, is what runs.
    expect(valueAt(chartDefaults('1.3.0'), p('authentication.clientType'))).toBe('public');
    expect(valueAt(chartDefaults('1.3.0'), p('authentication.oidcConfiguration'))).toBeUndefined();
    expect(chartRelease('0.0.38').defaultAt(p('authorizer.className'))).toBe('org.openmetadata.catalog.security.NoopAuthorizer');
    expect(chartRelease('0.0.39').defaultAt(p('authorizer.className'))).toBe('org.openmetadata.service.security.DefaultAuthorizer');
    expect(chartRelease('1.4.8').defaultAt(p('authentication.saml.security.wantNameIdEncrypted'))).toBeUndefined();
  });
});

/**
 * Each change checked on the release before it and the release that made it: the finding of that
 * rule on that line and column, or none there.
 */
describe.each([
  // A key added: allowedDomains (1.6.12).
  ['config-layout.yaml', '1.6.11', 'no-unknown-keys', '5:7', '"allowedDomains" was added in chart 1.6.12'],
  ['config-layout.yaml', '1.6.12', 'no-unknown-keys', '5:7', null],
  // Added on two lines: promptType (1.6.13 on the 1.6 line, 1.7.1 on the 1.7 line).
  ['config-layout.yaml', '1.6.12', 'no-unknown-keys', '12:9', '"promptType" was added in chart 1.6.13'],
  ['config-layout.yaml', '1.6.13', 'no-unknown-keys', '12:9', null],
  ['config-layout.yaml', '1.7.0', 'no-unknown-keys', '12:9', '"promptType" was added in chart 1.7.1'],
  ['config-layout.yaml', '1.7.1', 'no-unknown-keys', '12:9', null],
  // Added in 1.8.2, left out of 1.8.3, back in 1.8.4: sessionExpiry.
  ['config-layout.yaml', '1.8.1', 'no-unknown-keys', '13:9', `"sessionExpiry" was added in chart 1.8.2; chart 1.8.1's schema rejects it`],
  ['config-layout.yaml', '1.8.2', 'no-unknown-keys', '13:9', null],
  ['config-layout.yaml', '1.8.3', 'no-unknown-keys', '13:9', '"sessionExpiry" is in chart 1.8.2 and again from 1.8.4, but chart 1.8.3 was released without it'],
  ['config-layout.yaml', '1.8.4', 'no-unknown-keys', '13:9', null],
  // A key removed: wantNameIdEncrypted (in values and schema up to 1.4.7).
  ['config-layout.yaml', '1.4.5', 'no-unknown-keys', '10:11', null],
  ['config-layout.yaml', '1.4.7', 'no-unknown-keys', '10:11', null],
  ['config-layout.yaml', '1.4.8', 'no-unknown-keys', '10:11', '"wantNameIdEncrypted" was removed in chart 1.4.8 (1.4.7 was the last to have it)'],
  [
    'config-layout.yaml', undefined, 'no-unknown-keys', '10:11',
    `"wantNameIdEncrypted" was removed in chart 1.4.8 (1.4.7 was the last to have it); chart 1.13.1's schema rejects it and helm install fails`,
  ],
  // A key removed: botPrincipals (0.0.49, OpenMetadata 0.13.1); no schema closed the authorizer map before 1.0.0.
  ['global-layout.yaml', '0.0.48', 'no-legacy-layout', '6:5', null],
  ['global-layout.yaml', '0.0.49', 'no-legacy-layout', '6:5', '"botPrincipals" was removed in chart 0.0.49 (OpenMetadata 0.13.1); chart 0.0.49 ignores it'],
  ['global-layout.yaml', '1.0.0', 'no-legacy-layout', '6:5', "chart 1.0.0's schema rejects it and helm install fails"],
  // A rename: publicKey → publicKeys, initialAdmin → initialAdmins (0.0.16, lists since).
  ['global-layout-singular.yaml', '0.0.15', 'no-unknown-keys', '7:5', null],
  ['global-layout-singular.yaml', '0.0.16', 'no-unknown-keys', '7:5', '"publicKey" was renamed to "publicKeys" in chart 0.0.16 (OpenMetadata 0.10.0); chart 0.0.16 ignores it'],
  ['global-layout-singular.yaml', '0.0.16', 'no-unknown-keys', '4:5', 'Write "initialAdmins" instead, as a list.'],
  ['global-layout.yaml', '0.0.15', 'no-unknown-keys', '9:5', '"publicKeys" was added in chart 0.0.16 (OpenMetadata 0.10.0), replacing "publicKey"'],
  ['global-layout.yaml', '0.0.16', 'no-unknown-keys', '9:5', null],
  // The layout change: global.* read by charts before 1.1.0, openmetadata.config from 1.1.0.
  ['global-layout.yaml', '1.0.0', 'no-legacy-layout', '2:1', null],
  ['global-layout.yaml', '1.0.6', 'no-legacy-layout', '2:1', null],
  ['global-layout.yaml', '1.1.0', 'no-legacy-layout', '2:1', 'is the layout of charts before 1.1.0; chart 1.1.0 silently ignores it'],
  ['global-layout.yaml', undefined, 'no-legacy-layout', '2:1', 'is the layout of charts before 1.1.0; chart 1.13.1 silently ignores it'],
  ['config-layout.yaml', '1.0.6', 'no-unknown-keys', '2:1', `"openmetadata.config" holds the auth settings from chart 1.1.0 on; chart 1.0.6 reads them from "global"`],
  ['config-layout.yaml', '0.0.58', 'no-unknown-keys', '2:1', 'everything under "openmetadata" is ignored'],
  ['config-layout.yaml', '1.1.0', 'no-unknown-keys', '2:1', null],
  // Names of servers before 0.12.1 (catalog classes) and 1.0 (JWKS path), right for the charts that deploy them.
  ['global-layout.yaml', '0.0.38', 'no-legacy-layout', '4:16', null],
  ['global-layout.yaml', '0.0.39', 'no-legacy-layout', '4:16', 'is a pre-1.0 class name'],
  ['global-layout.yaml', '0.0.58', 'no-legacy-layout', '10:9', null],
  ['global-layout.yaml', '1.0.0', 'no-legacy-layout', '10:9', 'was moved to "/api/v1/system/config/jwks" in OpenMetadata 1.0'],
  // custom-params: quoted into OIDC_CUSTOM_PARAMS by charts 1.3.2 to 1.6.3 (5fee8ba, PR #311, released in 1.6.4).
  ['custom-params.yaml', '1.6.3', 'custom-params', '9:9', "chart 1.6.3 renders customParams quoted into OIDC_CUSTOM_PARAMS"],
  ['custom-params.yaml', '1.6.4', 'custom-params', '9:9', null],
  ['custom-params.yaml', '1.6.3', 'custom-params', '18:9', 'Upgrade to chart 1.6.4 or later, or write customParams: null'],
  ['custom-params.yaml', '1.6.4', 'custom-params', '18:9', null],
  ['custom-params.yaml', '1.3.2', 'custom-params', '25:7', 'chart 1.3.2 renders its default customParams "" quoted'],
  ['custom-params.yaml', '1.3.1', 'no-unknown-keys', '25:7', '"oidcConfiguration" was added in chart 1.3.2'],
  ['custom-params.yaml', '1.6.4', 'custom-params', '25:7', null],
  ['custom-params.yaml', '1.6.3', 'custom-params', '35:9', null],
  ['custom-params.yaml', '1.6.4', 'custom-params', '35:9', 'customParams is empty (null)'],
] as const)('%s with --chart-version %s: %s at %s', (fixture, version, ruleId, at, message) => {
  const text = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8');
  const findings = (lintText(text, fixture, { chartVersion: version })?.messages ?? []).filter((m) => m.ruleId === ruleId);
  const here = findings.filter((m) => `${m.line}:${m.column}` === at);
  if (message === null) {
    it('gives no finding there', () => expect(here.map((m) => m.message)).toEqual([]));
  } else {
    it('gives one finding there, saying why', () => {
      expect(here).toHaveLength(1);
      expect(here[0].message).toContain(message);
    });
  }
});

describe('a chart release without keys the values use', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'config-layout.yaml'), 'utf8');
  const positions = (version?: string) =>
    (lintText(text, 'values.yaml', { chartVersion: version })?.messages ?? []).filter((m) => m.ruleId === 'no-unknown-keys').map((m) => `${m.line}:${m.column}`);

  it('is reported key by key, and only there', () => {
    expect(positions('1.13.1')).toEqual(['10:11']);
    expect(positions('1.7.0')).toEqual(['10:11', '12:9', '13:9']);
    expect(positions('1.6.11')).toEqual(['5:7', '10:11', '12:9', '13:9']);
    expect(positions('1.4.5')).toEqual(['5:7', '12:9', '13:9']);
  });

  it('reports a section the release lacks once, not each key under it', () => {
    // Chart 1.3.1 has neither oidcConfiguration nor anything below it.
    expect(positions('1.3.1')).toEqual(['5:7', '11:7']);
  });
});

describe('loading the history', () => {
  /** Whether linting `text` with `chartVersion` requires src/knowledge/chart-history.ts. */
  function loadsHistory(text: string, chartVersion?: string): boolean {
    let loaded = false;
    jest.isolateModules(() => {
      jest.doMock('../src/knowledge/chart-history', () => {
        loaded = true;
        return jest.requireActual('../src/knowledge/chart-history');
      });
      const { createLinter } = require('../src') as typeof import('../src');
      createLinter({ chartVersion }).lintText(text, 'values.yaml');
    });
    jest.dontMock('../src/knowledge/chart-history');
    return loaded;
  }
  const clean = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'examples', 'values-google.yaml'), 'utf8');

  it('happens only for --chart-version or an unknown key', () => {
    expect(loadsHistory(clean)).toBe(false);
    expect(loadsHistory(clean, '1.4.5')).toBe(true);
    expect(loadsHistory(fs.readFileSync(path.join(FIXTURES, 'config-layout.yaml'), 'utf8'))).toBe(true);
  });
});
