import { defineRule, RuleContext } from './support/rule';
import type { Report, StoredConfig, Shown } from './support/rule';
import { show } from './support/message';
import { SECRET_REF_KEY } from './support/helpers';
import { isOidcBlockRendered } from './support/idp';
import { extraEnvsOf, joinNames, secretRefState } from './support/values';
import { describeServer, driftRemedy, storesSecurityConfig } from './support/server-release';
import { isHelmModel } from '../layouts/model';
import { sha256 } from '../util/digest';
import type { Path, Plain } from '../types';
import { isPlainMap, valueAt } from '../types';
import { EXPORT_DEFAULTS } from '../knowledge/security-config';
import { SERVER_DEFAULTS } from '../knowledge/server-defaults';
import { SERVER_ONLY_AUTH_ENV } from '../knowledge/names';

/**
 * `--against-export FILE`: the file's authentication and authorizer settings, defaults included (the
 * chart's for Helm values, the stock openmetadata.yaml's for openmetadata.yaml and env files), against
 * the copy a server stored, as `openmetadata-ops.sh get-security-config` exported it. From
 * OpenMetadata 1.10 the stored copy wins over openmetadata.yaml, the environment and Helm values
 * (SettingsCache.createDefaultConfiguration @ 0151c9d4, SecurityConfigurationManager @ 011c3768):
 * each difference is a value of the file that does not run (OpenMetadata #26241, #31786, #29597), or,
 * for a secret, one the server no longer accepts (#23964: an LDAP admin password rotated in the
 * environment while the stored old one made the server fail to start).
 *
 * Keys are compared in the chart's names on both sides (the export is translated from the server's,
 * src/knowledge/names.ts); a block only when both sides use it (ldapConfiguration with provider ldap,
 * saml with saml, oidcConfiguration for a confidential client); a list of names as a set, the claims
 * in order. A secret is compared by its SHA-256 and never shown; one held in a Kubernetes Secret
 * (secretRef) or left to the environment cannot be compared, which one piece of advice says.
 */
const SECTIONS = ['authentication', 'authorizer'] as const;

/** Lists whose order means nothing to the server. */
const SETS = new Set(['publicKeys', 'initialAdmins', 'allowedEmailRegistrationDomains', 'allowedDomains', 'jwtPrincipalClaimsMapping']);

/** The chart's gates: not part of the server's configuration. */
const CHART_ONLY = new Set(['enabled']);

export default defineRule({
  id: 'stored-config-drift',
  severity: 'warn',
  description: 'A setting whose stored copy (a get-security-config export, --against-export) differs: OpenMetadata 1.10+ runs the stored one.',
  messages: {
    differs: '{{key}} is {{value}}{{defaulted}}, but the stored copy in {{export}} holds {{stored}}, and {{server}} runs the stored one. {{remedy}}',
    differsSecret:
      '{{key}} differs from the stored copy in {{export}} (a secret: compared by its hash, neither value is shown), and {{server}} ' +
      'runs the stored one. {{remedy}}',
    lacks: '{{key}}{{defaulted}} has {{mine}}, which the stored copy in {{export}} lacks, and {{server}} runs the stored one. {{remedy}}',
    adds: '{{key}}{{defaulted}} lacks {{theirs}}, which the stored copy in {{export}} has, and {{server}} runs the stored one. {{remedy}}',
    swaps:
      '{{key}}{{defaulted}} has {{mine}} where the stored copy in {{export}} has {{theirs}}, and {{server}} runs the stored one. {{remedy}}',
    notCompared: 'Not compared with the stored copy in {{export}}: {{keys}}.',
    noStoredCopy:
      '{{server}} keeps no stored security configuration (that came with 1.10): nothing of {{export}} runs instead of this file, so ' +
      'nothing was compared.',
  },
  check(ctx) {
    const stored = ctx.storedConfig;
    if (!stored) return;
    const data = { export: stored.label, server: describeServer(ctx) };
    if (!storesSecurityConfig(ctx)) {
      ctx.report({ at: [], root: 'document', target: 'key', severity: 'info', messageId: 'noStoredCopy', data });
      return;
    }
    const walk = new Walk(ctx, stored);
    for (const section of SECTIONS) {
      if (stored.config[section] === undefined) continue;
      walk.visit([section], ctx.effective([section]), stored.config[section]);
    }
    if (isHelmModel(ctx.model)) walk.visitServerOnly();
    const remedy = driftRemedy(ctx);
    for (const { path, secret, mine, theirs, env } of walk.differences) {
      const key = env ? env.name : ctx.keyName(path);
      const written = env ? env.index !== undefined : ctx.get(path) !== undefined;
      // At the key where the file writes it; a default nobody wrote has no key of its own: at the file.
      const place: Pick<Report, 'at' | 'root' | 'target'> =
        env?.index !== undefined ? { at: ['extraEnvs', env.index, 'value'], root: 'chart' } : written ? { at: path } : { at: [], root: 'document', target: 'key' };
      if (secret) {
        ctx.report({ ...place, messageId: 'differsSecret', data: { ...data, key, remedy } });
        continue;
      }
      const defaulted = written ? '' : env ? " (not set here: the chart has no key for it, so the image's default)" : ` (not set here, so ${ctx.defaultsName})`;
      const set = setChange(String(path.at(-1)), mine, theirs);
      if (set) {
        const messageId = set.mine.length === 0 ? 'adds' : set.theirs.length === 0 ? 'lacks' : 'swaps';
        ctx.report({ ...place, messageId, data: { ...data, key, defaulted, mine: showItems(set.mine), theirs: showItems(set.theirs), remedy } });
        continue;
      }
      ctx.report({ ...place, messageId: 'differs', data: { ...data, key, value: showPlain(mine), defaulted, stored: isEmpty(theirs) ? 'no value' : showPlain(theirs), remedy } });
    }
    reportNotCompared(ctx, walk, stored);
  },
});

interface Difference {
  path: Path;
  secret: boolean;
  mine: Plain | undefined;
  theirs: Plain | undefined;
  /** A server-only key in Helm values: the extraEnvs variable that sets it, and its entry (none: the image's default). */
  env?: { name: string; index?: number };
}

/** The two configurations walked side by side, collecting what differs and what cannot be compared. */
class Walk {
  readonly differences: Difference[] = [];
  /** Secrets held in a Kubernetes Secret (Helm), or left to the environment (the server's files). */
  readonly inSecrets: Path[] = [];
  readonly fromEnvironment: Path[] = [];
  /** Server-only settings an extraEnvs entry takes from a Secret or ConfigMap (valueFrom), by variable name. */
  readonly fromValueFrom: string[] = [];
  private readonly helm: boolean;

  constructor(
    private readonly ctx: RuleContext,
    private readonly stored: StoredConfig,
  ) {
    this.helm = isHelmModel(ctx.model);
  }

  visit(path: Path, mine: Plain | undefined, theirs: Plain | undefined): void {
    const key = String(path.at(-1));
    if (mine === undefined) return; // nothing of the file's here: it has no say (a server-only key in Helm values)
    if (this.helm && secretRefState(mine) !== 'literal' && isPlainMap(mine) && ('secretRef' in mine || 'secretKey' in mine)) {
      this.inSecrets.push(path);
      return;
    }
    if (isPlainMap(mine) && key !== 'customParams') {
      if (!this.comparesBlock(path)) return;
      const theirsMap = isPlainMap(theirs) ? theirs : {};
      for (const child of Object.keys(mine)) {
        if (this.helm && CHART_ONLY.has(child)) continue;
        this.visit([...path, child], mine[child], theirsMap[child]);
      }
      return;
    }
    if (SECRET_REF_KEY.test(key)) {
      this.visitSecret(path, mine, theirs);
      return;
    }
    // A key the stored copy leaves out (null in the database) reads as the schema default, if any.
    const stored = theirs ?? valueAt(EXPORT_DEFAULTS, path);
    if (stored === undefined && this.ctx.get(path) === undefined) return; // a default on one side, nothing on the other: no one chose
    if (normalized(key, mine) !== normalized(key, stored)) this.differences.push({ path, secret: false, mine, theirs: stored });
  }

  /**
   * Helm values: the server-only authentication keys (providerName, enableAutoRedirect, …), which the
   * chart has no key for. The container gets them from an extraEnvs entry (the last of a name wins,
   * as in Kubernetes), else from the image's openmetadata.yaml default.
   */
  visitServerOnly(): void {
    const theirs = this.stored.config.authentication;
    if (!isPlainMap(theirs)) return;
    const envs = extraEnvsOf(this.ctx);
    for (const [key, name] of Object.entries(SERVER_ONLY_AUTH_ENV)) {
      const entry = envs.filter((each) => each.name === name).at(-1);
      if (entry?.hasValueFrom) {
        this.fromValueFrom.push(name);
        continue;
      }
      const path = ['authentication', key];
      const mine = entry ? (entry.value ?? '') : valueAt(SERVER_DEFAULTS, path);
      const stored = theirs[key] ?? valueAt(EXPORT_DEFAULTS, path);
      if (mine === undefined || (stored === undefined && !entry)) continue;
      // An env variable is text; a stored list or map is compared only with the server's reading of it, which is not modelled here.
      if (typeof mine === 'object' && mine !== null) continue;
      if (Array.isArray(stored) || isPlainMap(stored)) continue;
      if (normalized(key, mine) !== normalized(key, stored)) this.differences.push({ path, secret: false, mine, theirs: stored, env: { name, index: entry?.index } });
    }
  }

  private visitSecret(path: Path, mine: Plain, theirs: Plain | undefined): void {
    const text = typeof mine === 'string' ? mine : mine === null ? '' : String(mine);
    // An unset variable's default (openmetadata.yaml's `${OIDC_CLIENT_SECRET:-""}`), or a secret nobody wrote: the environment decides.
    if (text === '' && (this.ctx.get(path) === undefined || this.ctx.origin(path)?.env?.source === 'substitution-default')) {
      this.fromEnvironment.push(path);
      return;
    }
    const theirsText = typeof theirs === 'string' ? theirs : '';
    const same = text === '' ? theirsText === '' : theirsText === `sha256:${sha256(text)}`;
    if (!same) this.differences.push({ path, secret: true, mine, theirs: undefined });
  }

  /** A provider block is compared only when both sides use it. */
  private comparesBlock(path: Path): boolean {
    if (path.length !== 2 || path[0] !== 'authentication') return true;
    const theirs = isPlainMap(this.stored.config.authentication) ? this.stored.config.authentication : {};
    switch (path[1]) {
      case 'ldapConfiguration':
        return this.ctx.provider === 'ldap' && theirs.provider === 'ldap';
      case 'saml':
        return this.ctx.provider === 'saml' && theirs.provider === 'saml';
      case 'oidcConfiguration':
        return isOidcBlockRendered(this.ctx) && this.ctx.isOidcProvider && theirs.clientType === 'confidential';
      default:
        return true;
    }
  }
}

/** The items only one side of a list of names has (compared as sets); undefined for any other key. */
function setChange(key: string, mine: Plain | undefined, theirs: Plain | undefined): { mine: string[]; theirs: string[] } | undefined {
  if (!SETS.has(key)) return undefined;
  const items = (value: Plain | undefined): string[] | undefined =>
    isEmpty(value) ? [] : Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : JSON.stringify(item))) : undefined;
  const mineItems = items(mine);
  const theirItems = items(theirs);
  if (!mineItems || !theirItems) return undefined;
  const onlyIn = (a: string[], b: string[]): string[] => [...new Set(a.filter((item) => !b.includes(item)))];
  // A "name:password" admin entry (initial-admins) holds a password: only its name is shown.
  const shown = (list: string[]): string[] => (key === 'initialAdmins' ? list.map((item) => item.replace(/:[\s\S]*$/, ':(password not shown)')) : list);
  const change = { mine: shown(onlyIn(mineItems, theirItems)), theirs: shown(onlyIn(theirItems, mineItems)) };
  return change.mine.length + change.theirs.length > 0 ? change : undefined;
}

/** Items of a list, shown: one as itself, several as one comma-separated text. */
function showItems(items: string[]): Shown {
  return show(items.length === 1 ? items[0] : items.join(', '));
}

/** A value shown as the user would write it: a list as `[a, b]`, a map as JSON, a scalar as itself. */
function showPlain(value: Plain | undefined): Shown {
  if (Array.isArray(value)) return show(`[${value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ')}]`);
  return show(value);
}

function isEmpty(value: Plain | undefined): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (isPlainMap(value) && Object.keys(value).length === 0);
}

/**
 * A value as the server reads it, as text to compare: empty (unset, null, "", [], {}) is one value;
 * scalars compare as text (Jackson reads "3600" and 3600 alike); customParams as a map (the chart
 * writes it as a JSON string); lists of names as sets.
 */
function normalized(key: string, value: Plain | undefined): string {
  if (key === 'customParams' && typeof value === 'string') {
    try {
      return normalized(key, JSON.parse(value) as Plain);
    } catch {
      return value.trim();
    }
  }
  if (isEmpty(value)) return '';
  if (Array.isArray(value)) {
    const items = value.map((item) => (typeof item === 'string' ? item.trim() : JSON.stringify(item)));
    return JSON.stringify(SETS.has(key) ? [...new Set(items)].sort() : items);
  }
  if (isPlainMap(value)) {
    return JSON.stringify(Object.keys(value).sort().map((name) => [name, normalized(name, value[name])]));
  }
  return String(value).trim();
}

/** One piece of advice for what could not be compared, by name: the values live elsewhere. */
function reportNotCompared(ctx: RuleContext, walk: Walk, stored: StoredConfig): void {
  const parts: string[] = [];
  const names = (paths: Path[]): string => joinNames(paths.map((path) => ctx.keyName(path)));
  if (walk.inSecrets.length > 0) parts.push(`${names(walk.inSecrets)}, held in ${walk.inSecrets.length === 1 ? 'a Kubernetes Secret' : 'Kubernetes Secrets'} (secretRef)`);
  if (walk.fromEnvironment.length > 0) parts.push(`${names(walk.fromEnvironment)}, which the environment sets`);
  if (walk.fromValueFrom.length > 0) parts.push(`${joinNames(walk.fromValueFrom)}, which extraEnvs take from a Secret or ConfigMap (valueFrom)`);
  if (parts.length === 0) return;
  const at = walk.inSecrets[0] ?? walk.fromEnvironment[0];
  const place: Pick<Report, 'at' | 'root'> = at ? { at } : { at: ['extraEnvs'], root: 'chart' };
  ctx.report({ ...place, target: 'key', severity: 'info', messageId: 'notCompared', data: { export: stored.label, keys: parts.join('; ') } });
}
