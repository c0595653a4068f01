import { defineRule } from '../engine/rule';

/** Helm (Go's YAML decoder) silently keeps the last of two equal keys (reference/peers.md §1a). */
export default defineRule({
  id: 'no-duplicate-keys',
  severity: 'error',
  fixable: true,
  description: 'A key written twice in one mapping: Helm silently keeps the last one.',
  check(ctx) {
    for (const duplicate of ctx.model.duplicateKeys) {
      ctx.report({
        at: [...duplicate.mapPath, duplicate.key],
        root: 'document',
        target: 'key',
        message:
          `"${duplicate.key}" is already set on line ${duplicate.first.line}; Helm keeps only this last one ` +
          `(line ${duplicate.last.line}) and drops the earlier value. Delete one of them.`,
        // Dropping the dead occurrences changes nothing Helm renders; which value was meant is the user's call.
        fix: { kind: 'remove-entry', at: [...duplicate.mapPath, duplicate.key], occurrences: 'all-but-last' },
      });
    }
  },
});
