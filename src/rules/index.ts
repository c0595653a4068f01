/** The registry: every rule omlint runs, in id order. A test checks each has its fixtures and doc. */
import type { Rule } from '../engine/rule';
import authorityFormat from './authority-format';
import azureTenant from './azure-tenant';
import clientAuthMethod from './client-auth-method';
import clientIdFormat from './client-id-format';
import customParams from './custom-params';
import httpsUrls from './https-urls';
import idpJwksPublicKey from './idp-jwks-public-key';
import jwksPublicKey from './jwks-public-key';
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
import validSchema from './valid-schema';
import yamlSyntax from './yaml-syntax';

export const RULES: readonly Rule[] = [
  authorityFormat,
  azureTenant,
  clientAuthMethod,
  clientIdFormat,
  customParams,
  httpsUrls,
  idpJwksPublicKey,
  jwksPublicKey,
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
  validSchema,
  yamlSyntax,
].sort((a, b) => a.id.localeCompare(b.id));
