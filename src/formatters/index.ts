/** Built-in formats, loaded only when asked for: a hook run pays for one formatter, not all. */
import type { Formatter } from './types';

const LOADERS: Record<string, () => Formatter> = {
  stylish: () => require('./stylish').default,
  json: () => require('./json').default,
  sarif: () => require('./sarif').default,
  junit: () => require('./junit').default,
  github: () => require('./github').default,
  gitlab: () => require('./gitlab').default,
  checkstyle: () => require('./checkstyle').default,
  compact: () => require('./compact').default,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(LOADERS);

export function loadFormatter(name: string): Formatter | undefined {
  return Object.prototype.hasOwnProperty.call(LOADERS, name) ? LOADERS[name]() : undefined;
}
