/**
 * `--against-export FILE`: the security configuration a server has stored, read from the export
 * `openmetadata-ops.sh get-security-config` writes (src/layouts/export.ts), for stored-config-drift.
 * Its secrets are kept only as hashes: a drift in a secret is found without the secret being kept,
 * let alone shown.
 */
import type { Path, Plain, PlainMap } from '../types';
import type { StoredConfig } from '../rules/support/rule';
import { SECRET_REF_KEY } from '../rules/support/helpers';
import { parseSource } from '../source/parse';
import { buildExportModel } from '../layouts/export';
import { InputLimits, findLongLine, resolveLimits } from '../source/limits';
import { sha256 } from '../util/digest';
import { isPlainMap } from '../types';

/**
 * The stored configuration of an export text; undefined when the text does not parse, is over an
 * input limit, or holds neither part (a comparison with a guess would only mislead).
 */
export function parseStoredConfig(text: string, label: string, limitOverrides?: Partial<InputLimits>): StoredConfig | undefined {
  const limits = resolveLimits(limitOverrides);
  if (text.length > limits.maxFileSize || findLongLine(text, limits.maxLineLength)) return undefined;
  const parsed = parseSource(text, label, { limits });
  if (parsed.syntaxErrors.length > 0 || parsed.limitProblems.length > 0 || parsed.documents.length !== 1) return undefined;
  const [document] = parsed.documents;
  const model = buildExportModel(label, document, document.plain(), true);
  if (!model || model.securityExport?.parts.length === 0) return undefined;
  const config: PlainMap = {};
  for (const section of ['authentication', 'authorizer']) {
    if (model.config[section] !== undefined) config[section] = hashSecrets(model.config[section], [section]);
  }
  return { label, config };
}

/** The value with every non-empty string under a secret key replaced by `sha256:<hex>`. */
function hashSecrets(value: Plain, path: Path): Plain {
  if (Array.isArray(value)) return value.map((item, index) => hashSecrets(item, [...path, index]));
  if (isPlainMap(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, hashSecrets(child, [...path, key])]));
  const key = path.at(-1);
  if (typeof key === 'string' && SECRET_REF_KEY.test(key) && typeof value === 'string' && value !== '') return `sha256:${sha256(value)}`;
  return value;
}
