/** argv → options. Nothing here reads files or lints: a bad option is a UsageError, exit 2. */
import type { RuleSetting } from '../types';

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
  /** -f/--values FILE, in Helm's order: merged into one configuration. */
  valuesFiles: string[];
  /** --chart-version X.Y.Z */
  chartVersion?: string;
  /** --env-file FILE: variables for openmetadata.yaml's ${VAR:-default}. */
  envFile?: string;
  listRules: boolean;
  version: boolean;
  help: boolean;
  debug: boolean;
  /** --fix: write fixed files in place. */
  fix?: boolean;
  /** --fix-dry-run: fix in memory only; the json format shows the fixed text as `output`. */
  fixDryRun?: boolean;
}

const SETTINGS: Record<string, RuleSetting> = {
  off: 'off', '0': 'off', info: 'info', warn: 'warn', warning: 'warn', '1': 'warn', error: 'error', '2': 'error',
};

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    patterns: [], format: 'stylish', maxWarnings: -1, quiet: false, color: undefined, rules: {}, valuesFiles: [],
    listRules: false, version: false, help: false, debug: false,
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
      case '-f': case '--values': options.valuesFiles.push(value()); break;
      case '--chart-version': options.chartVersion = parseVersion(flag, value()); break;
      case '--env-file': options.envFile = value(); break;
      case '--fix': options.fix = true; break;
      case '--fix-dry-run': options.fixDryRun = true; break;
      case '--list-rules': options.listRules = true; break;
      case '-v': case '--version': options.version = true; break;
      case '-h': case '--help': options.help = true; break;
      case '--debug': options.debug = true; break;
      case '--': options.patterns.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${flag}; see omlint --help`);
        options.patterns.push(arg);
    }
  }
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  return options;
}

function parseCount(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} takes a whole number, not "${text}"`);
  return Number(text);
}

function parseVersion(flag: string, text: string): string {
  const version = text.trim().replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new UsageError(`${flag} takes a chart version like 1.13.1, not "${text}"`);
  return version;
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

Lints the authentication and authorizer settings of OpenMetadata Helm values files, the server's
openmetadata.yaml and docker env files. With no paths, scans the current directory for values*.yaml,
*values*.yaml, openmetadata*.yaml, *.env and .env (honouring .gitignore). Files without OpenMetadata
auth settings are skipped silently.

Options:
  --format NAME          Output format: stylish (default) or json
  --max-warnings N       Exit 1 when there are more than N warnings
  --quiet                Report errors only
  --rule ID:SEVERITY     Set a rule to off, info, warn or error (repeatable)
  --baseline FILE        Compare with an older values file (jwt-principal-claims-order)
  --since REF            Compare each file with its version at git REF (e.g. HEAD in a pre-commit hook)
  -f, --values FILE      Merge values files as helm -f does (repeatable, in Helm's order) and lint the result
  --chart-version X.Y.Z  The chart release the values are for (default 1.13.1): its keys and defaults
  --env-file FILE        Variables for the \${VAR:-default} substitutions of openmetadata.yaml
  --fix                  Apply the safe fixes and write the files in place; report what is left
  --fix-dry-run          Apply the fixes in memory only (--format json shows the fixed text as "output")
  --color, --no-color    Force colours on or off (NO_COLOR and FORCE_COLOR are honoured)
  --list-rules           Print every rule with its default severity and whether --fix can fix it
  --debug                Print stack traces of internal errors
  -v, --version          Print the version
  -h, --help             Print this help

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, input or internal error.
`;
