/** The registry: every rule omlint runs, in id order. A test checks each has its fixtures and doc. */
import type { Rule } from '../engine/rule';
import callbackUrl from './callback-url';
import clientTypeOidc from './client-type-oidc';
import discoveryUri from './discovery-uri';
import envFileSyntax from './env-file-syntax';
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
import publicKeysUrls from './public-keys-urls';
import publicUrlConsistency from './public-url-consistency';
import validSchema from './valid-schema';
import yamlSyntax from './yaml-syntax';

export const RULES: readonly Rule[] = [
  callbackUrl,
  clientTypeOidc,
  discoveryUri,
  envFileSyntax,
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
  publicKeysUrls,
  publicUrlConsistency,
  validSchema,
  yamlSyntax,
].sort((a, b) => a.id.localeCompare(b.id));
