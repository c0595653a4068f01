import { defineRule } from './support/rule';
import { show } from './support/message';

/**
 * Env files are read by several tools that disagree: docker compose's dotenv reader tolerates
 * `KEY: value`, spaces after `=`, quotes and `${VAR}`; `docker run --env-file` and Kubernetes
 * (`kubectl create configmap --from-env-file`) take every character literally and skip lines that
 * are not NAME=value. The OpenMetadata docker docs pages ship all of these (corpus INDEX.md "Env
 * files": `KEY= value`, `KEY: value`, a name set twice, a value repeating its own name); a name
 * set twice silently loses the first value. A file written wholly as `KEY: value` is compose's own
 * env_file format (OpenMetadata's quickstart `mysql-omserver.env`): one info for the file, and its
 * `KEY: ${KEY:-default}` lines take KEY from the shell, no mistake. The env-file layout (src/layouts/env-file.ts) reads
 * these facts while reading the file; this rule reports them.
 */
export default defineRule({
  id: 'env-file-syntax',
  severity: 'error',
  description: 'An env-file line that does not set what it seems to: KEY: value, KEY= value, a name set twice, a value repeating its name.',
  messages: {
    notAnAssignment: '{{line}} is not a NAME=value line; the variable is not set.',
    colon:
      '"{{name}}:" is YAML syntax, not an env assignment: docker run --env-file and Kubernetes do not read it (only docker compose tolerates it). Write {{name}}=<value>.',
    spaceAfterEquals:
      'Space after "{{name}}=": docker run --env-file keeps it as part of the value. Write {{name}}=<value> with nothing between "=" and the value.',
    repeatsName:
      'The value of {{name}} starts with its own name ("{{name}}=…"), so the server receives that text, not the URL or setting after it. Keep only the part after the second "=".',
    composeFormat:
      'This file is in docker compose\'s env_file format ({{count}} "NAME: value" lines, from this one on): only docker compose reads it; ' +
      'docker run --env-file and Kubernetes (--from-env-file) skip those lines, so the variables are not set there. Use NAME=value to share the file with them.',
    selfReference:
      '{{name}} refers to itself with ${{{name}}…}: only docker compose expands that; docker run --env-file and Kubernetes pass the text literally. Write the value itself.',
    setTwice:
      '{{name}} is already set on line {{earlierLine}}; only this last value is used and the earlier one is silently dropped. Delete one of them.',
  },
  check(ctx) {
    for (const fact of ctx.model.envLineFacts ?? []) {
      const at = ['line', fact.line];
      switch (fact.kind) {
        case 'not-an-assignment':
          ctx.report({ at, root: 'document', target: 'key', messageId: 'notAnAssignment', data: { line: show(fact.text.slice(0, 40)) } });
          break;
        case 'colon':
          ctx.report({ at, root: 'document', target: 'key', messageId: 'colon', data: { name: fact.name } });
          break;
        case 'compose-format':
          // Deliberate, and what compose reads (OpenMetadata's quickstart ships it): advice, once for the file.
          ctx.report({ at, root: 'document', target: 'key', messageId: 'composeFormat', data: { count: fact.count }, severity: 'info' });
          break;
        case 'space-after-equals':
          ctx.report({ at, root: 'document', target: 'value', messageId: 'spaceAfterEquals', data: { name: fact.name }, severity: 'warn' });
          break;
        case 'repeats-name':
          ctx.report({ at, root: 'document', target: 'value', messageId: 'repeatsName', data: { name: fact.name } });
          break;
        case 'self-reference':
          ctx.report({ at, root: 'document', target: 'value', messageId: 'selfReference', data: { name: fact.name }, severity: 'warn' });
          break;
        case 'set-twice':
          ctx.report({ at, root: 'document', target: 'key', messageId: 'setTwice', data: { name: fact.name, earlierLine: fact.earlierLine } });
          break;
      }
    }
  },
});
