/** The registry: every rule omlint runs, in id order. A test checks each has its fixtures and doc. */
import type { Rule } from '../engine/rule';
import inputLimit from './input-limit';
import jwksPublicKey from './jwks-public-key';
import noDottedKeys from './no-dotted-keys';
import noDuplicateKeys from './no-duplicate-keys';
import noEnvSubstitution from './no-env-substitution';
import noLegacyLayout from './no-legacy-layout';
import noPlaceholders from './no-placeholders';
import noUnknownKeys from './no-unknown-keys';
import validSchema from './valid-schema';
import yamlSyntax from './yaml-syntax';

export const RULES: readonly Rule[] = [
  inputLimit,
  jwksPublicKey,
  noDottedKeys,
  noDuplicateKeys,
  noEnvSubstitution,
  noLegacyLayout,
  noPlaceholders,
  noUnknownKeys,
  validSchema,
  yamlSyntax,
].sort((a, b) => a.id.localeCompare(b.id));
