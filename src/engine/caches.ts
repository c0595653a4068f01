/**
 * What a linter instance remembers across the jobs of a run. Every cache of the engine lives here,
 * bounded, so a long-running user of the API (an editor server) keeps nothing beyond its linter, and
 * two linters never share state.
 */
import { BoundedMap, RedactionCaches } from './redact';

export interface EngineCaches {
  redaction: RedactionCaches;
  /**
   * One string per distinct message: a run over thousands of files repeats the same few hundred
   * messages (26 000 findings, 1 800 distinct messages at 10 000 files), and results are kept until
   * the formatter runs. The oldest are forgotten beyond 2 048.
   */
  shared(message: string): string;
}

export function createEngineCaches(): EngineCaches {
  const messages = new BoundedMap<string, string>(2048);
  return {
    redaction: new RedactionCaches(),
    shared(message) {
      const known = messages.get(message);
      if (known !== undefined) return known;
      messages.set(message, message);
      return message;
    },
  };
}
