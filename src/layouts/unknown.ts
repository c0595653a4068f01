/**
 * Values omlint cannot know. A template expression (`{{ .Values.clientId }}`, `{{cluster}}`) is
 * rendered by whatever hands the values to Helm (an ApplicationSet, helmfile, a chart that passes the
 * value through `tpl`) into text omlint never sees; a value from a ConfigMap or Secret is in the
 * cluster. Such a value is in the model as it is written (so a rule sees that something is set
 * there), its path is in `model.unknown`, and the engine reports nothing about it
 * (src/engine/funnel.ts): no rule needs a special case, and nothing is guessed.
 *
 * One exception keeps what is written around a template judged: a URL whose template expressions
 * are all in its host (`https://{{ .Values.host }}/callbac`). Its scheme and path are the user's
 * text, and the URL rules already read such a host as a placeholder they never quote or judge
 * (src/rules/support/om-urls.ts maskPlaceholders).
 */
import type { Path, Plain } from '../types';
import { isPlainMap } from '../types';

/** A template expression anywhere in a text: `{{` … `}}`. */
export const TEMPLATE_EXPRESSION = /\{\{[\s\S]*?\}\}/;

/**
 * Whether a template-holding value is a URL with every template expression in its authority (the
 * host, port or user info), its scheme and path written out: judged by the rules, the host masked.
 */
export function isTemplatedHostUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const url = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(.*)$/is.exec(value.trim());
  return url !== null && TEMPLATE_EXPRESSION.test(url[2]) && !url[3].includes('{{') && !url[3].includes('}}');
}

/** Whether a value holds a template expression omlint reports nothing about (any but isTemplatedHostUrl's). */
export function isOpaqueTemplate(value: unknown): boolean {
  return typeof value === 'string' && TEMPLATE_EXPRESSION.test(value) && !isTemplatedHostUrl(value);
}

/** Marks a value from a source omlint does not read (a Flux `valuesFrom` with `targetPath`): a template expression of omlint's own. */
export function unreadValue(what: string): string {
  return `{{ ${UNREAD_MARK} ${what} }}`;
}

const UNREAD_MARK = 'omlint-unread';

/** Whether a value is one of unreadValue()'s, not a template the user wrote. */
export function isUnreadValue(value: Plain | undefined): boolean {
  return typeof value === 'string' && value.startsWith(`{{ ${UNREAD_MARK} `);
}

/** The paths (from `root`, below `prefix`) of every string that holds a template expression, depth first. */
export function templatePaths(value: Plain | undefined, maxDepth = 64): Path[] {
  const found: Path[] = [];
  const visit = (node: Plain | undefined, path: Path, depth: number): void => {
    if (depth > maxDepth) return;
    if (typeof node === 'string') {
      if (TEMPLATE_EXPRESSION.test(node)) found.push(path);
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...path, i], depth + 1));
    } else if (isPlainMap(node)) {
      for (const key of Object.keys(node)) visit(node[key], [...path, key], depth + 1);
    }
  };
  visit(value, [], 0);
  return found;
}
