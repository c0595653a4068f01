import { defineRule } from './support/rule';
import { show } from './support/message';

/**
 * Parse errors are found by the source layer before any model exists (src/engine/pipeline.ts
 * reports them under this id). On a model, the rule reports the environment variables whose text
 * the server cannot read as YAML once substituted (an extraEnvs entry, an env file's line, a
 * `${VAR}` of openmetadata.yaml): the server substitutes the text before it parses the file. The
 * docs pages themselves ship such errors (test/corpus/docs/INDEX.md: unterminated quotes, `key:"value"`, `...` lines).
 */
export default defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  description: 'The file is not valid YAML; Helm cannot read it and no other check runs on it.',
  messages: {
    notYaml: '{{names}}: once substituted, {{text}} is not valid YAML ({{reason}}), so the server fails to start.',
    flowMap:
      '{{names}}: once substituted, {{text}} is read as a YAML map (braces start a flow mapping), not as text, so the server fails to start.',
  },
  check(ctx) {
    for (const fact of ctx.model.envValueFacts ?? []) {
      const { problem } = fact;
      ctx.report({
        at: fact.at,
        root: fact.root,
        target: 'value',
        messageId: problem.kind === 'not-yaml' ? 'notYaml' : 'flowMap',
        data: { names: fact.names.join(', '), text: show(problem.text), reason: problem.reason ?? '' },
      });
    }
  },
});
