/** Messages name a setting as the user writes it in that kind of file (src/layouts/names.ts). */
import { defaultsNameIn, keyNameIn } from '../src/layouts/names';

describe.each([
  [['authentication', 'publicKeys'], 'publicKeys', 'publicKeyUrls', 'AUTHENTICATION_PUBLIC_KEYS'],
  [['authorizer', 'initialAdmins'], 'authorizer.initialAdmins', 'authorizerConfiguration.adminPrincipals', 'AUTHORIZER_ADMIN_PRINCIPALS'],
  [['authentication', 'oidcConfiguration', 'clientSecret'], 'oidcConfiguration.clientSecret', 'oidcConfiguration.secret', 'OIDC_CLIENT_SECRET'],
  [['authentication', 'saml', 'idp', 'entityId'], 'saml.idp.entityId', 'samlConfiguration.idp.entityId', 'SAML_IDP_ENTITY_ID'],
  [['fernetkey', 'value'], 'fernetkey.value', 'fernetConfiguration.fernetKey', 'FERNET_KEY'],
  [['authentication', 'publicKeys', 0], 'publicKeys', 'publicKeyUrls', 'AUTHENTICATION_PUBLIC_KEYS'],
] as const)('%j', (path, values, server, env) => {
  it('is named as each kind of file writes it', () => {
    expect(keyNameIn('values', path)).toBe(values);
    expect(keyNameIn('server-config', path)).toBe(server);
    expect(keyNameIn('env-file', path)).toBe(env);
  });
});

it('names where a default comes from', () => {
  expect(defaultsNameIn('values')).toBe('the chart default');
  expect(defaultsNameIn('server-config')).toBe("the server's default");
  expect(defaultsNameIn('env-file')).toBe("the server's default");
});
