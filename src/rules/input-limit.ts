import { defineRule } from './support/rule';

/**
 * omlint reads whatever a pull request adds, so every cost of reading a file has a ceiling
 * (src/source/limits.ts, SECURITY.md): line length, YAML tokens, documents per file, nesting depth
 * and the values aliases and merge keys add (an "alias bomb" of a few hundred bytes expands to
 * billions of values). A part over a limit is not read, and src/engine/pipeline.ts reports it with this
 * rule before any model exists, so it lands on the line and column where reading stopped. Registered
 * like every rule so users can see it, grade it (`--rule input-limit:warn`) and find its doc. The
 * file size limit is not a finding: it is checked before a byte is read, so it is a one-line error.
 */
export default defineRule({
  id: 'input-limit',
  severity: 'error',
  description: 'A part of the file is over an input limit (line length, tokens, documents, nesting, alias expansion) and was not linted.',
  // Its findings are worded where the limit is met, while the file is read (src/source/limits.ts, yaml.ts).
  messages: {},
  check() {
    // Nothing to do on a parsed model: limits are checked while the file is read.
  },
});
