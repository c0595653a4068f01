/**
 * no-unknown-keys on server (openmetadata.yaml) key names in Helm values: a rename is offered as a
 * fix only when the rename alone is enough, and the finding says why not otherwise. The rename is
 * tried on a copy of the maps along the key's path; the linted values must stay as they were.
 */
import { lintText } from './support/lint';
import { parseYaml } from '../src/source/yaml';
import { buildHelmModels } from '../src/layouts/helm-values';
import { Funnel } from '../src/engine/funnel';
import { runRules } from '../src/engine/run-rules';
import { createEngineCaches } from '../src/engine/caches';
import { resolveLimits } from '../src/source/limits';
import type { Finding } from '../src/types';

function unknownKeyFindings(authenticationLines: string[]): Finding[] {
  const text = ['openmetadata:', '  config:', '    authentication:', ...authenticationLines.map((line) => `      ${line}`), ''].join('\n');
  return (lintText(text, 'values.yaml')?.messages ?? []).filter((finding) => finding.ruleId === 'no-unknown-keys');
}

describe('no-unknown-keys: server key names in Helm values', () => {
  it('offers the rename when the chart name is free and the value fits it', () => {
    const [finding] = unknownKeyFindings(['provider: google', 'publicKeyUrls:', '  - https://www.googleapis.com/oauth2/v3/certs']);
    expect(finding).toMatchObject({ line: 5, column: 7, message: expect.stringContaining('the Helm chart calls it "publicKeys". Rename it.') });
    expect(finding.fix).toMatchObject({ kind: 'rename-key', at: ['openmetadata', 'config', 'authentication', 'publicKeyUrls'], to: 'publicKeys' });
  });

  it('offers no rename when the chart name is already set in the same map', () => {
    const [finding] = unknownKeyFindings([
      'provider: google',
      'publicKeys: [https://www.googleapis.com/oauth2/v3/certs]',
      'publicKeyUrls: [https://www.googleapis.com/oauth2/v3/certs]',
    ]);
    expect(finding).toMatchObject({ line: 6, column: 7, message: expect.stringContaining('"publicKeys" is set as well') });
    expect(finding.fix).toBeUndefined();
  });

  it('offers no rename when the value does not fit the chart key (a literal where a Secret reference belongs)', () => {
    const findings = unknownKeyFindings(['provider: custom-oidc', 'oidcConfiguration:', '  enabled: true', '  secret: literal-value-here']);
    const secret = findings.find((finding) => finding.keyPath?.at(-1) === 'secret');
    expect(secret).toMatchObject({ line: 7, column: 9, message: expect.stringContaining('not the value itself') });
    expect(secret?.fix).toBeUndefined();
  });

  it('tries each rename on a copy: the linted values are left as they were', () => {
    const text = [
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: custom-oidc',
      '      publicKeyUrls: [http://x/jwks]',
      '      oidcConfiguration: {enabled: true, type: custom-oidc, prompt: login}',
      '',
    ].join('\n');
    const [document] = parseYaml(text, 'values.yaml').documents;
    const [model] = buildHelmModels('values.yaml', document.plain(), document, []);
    const before = structuredClone(model.config);
    const settings = { rules: {}, limits: resolveLimits(), reportUnusedDisableDirectives: false, parser: 'auto' as const };
    const caches = createEngineCaches();
    const funnel = new Funnel({ label: 'values.yaml', sources: [], layered: false, settings }, caches);
    runRules({ ...model, fixTarget: (at) => ({ document: 0, at }) }, settings, funnel, caches);
    const renames = funnel.finish([]).messages.filter((finding) => finding.fix?.kind === 'rename-key');
    expect(renames.map((finding) => finding.keyPath?.at(-1))).toEqual(['publicKeyUrls', 'type', 'prompt']);
    expect(model.config).toEqual(before);
  });
});
