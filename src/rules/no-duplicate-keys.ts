import { defineRule } from './support/rule';

/**
 * Helm (Go's YAML decoder) silently keeps the last of two equal keys (helm/helm#4107), and so does
 * the server reading openmetadata.yaml (Jackson's YAML tree: a later field replaces an earlier one).
 * Nothing fails: the value that runs is the last one, which the other rules judge. That the earlier
 * one is ignored is for the user to act on: a warning.
 */
export default defineRule({
  id: 'no-duplicate-keys',
  severity: 'warn',
  fixable: true,
  description: 'A key written twice in one mapping: only the last one counts.',
  messages: {
    // A key name is a name, not a value: it goes in as it is.
    setAgain:
      '"{{key}}" is set again here (first on line {{firstLine}}); {{reader}} keeps only the last one (line {{lastLine}}) and silently ' +
      'ignores the others. Keep one.',
  },
  check(ctx) {
    const lastLine = new Map<string, number>();
    for (const duplicate of ctx.model.duplicateKeys) {
      const id = JSON.stringify([...duplicate.mapPath, duplicate.key]);
      lastLine.set(id, Math.max(lastLine.get(id) ?? 0, duplicate.repeat.line));
    }
    for (const duplicate of ctx.model.duplicateKeys) {
      const id = JSON.stringify([...duplicate.mapPath, duplicate.key]);
      const kept = lastLine.get(id) ?? duplicate.repeat.line;
      ctx.report({
        at: [...duplicate.mapPath, duplicate.key],
        root: 'document',
        range: duplicate.repeat,
        messageId: 'setAgain',
        data: { key: duplicate.key, firstLine: duplicate.first.line, lastLine: kept, reader: ctx.form === 'values' ? 'Helm' : 'the server' },
        // Dropping the dead occurrences changes nothing Helm renders; which value was meant is the user's call.
        // Every repeat of a key carries the same fix; the fix engine applies it once.
        fix: { kind: 'remove-entry', at: [...duplicate.mapPath, duplicate.key], occurrences: 'all-but-last' },
      });
    }
  },
});
