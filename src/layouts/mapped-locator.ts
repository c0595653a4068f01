/**
 * A Locator for models whose paths are not the source's paths: the server layout (server key
 * names), env files (one line per variable) and extraEnvs (a values key set by an env entry).
 * Each mapped model path names where it is in some source; a path below a mapped one is followed
 * in that source, or, when the whole value came from one piece of text (a `${VAR}` substitution,
 * an env value), lands on that text.
 */
import type { Location, Path } from '../types';
import type { Target } from '../source/yaml';
import { type Locator, type Origin } from '../source/tree';

export interface MappedEntry {
  locator: Locator;
  /** The path in `locator`'s source. */
  sourcePath: Path;
  /** The model value here came from one text as a whole: anything below it is located on that text. */
  whole?: boolean;
  /** Where a finding on the key lands when the key is not a YAML key (an extraEnvs entry's `name`). */
  keySourcePath?: Path;
  origin?: Origin;
}

export const pathKey = (path: Path): string => JSON.stringify(path);

export class MappedLocator implements Locator {
  constructor(
    private readonly entries: ReadonlyMap<string, MappedEntry>,
    /** Locates the paths no entry maps (identity), e.g. the YAML document the model was read from. */
    readonly base: Locator,
  ) {}

  locate(path: Path, target?: Target): Location | undefined {
    const hit = this.find(path);
    if (!hit) return this.base.locate(path, target);
    const { entry, rest } = hit;
    if (rest.length === 0 && target === 'key' && entry.keySourcePath) return entry.locator.locate(entry.keySourcePath, 'value');
    if (rest.length === 0) return entry.locator.locate(entry.sourcePath, target);
    if (entry.whole) return entry.locator.locate(entry.sourcePath, 'value');
    return entry.locator.locate([...entry.sourcePath, ...rest], target);
  }

  locateClosest(path: Path, target?: Target): Location {
    const hit = this.find(path);
    if (!hit) return this.base.locateClosest(path, target);
    const { entry, rest } = hit;
    if (rest.length === 0 && target === 'key' && entry.keySourcePath) return entry.locator.locateClosest(entry.keySourcePath, 'value');
    if (rest.length === 0) return entry.locator.locateClosest(entry.sourcePath, target);
    if (entry.whole) return entry.locator.locate(entry.sourcePath, 'value') ?? entry.locator.locateClosest(entry.sourcePath);
    return entry.locator.locateClosest([...entry.sourcePath, ...rest], target);
  }

  origin(path: Path): Origin | undefined {
    const hit = this.find(path);
    if (!hit) return this.base.origin?.(path);
    if (hit.entry.origin) return hit.entry.origin;
    return hit.entry.locator.origin?.([...hit.entry.sourcePath, ...hit.rest]);
  }

  /** The longest mapped prefix of `path`. */
  private find(path: Path): { entry: MappedEntry; rest: Path } | undefined {
    for (let length = path.length; length >= 0; length--) {
      const entry = this.entries.get(pathKey(path.slice(0, length)));
      if (entry) return { entry, rest: path.slice(length) };
    }
    return undefined;
  }
}
