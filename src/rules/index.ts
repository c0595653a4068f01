/** The registry: every rule omlint runs, in id order. A test checks each has its fixtures and doc. */
import type { Rule } from '../engine/rule';
import authorityFormat from './authority-format';
import azureTenant from './azure-tenant';
import callbackUrl from './callback-url';
import clientAuthMethod from './client-auth-method';
import clientIdFormat from './client-id-format';
import clientTypeOidc from './client-type-oidc';
import customParams from './custom-params';
import discoveryUri from './discovery-uri';
import httpsUrls from './https-urls';
import idpJwksPublicKey from './idp-jwks-public-key';
import jwksPublicKey from './jwks-public-key';
import jwtPrincipalClaims from './jwt-principal-claims';
import jwtPrincipalClaimsMapping from './jwt-principal-claims-mapping';
import jwtPrincipalClaimsOrder from './jwt-principal-claims-order';
import noDottedKeys from './no-dotted-keys';
import noDuplicateKeys from './no-duplicate-keys';
import noEnvSubstitution from './no-env-substitution';
import noLegacyLayout from './no-legacy-layout';
import noPlaceholders from './no-placeholders';
import noUnknownKeys from './no-unknown-keys';
import oidcNumericSettings from './oidc-numeric-settings';
import oidcPrompt from './oidc-prompt';
import oidcScope from './oidc-scope';
import oidcTypeMatchesProvider from './oidc-type-matches-provider';
import publicKeysUrls from './public-keys-urls';
import publicUrlConsistency from './public-url-consistency';
import validSchema from './valid-schema';
import yamlSyntax from './yaml-syntax';

export const RULES: readonly Rule[] = [
  authorityFormat,
  azureTenant,
  callbackUrl,
  clientAuthMethod,
  clientIdFormat,
  clientTypeOidc,
  customParams,
  discoveryUri,
  httpsUrls,
  idpJwksPublicKey,
  jwksPublicKey,
  jwtPrincipalClaims,
  jwtPrincipalClaimsMapping,
  jwtPrincipalClaimsOrder,
  noDottedKeys,
  noDuplicateKeys,
  noEnvSubstitution,
  noLegacyLayout,
  noPlaceholders,
  noUnknownKeys,
  oidcNumericSettings,
  oidcPrompt,
  oidcScope,
  oidcTypeMatchesProvider,
  publicKeysUrls,
  publicUrlConsistency,
  validSchema,
  yamlSyntax,
].sort((a, b) => a.id.localeCompare(b.id));
