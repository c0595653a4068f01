/**
 * `helm -f base.yaml -f prod.yaml`: the values files merged the way Helm merges them, with the
 * file every value came from.
 *
 * Helm (pkg/cli/values/options.go mergeMaps) merges the files in order: a map merges key by key
 * into the map an earlier file set; anything else — a list, a scalar, null, or a map over a
 * non-map — replaces what was there. Lists are never merged (helm/helm#3486). The
 * merged values are then coalesced with the chart's defaults (pkg/chartutil coalesceValues), where
 * a `null` deletes the key and its default.
 */
import type { Location, Path, Plain, PlainMap } from '../types';
import { Target } from './yaml';
import { valueAt, isPlainMap } from '../types';
import { type Locator, type Origin } from './tree';

/** One `-f` file: its plain value and what locates paths in it. */
export interface Layer {
  filePath: string;
  value: Plain;
  locator: Locator;
}

/** Which layer set the value at a node; for merged maps, the last layer that wrote the key. */
interface Provenance {
  layer: number;
  replaced?: { layer: number; value: Plain };
  children?: Map<string, Provenance>;
}

export interface Merged {
  value: Plain;
  locator: Locator;
  /** The index of the layer whose value won at `path` (list items belong to the layer that set the list). */
  layerOf(path: Path): number;
}

/** Merges the layers in Helm's order (later wins) and returns the value with a locator that knows every path's file. */
export function mergeLayers(layers: readonly Layer[]): Merged {
  if (layers.length === 0) throw new Error('mergeLayers needs at least one layer');
  let value: Plain = {};
  let provenance: Provenance = { layer: 0, children: new Map() };
  layers.forEach((layer, index) => {
    // Helm unmarshals each file into a map; a file that is not a map (empty, a list) adds nothing.
    if (!isPlainMap(layer.value)) return;
    const merged = mergeMaps(value as PlainMap, provenance, layer.value, index);
    value = merged.value;
    provenance = merged.provenance;
  });
  const locator = new LayeredLocator(layers, provenance);
  return { value, locator, layerOf: (path) => locator.layerOf(path) };
}

/** Helm's mergeMaps(a, b), keeping track of which layer set what. */
function mergeMaps(a: PlainMap, aProv: Provenance, b: PlainMap, layer: number): { value: PlainMap; provenance: Provenance } {
  const value: PlainMap = { ...a };
  const children = new Map(aProv.children ?? []);
  for (const [key, bValue] of Object.entries(b)) {
    const aValue = Object.prototype.hasOwnProperty.call(a, key) ? a[key] : undefined;
    const aChild = children.get(key);
    if (isPlainMap(bValue) && isPlainMap(aValue) && aChild) {
      const merged = mergeMaps(aValue, aChild, bValue, layer);
      value[key] = merged.value;
      children.set(key, merged.provenance);
      continue;
    }
    value[key] = bValue;
    children.set(key, {
      ...freshProvenance(bValue, layer),
      ...(aValue !== undefined && aChild ? { replaced: { layer: aChild.layer, value: aValue } } : {}),
    });
  }
  return { value, provenance: { layer, replaced: aProv.replaced, children } };
}

function freshProvenance(value: Plain, layer: number): Provenance {
  if (!isPlainMap(value)) return { layer };
  return { layer, children: new Map(Object.entries(value).map(([key, child]) => [key, freshProvenance(child, layer)])) };
}

/** Locates a merged path in the file whose value won there. */
class LayeredLocator implements Locator {
  constructor(private readonly layers: readonly Layer[], private readonly root: Provenance) {}

  locate(path: Path, target?: Target): Location | undefined {
    return this.layers[this.deepest(path).node.layer].locator.locate(path, target);
  }

  locateClosest(path: Path, target?: Target): Location {
    return this.layers[this.deepest(path).node.layer].locator.locateClosest(path, target);
  }

  layerOf(path: Path): number {
    return this.deepest(path).node.layer;
  }

  origin(path: Path): Origin | undefined {
    const { node, depth } = this.deepest(path);
    // A missing key of a map: nothing set it. (Below a list or scalar, the path is inside that value.)
    if (depth < path.length && node.children) return undefined;
    const layer = this.layers[node.layer];
    const inner = layer.locator.origin?.(path);
    const replaced = node.replaced ? { filePath: this.layers[node.replaced.layer].filePath, value: node.replaced.value } : undefined;
    return { ...(inner ?? { filePath: layer.filePath }), ...(replaced ? { replaced } : {}) };
  }

  /** The deepest provenance node along `path` (list items belong to the layer that set the list). */
  private deepest(path: Path): { node: Provenance; depth: number } {
    let node = this.root;
    let depth = 0;
    for (const segment of path) {
      const child = node.children?.get(String(segment));
      if (!child) break;
      node = child;
      depth++;
    }
    return { node, depth };
  }
}

/**
 * The value at `path` of coalesce(user, defaults), walking both trees along the path only: the
 * rules ask for a few dozen leaves per model, far less work than merging whole trees per model.
 */
export function coalescedAt(user: Plain | undefined, defaults: Plain | undefined, path: Path): Plain | undefined {
  let mine = user;
  let theirs = defaults;
  for (let i = 0; i < path.length; i++) {
    if (mine === undefined) return valueAt(theirs, path.slice(i));
    if (!isPlainMap(mine) || !isPlainMap(theirs)) return valueAt(mine, path.slice(i));
    const key = String(path[i]);
    if (!hasOwn(mine, key)) return valueAt(theirs, path.slice(i));
    const inDefaults = hasOwn(theirs, key);
    // A user `null` deletes the key together with its default.
    if (mine[key] === null && inDefaults) return undefined;
    mine = mine[key];
    theirs = inDefaults ? theirs[key] : undefined;
  }
  return coalesce(mine, theirs);
}

function hasOwn(map: PlainMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/**
 * Helm's coalesceValues(chart defaults, user values): user values win, maps merge, and a user
 * `null` deletes the key together with its default. Keys only the user wrote are kept.
 */
export function coalesce(user: Plain | undefined, defaults: Plain | undefined): Plain | undefined {
  if (user === undefined) return defaults;
  if (!isPlainMap(user) || !isPlainMap(defaults)) return user;
  const out: PlainMap = {};
  for (const [key, value] of Object.entries(defaults)) {
    if (!Object.prototype.hasOwnProperty.call(user, key)) out[key] = value;
  }
  for (const [key, value] of Object.entries(user)) {
    if (value === null && Object.prototype.hasOwnProperty.call(defaults, key)) continue;
    const merged = coalesce(value, defaults[key]);
    if (merged !== undefined) out[key] = merged;
  }
  return out;
}
