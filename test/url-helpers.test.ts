/**
 * A value in the user's file is never an internal error: the URL-reading helpers of the rules take
 * malformed escapes, IPv6 hosts, user-info, ports, unicode hosts and empty parts, and a rule that
 * throws anyway costs only its own findings.
 */
import { lintText } from './support/lint';
import { parseHttpUrl } from '../src/rules/support/helpers';
import { azureTenantOf, decodedSegment, isInternalHost, isOpenMetadataJwks, keycloakRealmOf, pathSegments } from '../src/rules/support/idp';
import { httpUrlProblem, isInternalHost as unreachableFromOutside, usableHttpUrl } from '../src/rules/support/om-urls';
import type { LintResult } from '../src/types';

const GUID = '3f6c2a1e-8b4d-4c7a-9e21-5d0b7f9a6c13';
const at = (result: LintResult | undefined, ruleId: string): string[] =>
  (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => `${m.line}:${m.column}`);

describe('malformed %-escapes', () => {
  it.each(['%ZZ', '%E0%A4%A', '%', '%%41'])('decodedSegment keeps %s as written', (segment) => {
    expect(decodedSegment(segment)).toBe(segment);
  });

  it('a valid escape is decoded', () => {
    expect(decodedSegment('caf%C3%A9')).toBe('café');
    expect(azureTenantOf(parseHttpUrl(`https://login.microsoftonline.com/${GUID.replace('3f', '%33f')}/v2.0`))).toBe(GUID);
  });

  it.each(['%ZZ', '%E0%A4%A', '%'])('azureTenantOf reads https://login.microsoftonline.com/%s without throwing', (segment) => {
    expect(azureTenantOf(parseHttpUrl(`https://login.microsoftonline.com/${segment}`))).toBe(segment);
  });

  it('authority https://login.microsoftonline.com/%ZZ is a finding at its value, not an internal error', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      provider: azure\n      authority: "https://login.microsoftonline.com/%ZZ"\n';
    expect(at(lintText(text, 'values.yaml'), 'authority-format')).toEqual(['5:18']);
  });

  it('every URL key of every provider takes the odd values', () => {
    const odd = ['https://login.microsoftonline.com/%ZZ', 'https://login.microsoftonline.com/%E0%A4%A/v2.0', 'https://[::1]:8585/api/v1/system/config/jwks',
      'http://[fd00::1]/callback', 'https://u:p%@login.microsoftonline.com/x', 'https://münchen.example/realms/ä/', 'https://host:99999/', 'https://',
      'https:///x', 'https://login.microsoftonline.com//', 'https://login.microsoftonline.com/%2e%2e/v2.0', 'http://[::ffff:a00:1]/', 'https://a..b/',
      'https://cognito-idp.%ZZ.amazonaws.com/x', 'https://x/realms/%ZZ/protocol/openid-connect/certs'];
    for (const provider of ['azure', 'google', 'okta', 'auth0', 'aws-cognito', 'custom-oidc']) {
      for (const url of odd) {
        const text = `openmetadata:\n  config:\n    authentication:\n      provider: ${provider}\n      clientType: confidential\n      authority: "${url}"\n` +
          `      callbackUrl: "${url}"\n      publicKeys: ["${url}"]\n      oidcConfiguration:\n        enabled: true\n        discoveryUri: "${url}"\n` +
          `        serverUrl: "${url}"\n        callbackUrl: "${url}"\n        tenant: "${url}"\n`;
        expect(() => lintText(text, 'values.yaml')).not.toThrow();
      }
    }
  });
});

describe('IPv6 hosts', () => {
  it.each([
    ['[::1]', true], ['[::]', true], ['[fd00::1]', true], ['[fc12:3456::1]', true], ['[fe80::1]', true],
    ['[::ffff:a00:1]', true], ['[::ffff:7f00:1]', true], ['[::ffff:808:808]', false], ['[2001:db8::1]', false],
  ])('isInternalHost(%s) is %s (plain http stays on the machine or a private network)', (host, internal) => {
    expect(isInternalHost(host)).toBe(internal);
  });

  it.each([['[::1]', true], ['[::ffff:7f00:1]', true], ['[fd00::1]', false], ['[2001:db8::1]', false]])(
    'a browser outside the cluster cannot reach %s: %s', (host, unreachable) => {
      expect(unreachableFromOutside(host)).toBe(unreachable);
    });

  it('https-urls: http on a public IPv6 address is a finding, on a private one not', () => {
    const text = (url: string) => `openmetadata:\n  config:\n    authentication:\n      provider: custom-oidc\n      authority: "${url}"\n`;
    expect(at(lintText(text('http://[2001:db8::1]/realms/acme'), 'values.yaml'), 'https-urls')).toEqual(['5:18']);
    expect(at(lintText(text('http://[fd00::1]:8080/realms/acme'), 'values.yaml'), 'https-urls')).toEqual([]);
  });

  it('the JWKS path on an IPv6 loopback is OpenMetadata\'s own', () => {
    expect(isOpenMetadataJwks('http://[::1]:8585/api/v1/system/config/jwks')).toBe(true);
    expect(usableHttpUrl('http://[::1]:8585/api/v1/system/config/jwks')?.hostname).toBe('[::1]');
  });
});

describe('user-info, ports, unicode hosts, empty parts', () => {
  it('user-info does not hide the host or the tenant', () => {
    expect(azureTenantOf(parseHttpUrl(`https://user:secret@login.microsoftonline.com/${GUID}/v2.0`))).toBe(GUID);
    expect(keycloakRealmOf('https://user:pw@sso.acme.io/realms/acme/protocol/openid-connect/certs')?.realm).toBe('acme');
  });

  it('ports: a valid one is kept, one out of range is no URL', () => {
    expect(parseHttpUrl('https://sso.acme.io:8443/realms/acme')?.port).toBe('8443');
    expect(parseHttpUrl('https://sso.acme.io:99999/realms/acme')).toBeUndefined();
    expect(httpUrlProblem('https://sso.acme.io:99999/realms/acme')?.kind).toBe('noHost');
    expect(parseHttpUrl('https://sso.acme.io:/x')?.host).toBe('sso.acme.io');
  });

  it('unicode hosts are read as their punycode, paths as written', () => {
    expect(parseHttpUrl('https://münchen.example/realms/ä')?.hostname).toBe('xn--mnchen-3ya.example');
    expect(keycloakRealmOf('https://münchen.example/realms/ä/protocol/openid-connect/certs')?.realm).toBe('ä');
    expect(pathSegments(parseHttpUrl('https://münchen.example/realms/ä') as URL)).toEqual(['realms', '%C3%A4']);
  });

  it.each(['https://', 'https:///x', 'http://:80/', 'https://?x', ''])('%j is no URL', (text) => {
    expect(parseHttpUrl(text)).toBeUndefined();
  });

  it('empty path segments are skipped', () => {
    expect(azureTenantOf(parseHttpUrl('https://login.microsoftonline.com//'))).toBeUndefined();
    expect(azureTenantOf(parseHttpUrl(`https://login.microsoftonline.com//${GUID}//v2.0`))).toBe(GUID);
    expect(pathSegments(parseHttpUrl('https://a.b//c///d/') as URL)).toEqual(['c', 'd']);
  });
});

describe('a rule that throws anyway', () => {
  it('costs only its own findings: the error carries the file\'s other findings', () => {
    jest.isolateModules(() => {
      jest.doMock('../src/rules', () => {
        const actual = jest.requireActual('../src/rules');
        const crashing = { ...actual.RULES.find((r: { id: string }) => r.id === 'auth-disabled'), check() { throw new TypeError('boom'); } };
        return { RULES: actual.RULES.map((r: { id: string }) => (r.id === 'auth-disabled' ? crashing : r)) };
      });
      const { createLinter, RuleCrashError } = require('../src') as typeof import('../src');
      const text = 'openmetadata:\n  config:\n    authentication:\n      enabled: false\n      provider: google\n      publicKeys: []\n';
      let error: unknown;
      try {
        createLinter({ configFile: false }).lintText(text, 'values.yaml');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(RuleCrashError);
      const crash = error as InstanceType<typeof RuleCrashError>;
      expect(crash.message).toMatch(/^rule auth-disabled failed on .*values\.yaml: boom$/);
      expect(at(crash.result, 'jwks-public-key')).toEqual(['6:7']);
      expect(at(crash.result, 'auth-disabled')).toEqual([]);
    });
  });
});
