/**
 * Docker env files as OpenMetadata ships them: compose's `KEY: ${KEY:-default}` env_file format gets
 * one file-level finding (info), not one per line and no self-reference warning; names the server
 * reads for something else (AUTHORIZER_ENABLE_SMTP) are not unknown; a removed name
 * (AUTHORIZER_INGESTION_PRINCIPALS) is a warning that never suggests AUTHORIZER_ADMIN_PRINCIPALS.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from './support/lint';
import type { LintResult } from '../src/types';

const REAL_WORLD = path.join(__dirname, 'corpus', 'real-world');
const lintCorpus = (file: string): LintResult | undefined => lintText(fs.readFileSync(path.join(REAL_WORLD, file), 'utf8'), path.join(REAL_WORLD, file));
const of = (result: LintResult | undefined, ruleId: string) => (result?.messages ?? []).filter((m) => m.ruleId === ruleId);

describe('OpenMetadata quickstart mysql-omserver.env (compose env_file format)', () => {
  const result = lintCorpus('env/om-quickstart-mysql/mysql-omserver.env');

  it('one env-file-syntax finding for the file, an info on its first KEY: line', () => {
    expect(of(result, 'env-file-syntax').map((m) => `${m.line}:${m.column} ${m.severity}`)).toEqual(['8:1 info']);
    expect(of(result, 'env-file-syntax')[0].message).toMatch(/docker compose's env_file format \(22 "NAME: value" lines/);
  });

  it('AUTHORIZER_ENABLE_SMTP is not unknown; AUTHORIZER_INGESTION_PRINCIPALS is removed, a warning without a did-you-mean', () => {
    const unknown = of(result, 'no-unknown-keys');
    expect(unknown.map((m) => `${m.line}:${m.column} ${m.severity}`)).toEqual(['12:1 warn']);
    expect(unknown[0].message).toMatch(/^AUTHORIZER_INGESTION_PRINCIPALS is no longer read by OpenMetadata/);
    expect(unknown[0].message).not.toMatch(/Did you mean/);
  });

  it('the values are still read as the server reads them (the default Fernet key on line 77)', () => {
    expect(of(result, 'default-signing-keys').filter((m) => m.severity === 'warn').map((m) => `${m.line}:${m.column}`)).toEqual(['77:13']);
  });
});

describe('KEY: value lines', () => {
  it('one slip among NAME=value lines is reported on its line; a file of them is compose format', () => {
    const slip = 'AUTHENTICATION_PROVIDER=okta\nAUTHENTICATION_CLIENT_ID=x\nOIDC_DISCOVERY_URI: https://idp/.well-known/openid-configuration\n';
    expect(of(lintText(slip, '.env'), 'env-file-syntax').map((m) => `${m.line}:${m.column} ${m.severity}`)).toEqual(['3:1 error']);
    const compose = 'AUTHENTICATION_PROVIDER: okta\nAUTHENTICATION_CLIENT_ID: x\nOIDC_CALLBACK: ${OIDC_CALLBACK:-http://localhost:8585/callback}\n';
    expect(of(lintText(compose, '.env'), 'env-file-syntax').map((m) => `${m.line}:${m.column} ${m.severity}`)).toEqual(['1:1 info']);
  });

  it('NAME=${NAME:-default} in a NAME=value file is still a self-reference', () => {
    const text = 'AUTHENTICATION_PROVIDER=okta\nOIDC_CALLBACK=${OIDC_CALLBACK:-http://localhost:8585/callback}\n';
    expect(of(lintText(text, '.env'), 'env-file-syntax').map((m) => `${m.line}:${m.column} ${m.severity}`)).toEqual(['2:15 warn']);
  });
});

describe('a value the server cannot read as YAML is a finding, never an internal error', () => {
  it.each([
    ['an env file', 'AUTHENTICATION_PUBLIC_KEYS=[http://localhost:8585/api/v1/system/config/jwks]\nAUTHENTICATION_PROVIDER=*agoogle\n', '.env', '2:25'],
    ['openmetadata.yaml', 'authenticationConfiguration:\n  provider: ${AUTHENTICATION_PROVIDER:-*agoogle}\n', 'openmetadata.yaml', '2:13'],
    ['extraEnvs', 'openmetadata:\n  config:\n    authentication:\n      provider: basic\nextraEnvs:\n  - name: AUTHENTICATION_PROVIDER\n    value: "*agoogle"\n',
      'values.yaml', '7:12'],
  ])('an alias without anchor (*agoogle) in %s', (_where, text, file, position) => {
    const syntax = of(lintText(text, file), 'yaml-syntax');
    expect(syntax.map((m) => `${m.line}:${m.column}`)).toEqual([position]);
    expect(syntax[0].message).toMatch(/An alias \(\*name\) refers to an anchor \(&name\) that is not defined before it in this document\)/);
  });
});
