/**
 * Helm's `--set` family on top of merged values files, with the place every value was set: after
 * every `-f` file, `--set-json`, then `--set`, `--set-string` and `--set-file` arguments, each group
 * in the order given (pkg/cli/values/options.go MergeValues), each argument applied into the values
 * as strvals.ParseInto does (src/source/helm-set.ts). The same arguments come from omlint's command
 * line, from an Argo CD Application's `parameters` and from a helmfile release's `set`/`setString`.
 */
import type { Location, Path, Plain, PlainMap } from '../types';
import { isPlainMap, valueAt } from '../types';
import { applySetArgument, SET_FLAG_ORDER, type SetFlag } from './helm-set';
import type { Merged } from './merge';
import type { Locator, Origin, Target } from './tree';

/** One `--set…` argument and where it is written. */
export interface SetLayer {
  flag: SetFlag;
  /** The argument as Helm receives it: `name=value,name2=value2`. */
  argument: string;
  /** Who sets it: `<command line>`, or the file whose entry becomes the argument (an Argo CD Application, a helmfile). */
  filePath: string;
  /** Where the characters `start` to `end` of the argument are written. */
  place(start: number, end: number): Location;
  /** Reads a `--set-file` argument's file (its text, or a thrown Error: Helm refuses the argument). */
  readFile?: (path: string) => string;
}

/** An argument Helm refuses given the values below it (`"a" is not a map`): the release is not rendered. */
export interface SetLayerProblem {
  layer: SetLayer;
  message: string;
  location: Location;
}

export interface SetApplied extends Merged {
  /** The argument that set the value at `path`, or undefined when a values file did. */
  setBy(path: Path): SetLayer | undefined;
}

/** One value an argument set, in the order Helm set them. */
interface Entry {
  path: Path;
  layer: SetLayer;
  key: Location;
  value: Location;
  replaced?: { filePath: string; value: Plain };
}

/** The arguments in the order Helm applies them: by flag (SET_FLAG_ORDER), then as given. */
export function inHelmOrder<T extends { flag: SetFlag }>(layers: readonly T[]): T[] {
  return layers.map((layer, index) => ({ layer, index }))
    .sort((a, b) => SET_FLAG_ORDER.indexOf(a.layer.flag) - SET_FLAG_ORDER.indexOf(b.layer.flag) || a.index - b.index)
    .map(({ layer }) => layer);
}

/**
 * `base` with every argument applied, in Helm's order. The values of `base` are not changed (the
 * arguments are applied to a copy). A problem stops the arguments where Helm stops.
 */
export function applySetLayers(
  base: Merged,
  layers: readonly SetLayer[],
  /** What set the values of `base` that arguments set (an earlier group of arguments). */
  baseSetBy?: (path: Path) => SetLayer | undefined,
): { applied: SetApplied; problem?: SetLayerProblem } {
  const values: PlainMap = isPlainMap(base.value) ? (structuredClone(base.value) as PlainMap) : {};
  const entries: Entry[] = [];
  let problem: SetLayerProblem | undefined;
  for (const layer of inHelmOrder(layers)) {
    const outcome = applySetArgument(values, layer.flag, layer.argument, layer.readFile);
    for (const assignment of outcome.assignments) {
      const covered = entries.some((entry) => isPrefix(entry.path, assignment.path));
      const before = covered ? undefined : valueAt(base.value, assignment.path);
      const replaced = before !== undefined && !isPlainMap(before)
        ? { filePath: base.locator.origin?.(assignment.path)?.filePath ?? layer.filePath, value: before }
        : undefined;
      entries.push({
        path: assignment.path,
        layer,
        key: layer.place(assignment.keyStart, assignment.keyEnd),
        value: layer.place(assignment.valueStart, assignment.valueEnd),
        ...(replaced ? { replaced } : {}),
      });
    }
    if (outcome.problem) {
      const at = outcome.problem.offset;
      problem = { layer, message: outcome.problem.message, location: layer.place(at, Math.min(at + 1, layer.argument.length)) };
      break;
    }
  }
  const locator = new SetLocator(base, entries, values);
  const applied: SetApplied = {
    value: values,
    locator,
    layerOf: (path) => {
      const hit = locator.hit(path);
      return hit ? -1 - layers.indexOf(hit.entry.layer) : base.layerOf(path);
    },
    setBy: (path) => locator.hit(path)?.entry.layer ?? baseSetBy?.(path),
  };
  return { applied, ...(problem ? { problem } : {}) };
}

/** Locates a value in the argument that set it, else in the values file that did. */
class SetLocator implements Locator {
  constructor(
    private readonly base: Merged,
    private readonly entries: readonly Entry[],
    private readonly value: Plain,
  ) {}

  /** The last argument that set `path` or a map or list above it: the one whose value is there now. */
  hit(path: Path): { entry: Entry; rest: Path } | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (isPrefix(entry.path, path)) return { entry, rest: path.slice(entry.path.length) };
    }
    return undefined;
  }

  locate(path: Path, target?: Target): Location | undefined {
    const hit = this.hit(path);
    if (hit) return this.inEntry(hit.entry, hit.rest, target);
    if (valueAt(this.value, path) === undefined) return undefined;
    return this.base.locator.locate(path, target) ?? this.below(path)?.key;
  }

  locateClosest(path: Path, target?: Target): Location {
    for (let length = path.length; length >= 0; length--) {
      const prefix = path.slice(0, length);
      const hit = this.hit(prefix);
      if (hit) return this.inEntry(hit.entry, [...hit.rest, ...path.slice(length)], length === path.length ? target : 'key');
      if (valueAt(this.value, prefix) === undefined) continue;
      const exact = this.base.locator.locate(prefix, length === path.length ? target : 'key');
      if (exact) return exact;
      const below = this.below(prefix);
      if (below) return below.key;
    }
    return this.base.locator.locateClosest(path, target);
  }

  origin(path: Path): Origin | undefined {
    const hit = this.hit(path);
    if (hit) return { filePath: hit.entry.layer.filePath, ...(hit.rest.length === 0 && hit.entry.replaced ? { replaced: hit.entry.replaced } : {}) };
    const below = this.below(path);
    if (below && this.base.locator.locate(path) === undefined) return { filePath: below.layer.filePath };
    return this.base.locator.origin?.(path);
  }

  /** The first argument that set something below `path` (it created the maps on the way). */
  private below(path: Path): Entry | undefined {
    return this.entries.find((entry) => entry.path.length > path.length && isPrefix(path, entry.path));
  }

  /** A path at or below what `entry` set: its key, or its value (the whole value for anything inside it). */
  private inEntry(entry: Entry, rest: Path, target: Target | undefined): Location {
    if (rest.length > 0) return entry.value;
    const value = valueAt(this.value, entry.path);
    const isCollection = typeof value === 'object' && value !== null;
    return target === 'key' || (target !== 'value' && isCollection) ? entry.key : entry.value;
  }
}

function isPrefix(prefix: Path, path: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(segment) === String(path[i]));
}

/**
 * Where a part of an argument given on omlint's command line is: `<command line>`, line 1, at its
 * column in the command line as omlint received it (the arguments joined by single spaces), the
 * argument itself starting at `column`.
 */
export function commandLinePlace(column: number): (start: number, end: number) => Location {
  return (start, end) => ({ filePath: COMMAND_LINE, line: 1, column: column + start, endLine: 1, endColumn: column + Math.max(start, end) });
}

/** The file name findings on a value set on the command line carry. */
export const COMMAND_LINE = '<command line>';
