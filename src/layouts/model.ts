/**
 * The AuthModel: the auth sections of one document as plain data, in the Helm chart's key names,
 * with the means to point back at the file and line of anything in it. Rules see only this.
 */
import type { Location, Path, Plain, PlainMap } from '../types';
import type { DuplicateKey, Target } from '../source/yaml';

/** What turns a document path into a location; a YAML document, or several merged ones. */
export interface Locator {
  locate(path: Path, target?: Target): Location | undefined;
  locateClosest(path: Path, target?: Target): Location;
}

export type LayoutId = 'helm' | 'umbrella' | 'legacy-global' | 'misplaced-config';

/** Which root a model path is relative to. */
export type ModelRoot = 'config' | 'chart' | 'document';

export interface AuthModel {
  layout: LayoutId;
  /** The linted file. */
  filePath: string;
  /** The whole document as plain data. */
  document: Plain;
  /** Where the openmetadata chart's values start: [] at the root, [dependency] in an umbrella chart. */
  chartPath: Path;
  /** Where the auth sections' parent sits (`openmetadata.config` for the Helm layout). */
  configPath: Path;
  /** The map at configPath: authentication, authorizer, jwtTokenConfiguration, fernetkey. */
  config: PlainMap;
  locator: Locator;
  duplicateKeys: DuplicateKey[];
}

/** Turns a model path relative to `root` into a path from the document root. */
export function documentPath(model: AuthModel, path: Path, root: ModelRoot = 'config'): Path {
  if (root === 'document') return path;
  return [...(root === 'chart' ? model.chartPath : model.configPath), ...path];
}

/** The value at `path` below `from`, or undefined where the path does not exist. */
export function valueAt(from: Plain | undefined, path: Path): Plain | undefined {
  let current: Plain | undefined = from;
  for (const segment of path) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = Array.isArray(current)
      ? typeof segment === 'number' ? current[segment] : undefined
      : Object.prototype.hasOwnProperty.call(current, segment) ? current[String(segment)] : undefined;
  }
  return current;
}
