/**
 * Random mutations of real values files for the fuzz tests: delete, duplicate, swap and re-indent
 * lines, flip and drop quotes, insert unicode and YAML syntax, truncate. A mutation is data
 * (so fast-check can shrink a failure to the smallest list of edits) applied by `mutate`.
 */
import * as fc from 'fast-check';

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'reindent'; at: number; by: number; tab: boolean }
  | { kind: 'flip-quotes'; at: number }
  | { kind: 'drop-quote'; at: number; which: number }
  | { kind: 'insert'; at: number; column: number; text: string }
  | { kind: 'truncate'; at: number };

/** Text a YAML file may hold or a mistake may bring in. */
const SNIPPETS = [
  '&a ', '*a', '<<: *a', '<<: [*a, *b]', '!!binary ', '!Ref ', '!!str ', '!!int ', '!!map ', '!<tag:x> ', '? ', '- ', ': ', ':',
  '---', '...', '{{ .Values.x }}', '${VAR:-x}', '#', '[', ']', '{', '}', '"', "'", '|', '>-', '\t', '%YAML 1.1', '\\', '@', '`',
  '__proto__: {}', 'constructor: x', '~', 'null', '.inf', '0x1F', '1e400', '{Tenant ID}', '<your-domain>', 'changeme',
  '\r', '\r\n', '\n  ', '  ', '\u00a0',
  // Helm's YAML 1.1 booleans, env lines, odd URLs (escapes, IPv6, user-info, ports).
  'off', 'yes', 'No', 'y', 'ON', 'enabled: off', 'AUTHENTICATION_PROVIDER=okta', 'OIDC_CALLBACK: ${OIDC_CALLBACK:-x}', '=',
  'https://login.microsoftonline.com/%ZZ', '%E0%A4%A', 'http://[fd00::1]:8080/', 'https://u:p@h/', ':99999', '//',
];
const UNICODE = ['\ufeff', '\u200b', '\u200e', '\u202e', '\u2028', '\u2029', 'é', '中文', '😀', '\ud800', '\udc00', '\u0085', '\u0000', '\u0007', '\uffff', '\ufffd'];

const at = fc.nat({ max: 10_000 });
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at }),
  fc.record({ kind: fc.constant('duplicate' as const), at }),
  fc.record({ kind: fc.constant('swap' as const), at, with: at }),
  fc.record({ kind: fc.constant('reindent' as const), at, by: fc.integer({ min: -6, max: 6 }), tab: fc.boolean() }),
  fc.record({ kind: fc.constant('flip-quotes' as const), at }),
  fc.record({ kind: fc.constant('drop-quote' as const), at, which: fc.nat({ max: 3 }) }),
  fc.record({
    kind: fc.constant('insert' as const), at, column: fc.nat({ max: 200 }),
    text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.constantFrom(...UNICODE), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const i = lines.length === 0 ? 0 : m.at % lines.length;
    const line = lines[i] ?? '';
    switch (m.kind) {
      case 'delete': lines.splice(i, 1); break;
      case 'duplicate': lines.splice(i, 0, line); break;
      case 'swap': {
        const j = lines.length === 0 ? 0 : m.with % lines.length;
        [lines[i], lines[j]] = [lines[j] ?? '', line];
        break;
      }
      case 'reindent': {
        const body = line.replace(/^[ \t]*/, '');
        const indent = Math.max(0, line.length - body.length + m.by);
        lines[i] = (m.tab ? '\t' : ' ').repeat(m.tab ? Math.ceil(indent / 8) : indent) + body;
        break;
      }
      case 'flip-quotes': lines[i] = line.replace(/["']/g, (q) => (q === '"' ? "'" : '"')); break;
      case 'drop-quote': {
        let seen = -1;
        lines[i] = line.replace(/["']/g, (q) => (++seen === m.which ? '' : q));
        break;
      }
      case 'insert': {
        const column = line.length === 0 ? 0 : m.column % (line.length + 1);
        lines[i] = line.slice(0, column) + m.text + line.slice(column);
        break;
      }
      case 'truncate': lines = lines.slice(0, i); break;
    }
  }
  return lines.join('\n');
}
