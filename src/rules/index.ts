/** The registry: every rule omlint runs, in id order. A test checks each has its fixtures and doc. */
import type { Rule } from '../engine/rule';
import authDisabled from './auth-disabled';
import defaultSigningKeys from './default-signing-keys';
import enforcePrincipalDomain from './enforce-principal-domain';
import envOverride from './env-override';
import initialAdmins from './initial-admins';
import jwksPublicKey from './jwks-public-key';
import ldapConfig from './ldap-config';
import noDottedKeys from './no-dotted-keys';
import noDuplicateKeys from './no-duplicate-keys';
import noEnvSubstitution from './no-env-substitution';
import noLegacyLayout from './no-legacy-layout';
import noPlaceholders from './no-placeholders';
import noPlaintextSecrets from './no-plaintext-secrets';
import noUnknownKeys from './no-unknown-keys';
import principalDomain from './principal-domain';
import providerBlockIgnored from './provider-block-ignored';
import samlConfig from './saml-config';
import selfSignup from './self-signup';
import storedConfigPrecedence from './stored-config-precedence';
import validSchema from './valid-schema';
import yamlSyntax from './yaml-syntax';

export const RULES: readonly Rule[] = [
  authDisabled,
  defaultSigningKeys,
  enforcePrincipalDomain,
  envOverride,
  initialAdmins,
  jwksPublicKey,
  ldapConfig,
  noDottedKeys,
  noDuplicateKeys,
  noEnvSubstitution,
  noLegacyLayout,
  noPlaceholders,
  noPlaintextSecrets,
  noUnknownKeys,
  principalDomain,
  providerBlockIgnored,
  samlConfig,
  selfSignup,
  storedConfigPrecedence,
  validSchema,
  yamlSyntax,
].sort((a, b) => a.id.localeCompare(b.id));
