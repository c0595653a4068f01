import { defineRule } from './support/rule';

/**
 * A GitOps file (docs/gitops.md) may name values omlint cannot read: a ConfigMap or Secret of the
 * cluster (Flux `valuesFrom`), a file of another repository (Argo CD `$ref/…`), a values file that is
 * not there, a template a tool renders first, an encrypted helm-secrets file. src/engine/release.ts
 * names each where it is named, in one info finding, and lints the release without it: nothing is
 * guessed. It also names a template expression (`{{ … }}`) the tool renders before Helm, about
 * which nothing is reported (src/layouts/unknown.ts), and a source the tool itself ignores (Argo
 * CD's `values` beside `valuesObject`). Registered like every rule so it can be graded and found.
 */
export default defineRule({
  id: 'unread-values',
  severity: 'info',
  description: 'A GitOps file names values omlint cannot read (cluster objects, other repositories, missing files, templates); the release is linted without them.',
  // Worded where the release is read (src/engine/release.ts).
  messages: {},
  check() {
    // Nothing to do on a model: the sources are named while the release is read.
  },
});
