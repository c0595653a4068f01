/**
 * The `yaml` package, loaded on first use. A values file the fast reader reads (fast-yaml.ts), with
 * no `omlint-` directive, never needs it: initialising its ~60 modules took ~0.7-1 ms of a one-file
 * run, which is what a pre-commit hook runs.
 */
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export function yamlPackage(): typeof Yaml {
  return (loaded ??= require('yaml') as typeof Yaml);
}
