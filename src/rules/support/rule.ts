/** How a rule is declared, and the one way it can speak: ctx.report(). */
import type { Fix, Location, Path, Plain, PlainMap, Range, Severity } from '../../types';
import type { AuthModel, ModelRoot, SourceForm } from '../../layouts/model';
import type { Target } from '../../source/tree';
import type { SchemaProblem } from '../../schema/validate';
import { type Origin } from '../../source/tree';
import type { ServerVersion } from '../../knowledge/versions';

export interface Report {
  /** A model path, relative to `root` (default: the config root, e.g. `openmetadata.config`). */
  at: Path;
  root?: ModelRoot;
  /** Point at the key or at the value (default: the value for scalars, the key for collections). */
  target?: Target;
  /** The key of the rule's `messages` the engine fills from `data`. */
  messageId: string;
  /**
   * The values of the message's `{{name}}` placeholders. A value the user wrote goes in as
   * `show(value)` (support/message.ts): the engine redacts it if it is a secret, then quotes it.
   */
  data?: MessageData;
  /** For rules whose catalogue entry gives several severities (E/W); otherwise the rule's own. */
  severity?: Severity;
  /**
   * Only for facts of the source text that no model path can name (the second of two equal keys:
   * the path leads to the one Helm keeps). Overrides `at` for placement.
   */
  range?: Range;
  /** A safe, mechanical change that removes the problem (rules with `fixable: true` only); applied only with --fix. */
  fix?: Fix;
}

/** A placeholder's value: text of the rule's own, a number, or a user value to show (show()). */
export type MessageDatum = string | number | boolean | Shown;
export type MessageData = Readonly<Record<string, MessageDatum>>;

/**
 * A value from the user's file, to be shown in a message. The engine decides how: «redacted» when it
 * is (part of) a secret of the file, else quoted, on one line and cut short.
 */
export class Shown {
  constructor(readonly value: Plain | undefined) {}
}

/**
 * The security configuration a server has stored, from a `get-security-config` export
 * (`--against-export FILE`): both parts in the chart's key names, as the model holds them, with every
 * secret (a key SECRET_REF_KEY names) replaced by `sha256:<hex>` of its value, or left empty.
 */
export interface StoredConfig {
  /** Where it came from, for messages: the export's path. */
  label: string;
  /** `authentication` and `authorizer`, when the export has them. */
  config: PlainMap;
}

/** An older version of the same values (from --baseline FILE or --since REF). */
export interface Baseline {
  /** Where it came from, for messages: a file path or `REF:path`. */
  label: string;
  config: PlainMap;
}

export interface RuleContext {
  readonly model: AuthModel;
  /** `authentication` and `authorizer` as written ({} when absent). */
  readonly authentication: PlainMap;
  readonly authorizer: PlainMap;
  /** The value the user wrote at `path`, or undefined. */
  get(path: Path, root?: ModelRoot): Plain | undefined;
  /**
   * What the deployment runs with (config-relative paths only): the value the user wrote (extraEnvs
   * folded in), else the default — the chart's for --chart-version, the stock openmetadata.yaml's on
   * the server layout. A `null` the user wrote deletes the default, as in Helm.
   */
  effective(path: Path): Plain | undefined;
  /**
   * Where the value at `path` came from (undefined when nothing is written there): the file that set
   * it, whether a later `-f` file replaced an earlier file's list or scalar (`replaced`), and whether
   * it is an environment variable's text (`env`).
   */
  origin(path: Path, root?: ModelRoot): Origin | undefined;
  /** The kind of file the model was read from: Helm values, the server's openmetadata.yaml, a docker env file. */
  readonly form: SourceForm;
  /**
   * The name of the setting at `path` (config-relative, chart names) as the user writes it in this
   * kind of file: `publicKeys` in Helm values, `publicKeyUrls` in openmetadata.yaml,
   * `AUTHENTICATION_PUBLIC_KEYS` in an env file. Messages name settings through it.
   */
  keyName(path: Path): string;
  /** Where a value nobody wrote comes from, in words: "the chart default" or "the server's default". */
  readonly defaultsName: string;
  /** The chart release the values are linted against (--chart-version, default 1.13.1). */
  readonly chartVersion: string;
  /**
   * The OpenMetadata server the configuration is for: the chart's appVersion for Helm values,
   * `--server-version` for the server's files, else the newest omlint knows (knowledge/versions.ts).
   */
  readonly server: ServerVersion;
  /** Effective authentication.provider and clientType. */
  readonly provider: string;
  readonly clientType: string;
  /** True for the providers that log in through an OIDC identity provider. */
  readonly isOidcProvider: boolean;
  readonly baseline?: Baseline;
  /** The stored copy the configuration is compared with (`--against-export`). */
  readonly storedConfig?: StoredConfig;
  /** Schema problems of this model, computed once and shared by the schema rules. */
  schemaProblems(): readonly SchemaProblem[];
  /**
   * `compute(arg)`, remembered: rules share derived facts this way (a URL parsed, the strings of a
   * section walked) instead of each working them out. `compute` must be pure and its answer never
   * modified: for a text or number it is remembered for the whole run, for a map or list for this model.
   */
  once<A, R>(compute: (arg: A) => R, arg: A): R;
  /** Where `path` is (nearest existing ancestor when missing), to name "the other key" in a message. */
  locationOf(path: Path, root?: ModelRoot, target?: Target): Location;
  report(report: Report): void;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
  /** Whether some of its reports carry a fix (shown by --list-rules and in the rule's doc). */
  fixable?: boolean;
}

export interface Rule extends RuleMeta {
  /**
   * Message templates by id, with `{{name}}` placeholders filled from a report's `data` (as in
   * ESLint's `meta.messages`). The text is the rule's own, so it never holds a user value.
   */
  messages: Readonly<Record<string, string>>;
  /**
   * Rules whose finding at the same key this rule's finding replaces: the more specific message wins
   * (a secret typed in clear is no-plaintext-secrets' finding, not a schema type error).
   */
  supersedes?: readonly string[];
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export const REPOSITORY_URL = 'https://github.com/omlint/omlint';

/** The documentation page of a rule; derived from the id so it can never drift. */
export function docsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
