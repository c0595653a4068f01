/**
 * The layers of src/, checked by `npm run lint` (dependency-cruiser). Top to bottom:
 *
 *   cli → index (createLinter) → runner → engine → rules (+ rules/support) and schema
 *     → layouts → knowledge → source
 *
 * An import may only point down. `formatters` depend on result types and rule metadata only;
 * `types.ts` (the shared vocabulary) and `util/` (pure leaf functions) may be used by every layer.
 * Rules never import the engine, the source layer (types aside), the file system or the clock.
 */
const LAYERS = ['cli', 'index', 'runner', 'engine', 'rules|schema', 'layouts', 'knowledge', 'source'];

/** The path pattern of a layer's files. */
const files = (layer) => layer.split('|').map((name) => (name === 'index' ? '^src/index\\.ts$' : `^src/${name}/`)).join('|');

/** Every layer must not import a layer above it. */
const layerRules = LAYERS.slice(1).map((layer, i) => ({
  name: `no-upward-import-from-${layer.replace('|', '-or-')}`,
  comment: `${layer} may only import the layers below it (${LAYERS.slice(i + 2).join(', ') || 'none'}).`,
  severity: 'error',
  from: { path: files(layer) },
  to: { path: LAYERS.slice(0, i + 1).map(files).join('|') },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles: each module can be read and tested on its own (a cycle of type imports only does not exist at run time).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    ...layerRules,
    {
      name: 'cli-through-the-api',
      comment: 'The CLI owns argv, output and exit codes; it lints through createLinter (src/index.ts) only.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: ['^src/cli/', '^src/index\\.ts$', '^src/types\\.ts$', '^src/util/', '^src/formatters/types\\.ts$'] },
    },
    {
      name: 'formatters-see-results-and-rule-metadata-only',
      comment: 'A formatter is a pure function of results and rule metadata.',
      severity: 'error',
      from: { path: '^src/formatters/' },
      to: {
        path: '^src/',
        pathNot: ['^src/formatters/', '^src/types\\.ts$', '^src/util/', '^src/rules/support/rule\\.ts$', '^src/rules/support/meta\\.ts$'],
      },
    },
    {
      name: 'only-formatters-and-the-api-load-formatters',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/formatters/', '^src/index\\.ts$', '^src/cli/'] },
      to: { path: '^src/formatters/' },
    },
    {
      name: 'rules-never-read-the-source-layer',
      comment: 'Rules see the model only: no YAML tree, no text (type imports aside).',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { path: '^src/source/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'rules-touch-no-file-system-process-or-clock',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { path: '^(fs|child_process|worker_threads|os|net|http|https|perf_hooks)$', dependencyTypes: ['core'] },
    },
    {
      name: 'leaves-import-nothing-of-the-project',
      comment: 'types.ts and util/ are used by every layer, so they use none.',
      severity: 'error',
      from: { path: '^src/types\\.ts$|^src/util/' },
      to: { path: '^src/', pathNot: ['^src/types\\.ts$', '^src/util/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.build.json' },
    exclude: { path: '^src/schema/generated/' },
  },
};
