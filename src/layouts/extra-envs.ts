/**
 * `extraEnvs` in Helm values: the chart puts them in the container's `env`, which Kubernetes lets
 * win over the `envFrom` Secrets the chart renders from the values keys (chart
 * `templates/deployment.yaml` @ 1.13.1). So an auth variable there is what the server runs with: it is folded into the
 * model (located on the extraEnvs entry), and the values key it shadows is kept in
 * `model.envOverrides` for the env-override rule. Secrets are not folded: keys the chart reads as
 * Secret references (clientSecret, dnAdminPassword, SAML certificates, …) still get their own `env`
 * entry, which must be valid, and a secret written in the values file (FERNET_KEY's fernetkey.value)
 * is a finding whether or not something overrides it.
 */
import type { Path, Plain, PlainMap } from '../types';
import { AuthModel, EnvOverride, EnvValueFact, documentPath } from './model';
import { ENV_NAMES, SECRET_ENV_NAMES } from '../knowledge/env-names';
import { MappedEntry, MappedLocator, pathKey } from './mapped-locator';
import { EnvValueProblem, readEnvValue } from './env-value';
import { CHART_DEFAULTS } from '../knowledge/defaults';
import { setValueAt, valueAt, isPlainMap } from '../types';

interface EnvSetting {
  name: string;
  index: number;
  /** The value to fold; undefined when it comes from a Secret or ConfigMap (valueFrom) the linter cannot read. */
  value?: Plain;
  sourceKey: 'value' | 'valueFrom';
  problem?: EnvValueProblem;
}

/** The model with the auth variables of `<chart>.extraEnvs` folded in (they win); the model itself when there are none. */
export function foldExtraEnvs(model: AuthModel, defaults: PlainMap): AuthModel {
  const entriesPath = [...model.chartPath, 'extraEnvs'];
  const settings = envSettings(valueAt(model.document, entriesPath));
  if (settings.length === 0) return model;
  const config = structuredClone(model.config) as PlainMap;
  const mapped = new Map<string, MappedEntry>();
  const overrides: EnvOverride[] = [];
  const problems: EnvValueFact[] = [...(model.envValueFacts ?? [])];
  for (const setting of settings) {
    const env = ENV_NAMES.get(setting.name);
    // Server-only names have no values key to shadow; the chart schema would reject them as keys.
    if (!env || env.serverOnly) continue;
    const entryPath = [...entriesPath, setting.index];
    const sourcePath = [...entryPath, setting.sourceKey];
    for (const path of env.paths) {
      const written = valueAt(model.config, path);
      const shadowedLocation = written !== undefined ? model.locator.locate(documentPath(model, path)) : undefined;
      overrides.push({
        name: setting.name,
        path,
        entryPath,
        shadowed: written ?? valueAt(defaults, path),
        ...(shadowedLocation ? { shadowedLocation } : {}),
      });
      // Secrets stay as the values write them: the chart still renders its own env entry from a Secret
      // reference (which must be valid even though this one wins), and a secret written in the file
      // is a finding whether or not something overrides it.
      if (setting.value === undefined || isSecretRefKey(path) || SECRET_ENV_NAMES.includes(setting.name)) continue;
      setValueAt(config, path, setting.value);
      mapped.set(pathKey(documentPath(model, path)), {
        locator: model.locator,
        sourcePath,
        keySourcePath: [...entryPath, 'name'],
        whole: true,
        origin: { filePath: model.locator.locate(sourcePath)?.filePath ?? model.filePath, env: { name: setting.name, source: 'extraEnvs' } },
      });
    }
    if (setting.problem) {
      problems.push({ at: sourcePath, root: 'document', names: [setting.name], problem: setting.problem });
    }
  }
  if (overrides.length === 0) return model;
  const locator = mapped.size > 0 ? new MappedLocator(mapped, model.locator) : model.locator;
  return {
    ...model,
    document: withConfig(model.document, model.configPath, config),
    config,
    locator,
    // A value an env var set has no YAML key of its own to edit.
    fixTarget: (at) => (locator.origin?.(at)?.env ? undefined : model.fixTarget?.(at)),
    envOverrides: overrides,
    envValueFacts: problems,
  };
}

/** The auth-named entries of an extraEnvs list, in order (a later entry of the same name wins, as in Kubernetes). */
function envSettings(list: Plain | undefined): EnvSetting[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index): EnvSetting[] => {
    if (!isPlainMap(entry) || typeof entry.name !== 'string' || !ENV_NAMES.has(entry.name)) return [];
    const name = entry.name;
    if ('value' in entry && entry.value !== null && typeof entry.value !== 'object') {
      const read = readEnvValue(String(entry.value), ENV_NAMES.get(name)?.paths.some((p) => p.at(-1) === 'customParams'));
      return [{ name, index, value: read.value, sourceKey: 'value', problem: read.problem }];
    }
    return [{ name, index, sourceKey: 'valueFrom' in entry ? 'valueFrom' : 'value' }];
  });
}

/** A values key the chart reads as a Kubernetes Secret reference ({secretRef, secretKey}). */
function isSecretRefKey(path: Path): boolean {
  const chartDefault = valueAt(CHART_DEFAULTS, path);
  return isPlainMap(chartDefault) && 'secretRef' in chartDefault;
}

/** `document` with the map at `configPath` replaced by `config`. */
export function withConfig(document: Plain, configPath: Path, config: PlainMap): Plain {
  if (configPath.length === 0) return config;
  const [head, ...rest] = configPath;
  const map = isPlainMap(document) ? document : {};
  return { ...map, [String(head)]: withConfig(map[String(head)] ?? {}, rest, config) };
}
