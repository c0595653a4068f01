import { defineRule } from './support/rule';

/**
 * Env files are read by several tools that disagree: docker compose's dotenv reader tolerates
 * `KEY: value`, spaces after `=`, quotes and `${VAR}`; `docker run --env-file` and Kubernetes
 * (`kubectl create configmap --from-env-file`) take every character literally and skip lines that
 * are not NAME=value. The OpenMetadata docker docs pages ship all of these (corpus INDEX.md "Env
 * files": `KEY= value`, `KEY: value`, a name set twice, a value repeating its own name); a name
 * set twice silently loses the first value. The env-file layout (src/layouts/env-file.ts) finds
 * them while reading the file and the engine reports them under this id.
 */
export default defineRule({
  id: 'env-file-syntax',
  severity: 'error',
  description: 'An env-file line that does not set what it seems to: KEY: value, KEY= value, a name set twice, a value repeating its name.',
  check() {
    // Nothing to do on the model: the problems are found while the env file is read.
  },
});
