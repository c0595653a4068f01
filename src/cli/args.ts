/** argv → options. Nothing here reads files or lints: a bad option is a UsageError, exit 2. */
import type { RuleSetting } from '../types';
import { DEFAULT_INPUT_LIMITS as LIMITS, InputLimits, MAX_DEPTH_CEILING } from '../source/limits';

export class UsageError extends Error {}

export interface CliOptions {
  patterns: string[];
  format: string;
  maxWarnings: number;
  quiet: boolean;
  /** undefined: decide from the terminal and NO_COLOR / FORCE_COLOR. */
  color: boolean | undefined;
  rules: Record<string, RuleSetting>;
  baselineFile?: string;
  sinceRef?: string;
  listRules: boolean;
  version: boolean;
  help: boolean;
  debug: boolean;
  /** Input limits given on the command line (the rest keep their defaults). */
  limits: Partial<InputLimits>;
  /** Lint standard input instead of files. */
  stdin: boolean;
  /** The name standard input is linted as (default `<stdin>`). */
  stdinFilename?: string;
}

const SETTINGS: Record<string, RuleSetting> = {
  off: 'off', '0': 'off', info: 'info', warn: 'warn', warning: 'warn', '1': 'warn', error: 'error', '2': 'error',
};

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    patterns: [], format: 'stylish', maxWarnings: -1, quiet: false, color: undefined, rules: {},
    listRules: false, version: false, help: false, debug: false, limits: {}, stdin: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--format': options.format = value(); break;
      case '--max-warnings': options.maxWarnings = parseCount(flag, value()); break;
      case '--quiet': options.quiet = true; break;
      case '--color': options.color = true; break;
      case '--no-color': options.color = false; break;
      case '--rule': parseRule(value(), options.rules); break;
      case '--baseline': options.baselineFile = value(); break;
      case '--since': options.sinceRef = value(); break;
      case '--list-rules': options.listRules = true; break;
      case '-v': case '--version': options.version = true; break;
      case '-h': case '--help': options.help = true; break;
      case '--debug': options.debug = true; break;
      case '--max-file-size': options.limits.maxFileSize = parseSize(flag, value()); break;
      case '--max-line-length': options.limits.maxLineLength = parseLimit(flag, value()); break;
      case '--max-tokens': options.limits.maxTokens = parseLimit(flag, value()); break;
      case '--max-documents': options.limits.maxDocuments = parseLimit(flag, value()); break;
      case '--max-depth': options.limits.maxDepth = parseLimit(flag, value(), MAX_DEPTH_CEILING); break;
      case '--max-alias-expansion': options.limits.maxAliasExpansion = parseCount(flag, value()); break;
      case '--stdin': options.stdin = true; break;
      case '--stdin-filename': options.stdinFilename = value(); break;
      case '--': options.patterns.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${flag}; see omlint --help`);
        options.patterns.push(arg);
    }
  }
  return options;
}

function parseCount(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} takes a whole number, not "${text}"`);
  return Number(text);
}

/** A positive whole number, at most `max`. */
function parseLimit(flag: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  const count = parseCount(flag, text);
  if (count < 1 || count > max) throw new UsageError(`${flag} takes a whole number from 1 to ${max}, not "${text}"`);
  return count;
}

/** Bytes, with an optional k/m/g suffix (powers of 1024): `10m`, `512k`, `2000000`. */
function parseSize(flag: string, text: string): number {
  const match = /^(\d+)\s*([kmg]?)i?b?$/i.exec(text.trim());
  if (!match) throw new UsageError(`${flag} takes a size in bytes such as 2000000, 512k or 10m, not "${text}"`);
  const bytes = Number(match[1]) * 1024 ** ' kmg'.indexOf((match[2] || ' ').toLowerCase());
  if (bytes < 1 || !Number.isSafeInteger(bytes)) throw new UsageError(`${flag} takes a size from 1 byte up, not "${text}"`);
  return bytes;
}

/** `--rule id:off|info|warn|error`, also `id=warn`; several may be comma-separated. */
function parseRule(text: string, rules: Record<string, RuleSetting>): void {
  for (const part of text.split(',')) {
    const match = /^\s*([a-z0-9-]+)\s*[:=]\s*([a-z0-9]+)\s*$/i.exec(part);
    const setting = match ? SETTINGS[match[2].toLowerCase()] : undefined;
    if (!match || !setting) throw new UsageError(`--rule takes id:off|info|warn|error, not "${part}"`);
    rules[match[1]] = setting;
  }
}

export const HELP = `Usage: omlint [options] [file|dir|glob ...]

Lints the authentication and authorizer settings of OpenMetadata Helm values files.
With no paths, scans the current directory for values*.yaml, *values*.yaml and openmetadata*.yaml
(honouring .gitignore). Files without OpenMetadata auth settings are skipped silently.

Options:
  --format NAME          Output format: stylish (default) or json
  --max-warnings N       Exit 1 when there are more than N warnings
  --quiet                Report errors only
  --rule ID:SEVERITY     Set a rule to off, info, warn or error (repeatable)
  --baseline FILE        Compare with an older values file (jwt-principal-claims-order)
  --since REF            Compare each file with its version at git REF (e.g. HEAD in a pre-commit hook)
  --color, --no-color    Force colours on or off (NO_COLOR and FORCE_COLOR are honoured)
  --list-rules           Print every rule with its default severity
  --debug                Print stack traces of internal errors
  --stdin                Lint standard input instead of files
  --stdin-filename NAME  The name standard input is linted and reported as (default <stdin>)

Input limits (SECURITY.md; a part over a limit is reported as input-limit and not linted):
  --max-file-size SIZE   Largest file read, e.g. 10m (default ${LIMITS.maxFileSize / 1024 / 1024}m; over it: error, exit 2)
  --max-line-length N    Longest line in characters (default ${LIMITS.maxLineLength})
  --max-tokens N         Most YAML tokens read from one file (default ${LIMITS.maxTokens})
  --max-documents N      Most YAML documents read from one file (default ${LIMITS.maxDocuments})
  --max-depth N          Deepest nesting of maps and lists, at most ${MAX_DEPTH_CEILING} (default ${LIMITS.maxDepth})
  --max-alias-expansion N  Most values aliases and merge keys may add to a document (default ${LIMITS.maxAliasExpansion})
  -v, --version          Print the version
  -h, --help             Print this help

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, input or internal error.
`;
