import { defineRule } from '../engine/rule';

/**
 * Parse errors are found by the source layer before any model exists (src/engine/lint.ts turns
 * them into findings of this rule); the rule is registered so it has an id, a severity users can
 * change, a doc and fixtures like every other. The docs pages themselves ship such errors
 * (test/corpus/docs/INDEX.md: unterminated quotes, `key:"value"`, `...` lines).
 */
export default defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  description: 'The file is not valid YAML; Helm cannot read it and no other check runs on it.',
  check() {
    // Nothing to do on a parsed model: a file with syntax errors never reaches the rules.
  },
});
