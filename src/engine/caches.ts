/**
 * What a linter instance remembers across the jobs of a run. Every cache of the engine lives here,
 * bounded, so a long-running user of the API (an editor server) keeps nothing beyond its linter, and
 * two linters never share state.
 */
import { BoundedMap, RedactionCaches } from './redact';
import { detached } from '../rules/support/helpers';
import type { Rule } from '../rules/support/rule';

export interface EngineCaches {
  redaction: RedactionCaches;
  /**
   * One string per distinct message: a run over thousands of files repeats the same few hundred
   * messages (26 000 findings, 1 800 distinct messages at 10 000 files), and results are kept until
   * the formatter runs. The oldest are forgotten beyond 2 048.
   */
  shared(message: string): string;
  /**
   * `compute(arg)` remembered for the run, for a pure function of a text or number (a URL parsed,
   * the chart release of a version): the same values recur across a run's files. Bounded per
   * function; `compute` gets a copy of a text, so an answer keeps no file's text alive.
   */
  remembered<A, R>(compute: (arg: A) => R, arg: A): R;
  /**
   * A rule's message template split once into its text and `{{name}}` placeholders:
   * [text, name, text, name, …, text].
   */
  template(rule: Rule, messageId: string): readonly string[];
}

/** What remembered() keeps for an answer that is undefined (a URL that does not parse), to find it in one lookup. */
const NONE = Symbol('none');

/** Answers a run keeps for each function given to remembered(). */
const REMEMBERED_PER_FUNCTION = 1024;

export function createEngineCaches(): EngineCaches {
  const messages = new BoundedMap<string, string>(2048);
  const answers = new Map<unknown, BoundedMap<unknown, unknown>>();
  const templates = new Map<string, readonly string[]>();
  return {
    redaction: new RedactionCaches(),
    shared(message) {
      const known = messages.get(message);
      if (known !== undefined) return known;
      messages.set(message, message);
      return message;
    },
    remembered<A, R>(compute: (arg: A) => R, arg: A): R {
      let known = answers.get(compute);
      if (!known) answers.set(compute, (known = new BoundedMap(REMEMBERED_PER_FUNCTION)));
      const answer = known.get(arg);
      if (answer !== undefined) return (answer === NONE ? undefined : answer) as R;
      const key = typeof arg === 'string' ? (detached(arg) as A) : arg;
      const computed = compute(key);
      known.set(key, computed === undefined ? NONE : computed);
      return computed;
    },
    template(rule, messageId) {
      const template = rule.messages[messageId];
      if (template === undefined) throw new Error(`rule ${rule.id} reported an unknown message id "${messageId}"`);
      let parts = templates.get(template);
      // Templates are the rules' own, a few hundred in all: every one is kept.
      if (!parts) templates.set(template, (parts = template.split(/\{\{\s*(\w+)\s*\}\}/)));
      return parts;
    },
  };
}
