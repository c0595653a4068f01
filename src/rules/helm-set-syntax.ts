import { defineRule } from './support/rule';

/**
 * A `--set` family argument Helm refuses, so `helm install` (or Argo CD, helmfile) renders nothing:
 * an Argo CD `parameters` entry or a helmfile `set` entry that sets below a list or a scalar, a list
 * index that is not one. src/engine/release.ts reports it where the argument is written, as Helm's
 * parser reads it (src/source/helm-set.ts); the release is then not linted further, as Helm renders
 * none of it. omlint's own `--set` arguments with such a mistake are a usage error (exit 2), unless
 * only the values below them make Helm refuse them.
 */
export default defineRule({
  id: 'helm-set-syntax',
  severity: 'error',
  description: 'A --set argument (an Argo CD parameter, a helmfile set entry, omlint\'s own --set) that Helm refuses; nothing is rendered.',
  // Worded where the arguments are applied (src/engine/release.ts).
  messages: {},
  check() {
    // Nothing to do on a model: a refused argument leaves no model.
  },
});
