/**
 * Finding the auth sections in a Helm values document. The chart reads them from
 * `openmetadata.config.*`; an umbrella chart nests the same under its dependency key or alias;
 * charts before 1.0 read `global.authentication` / `global.authorizer` (openmetadata-helm-charts PR #143).
 */
import type { Path, Plain, PlainMap } from '../types';
import type { AuthModel, LayoutId } from './model';
import type { DuplicateKey } from '../source/yaml';
import { MISPLACED_SAML_KEYS } from '../knowledge/names';
import { isPlainMap } from '../types';
import { type Locator } from '../source/tree';

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

/** Every place in the document where the auth sections sit. */
export function findPlacements(document: Plain): Placement[] {
  if (!isPlainMap(document)) return [];
  const placements: Placement[] = [];
  const om = document.openmetadata;
  if (isPlainMap(om) && hasAuthSection(om.config, MISPLACED_SAML_KEYS)) {
    placements.push({ layout: 'helm', chartPath: [], configPath: ['openmetadata', 'config'] });
  }
  for (const [key, value] of Object.entries(document)) {
    if (key === 'openmetadata' || !isPlainMap(value) || !isPlainMap(value.openmetadata)) continue;
    if (hasAuthSection(value.openmetadata.config, MISPLACED_SAML_KEYS)) {
      placements.push({ layout: 'umbrella', chartPath: [key], configPath: [key, 'openmetadata', 'config'] });
    }
  }
  if (hasAuthSection(document.global)) {
    placements.push({ layout: 'legacy-global', chartPath: [], configPath: ['global'] });
  }
  if (hasAuthSection(document.config)) {
    placements.push({ layout: 'misplaced-config', chartPath: [], configPath: ['config'] });
  }
  return placements;
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
    return { ...placement, form: 'values', filePath, document, config: config as PlainMap, locator, duplicateKeys };
  });
}
