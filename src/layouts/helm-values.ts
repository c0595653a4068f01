/**
 * Finding the auth sections in a Helm values document. The chart reads them from
 * `openmetadata.config.*`; an umbrella chart nests the same under its dependency key or alias;
 * charts before 1.0 read `global.authentication` / `global.authorizer` (openmetadata-helm-charts PR #143).
 */
import type { Path, Plain, PlainMap } from '../types';
import type { AuthModel, LayoutId } from './model';
import type { DuplicateKey } from '../source/yaml';
import { MISPLACED_SAML_KEYS } from '../knowledge/names';
import { OPENMETADATA_KEYS, OPENMETADATA_VALUE } from '../knowledge/markers';
import { isPlainMap } from '../types';
import { type Locator } from '../source/tree';
import { MappedLocator, pathKey } from './mapped-locator';
import { withConfig } from './extra-envs';

/** Keys that make a map an OpenMetadata auth config. */
export const AUTH_SECTION_KEYS = ['authentication', 'authorizer', 'jwtTokenConfiguration', 'fernetkey'] as const;


interface Placement {
  layout: LayoutId;
  chartPath: Path;
  configPath: Path;
}

function hasAuthSection(map: Plain | undefined, extraKeys: readonly string[] = []): map is PlainMap {
  return isPlainMap(map) && [...AUTH_SECTION_KEYS, ...extraKeys].some((key) => key in map);
}

/**
 * Every place in the document where the auth sections sit. `openmetadata.config` (or
 * `<dependency>.openmetadata.config` in an umbrella chart, the dependency itself possibly named
 * `openmetadata`: openmetadata-helm-charts#218) is the chart's own path, evidence enough that the
 * file is OpenMetadata's. `global.authentication` (charts before 1.1.0) and a root
 * `config.authentication` are what Bitnami-style charts write too: they count only in a document
 * that shows something of OpenMetadata's (hasOpenMetadataEvidence).
 */
export function findPlacements(document: Plain): Placement[] {
  if (!isPlainMap(document)) return [];
  const placements: Placement[] = [];
  const om = document.openmetadata;
  if (isPlainMap(om) && hasAuthSection(om.config, MISPLACED_SAML_KEYS)) {
    placements.push({ layout: 'helm', chartPath: [], configPath: ['openmetadata', 'config'] });
  }
  for (const [key, value] of Object.entries(document)) {
    if (!isPlainMap(value) || !isPlainMap(value.openmetadata)) continue;
    if (hasAuthSection(value.openmetadata.config, MISPLACED_SAML_KEYS)) {
      placements.push({ layout: 'umbrella', chartPath: [key], configPath: [key, 'openmetadata', 'config'] });
    }
  }
  // The sections beside config (`openmetadata.authentication`), often with the server's key names
  // pasted from openmetadata.yaml: values.schema.json @ 1.13.1 allows only `config` under
  // `openmetadata` (additionalProperties: false), so helm install fails.
  if (hasAuthSection(om)) placements.push({ layout: 'beside-config', chartPath: [], configPath: ['openmetadata'] });
  for (const [key, value] of Object.entries(document)) {
    if (isPlainMap(value) && hasAuthSection(value.openmetadata)) {
      placements.push({ layout: 'beside-config', chartPath: [key], configPath: [key, 'openmetadata'] });
    }
  }
  const candidates: Placement[] = [];
  if (hasAuthSection(document.global, ['fernetKey'])) {
    candidates.push({ layout: 'legacy-global', chartPath: [], configPath: ['global'] });
  }
  if (hasAuthSection(document.config)) {
    candidates.push({ layout: 'misplaced-config', chartPath: [], configPath: ['config'] });
  }
  if (candidates.length === 0) return placements;
  const evidence = placements.length > 0 || candidates.some((candidate) => hasOpenMetadataEvidence(document[String(candidate.configPath[0])]));
  return evidence ? [...placements, ...candidates] : placements;
}

/**
 * Whether a map holds a key or a value only OpenMetadata's settings have (src/knowledge/markers.ts),
 * at any depth: `jwtTokenConfiguration` beside `authentication`, `initialAdmins`, a class name
 * `org.openmetadata.…`, the JWKS path. The walk is bounded: the parser's depth limit already holds.
 */
export function hasOpenMetadataEvidence(value: Plain | undefined, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string') return OPENMETADATA_VALUE.test(value);
  if (Array.isArray(value)) return value.some((item) => hasOpenMetadataEvidence(item, depth + 1));
  if (!isPlainMap(value)) return false;
  return Object.entries(value).some(([key, child]) => OPENMETADATA_KEYS.has(key) || hasOpenMetadataEvidence(child, depth + 1));
}

export function buildHelmModels(
  filePath: string,
  document: Plain,
  locator: Locator,
  duplicateKeys: DuplicateKey[],
): AuthModel[] {
  return findPlacements(document).map((placement) => {
    let config: Plain | undefined = document;
    for (const segment of placement.configPath) config = (config as PlainMap)[String(segment)];
    const model: AuthModel = { ...placement, form: 'values', filePath, document, config: config as PlainMap, locator, duplicateKeys };
    return placement.layout === 'legacy-global' ? withLegacyFernetKey(model) : model;
  });
}

/**
 * Charts up to 0.0.5x spell the Fernet key `global.fernetKey: "<key>"` (camel case, the key itself;
 * src/knowledge/chart-history.ts), later `fernetkey.value`. The model reads it as `fernetkey.value`,
 * located on the string the user wrote, so the rules judge it like the newer key.
 */
function withLegacyFernetKey(model: AuthModel): AuthModel {
  const key = model.config.fernetKey;
  if (typeof key !== 'string' || model.config.fernetkey !== undefined) return model;
  const config: PlainMap = { ...model.config, fernetkey: { value: key } };
  const entries = new Map([[pathKey([...model.configPath, 'fernetkey']), { locator: model.locator, sourcePath: [...model.configPath, 'fernetKey'], whole: true }]]);
  return { ...model, config, document: withConfig(model.document, model.configPath, config), locator: new MappedLocator(entries, model.locator) };
}
