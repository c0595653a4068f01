/** The registry: every rule omlint runs, in id order. A test checks each has its fixtures and doc. */
import type { Rule } from './support/rule';
import authDisabled from './auth-disabled';
import authorityFormat from './authority-format';
import azureTenant from './azure-tenant';
import callbackUrl from './callback-url';
import clientAuthMethod from './client-auth-method';
import clientIdFormat from './client-id-format';
import clientTypeOidc from './client-type-oidc';
import customParams from './custom-params';
import defaultSigningKeys from './default-signing-keys';
import discoveryUri from './discovery-uri';
import enforcePrincipalDomain from './enforce-principal-domain';
import envFileSyntax from './env-file-syntax';
import envOverride from './env-override';
import helmSetSyntax from './helm-set-syntax';
import httpsUrls from './https-urls';
import idpJwksPublicKey from './idp-jwks-public-key';
import initialAdmins from './initial-admins';
import inputLimit from './input-limit';
import jwksPublicKey from './jwks-public-key';
import jwtPrincipalClaims from './jwt-principal-claims';
import jwtPrincipalClaimsMapping from './jwt-principal-claims-mapping';
import jwtPrincipalClaimsOrder from './jwt-principal-claims-order';
import ldapConfig from './ldap-config';
import noDottedKeys from './no-dotted-keys';
import noDuplicateKeys from './no-duplicate-keys';
import noEnvSubstitution from './no-env-substitution';
import noLegacyLayout from './no-legacy-layout';
import noPlaceholders from './no-placeholders';
import noPlaintextSecrets from './no-plaintext-secrets';
import noUnknownKeys from './no-unknown-keys';
import oidcNumericSettings from './oidc-numeric-settings';
import oidcPrompt from './oidc-prompt';
import oidcScope from './oidc-scope';
import oidcTypeMatchesProvider from './oidc-type-matches-provider';
import principalDomain from './principal-domain';
import providerBlockIgnored from './provider-block-ignored';
import publicKeysUrls from './public-keys-urls';
import publicUrlConsistency from './public-url-consistency';
import responseType from './response-type';
import samlConfig from './saml-config';
import securityConfigExport from './security-config-export';
import selfSignup from './self-signup';
import ssoValidator from './sso-validator';
import storedConfigDrift from './stored-config-drift';
import storedConfigPrecedence from './stored-config-precedence';
import unreadValues from './unread-values';
import validSchema from './valid-schema';
import yamlSyntax from './yaml-syntax';

export const RULES: readonly Rule[] = [
  authDisabled,
  authorityFormat,
  azureTenant,
  callbackUrl,
  clientAuthMethod,
  clientIdFormat,
  clientTypeOidc,
  customParams,
  defaultSigningKeys,
  discoveryUri,
  enforcePrincipalDomain,
  envFileSyntax,
  envOverride,
  helmSetSyntax,
  httpsUrls,
  idpJwksPublicKey,
  initialAdmins,
  inputLimit,
  jwksPublicKey,
  jwtPrincipalClaims,
  jwtPrincipalClaimsMapping,
  jwtPrincipalClaimsOrder,
  ldapConfig,
  noDottedKeys,
  noDuplicateKeys,
  noEnvSubstitution,
  noLegacyLayout,
  noPlaceholders,
  noPlaintextSecrets,
  noUnknownKeys,
  oidcNumericSettings,
  oidcPrompt,
  oidcScope,
  oidcTypeMatchesProvider,
  principalDomain,
  providerBlockIgnored,
  publicKeysUrls,
  publicUrlConsistency,
  responseType,
  samlConfig,
  securityConfigExport,
  selfSignup,
  ssoValidator,
  storedConfigDrift,
  storedConfigPrecedence,
  unreadValues,
  validSchema,
  yamlSyntax,
  // By code unit, not localeCompare: the same order for ids of [a-z0-9-], without starting ICU's collator (~10 ms).
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
