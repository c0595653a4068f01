/** How a rule is declared, and the one way it can speak: ctx.report(). */
import type { Fix, Location, Path, Plain, PlainMap, Range, Severity } from '../types';
import type { AuthModel, ModelRoot } from '../layouts/model';
import type { Target } from '../source/yaml';
import type { SchemaProblem } from '../schema/validate';

export interface Report {
  /** A model path, relative to `root` (default: the config root, e.g. `openmetadata.config`). */
  at: Path;
  root?: ModelRoot;
  /** Point at the key or at the value (default: the value for scalars, the key for collections). */
  target?: Target;
  message: string;
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
  /** The value the user wrote, else the chart default (config-relative paths only). */
  effective(path: Path): Plain | undefined;
  /** Effective authentication.provider and clientType. */
  readonly provider: string;
  readonly clientType: string;
  /** True for the providers that log in through an OIDC identity provider. */
  readonly isOidcProvider: boolean;
  readonly baseline?: Baseline;
  /** Schema problems of this model, computed once and shared by the schema rules. */
  schemaProblems(): readonly SchemaProblem[];
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
