/**
 * Argo CD Applications and ApplicationSets (argoproj.io/v1alpha1): `spec.source.helm`, or each
 * `spec.sources[].helm` of a multi-source Application (`spec.template.spec…` in an ApplicationSet).
 *
 * What Argo CD hands to `helm template` (argo-cd reposerver/repository/repository.go and
 * util/helm/cmd.go; https://argo-cd.readthedocs.io/en/stable/user-guide/helm/, "parameters >
 * valuesObject > values > valueFiles > helm repository values.yaml"):
 * - `valueFiles`, in order, as `--values`: paths relative to the chart's `path` in its repository
 *   (`/x` from the repository's root), `$ref/x` in the repository of the source with `ref: ref`;
 * - then one more `--values` file holding `valuesObject` when it is set, else `values` (a YAML
 *   document in a string): `valuesObject` replaces `values`, the two are never merged
 *   (ApplicationSourceHelm.ValuesYAML);
 * - `parameters` as `--set name=value` (`--set-string` with `forceString`), the value's commas
 *   escaped unless it is `{…}` (cleanSetParameters); `fileParameters` as `--set-file`.
 * Argo CD and the Kubernetes API read the manifest with sigs.k8s.io/yaml (YAML 1.1), so a map's
 * plain scalars are typed as Helm types them.
 */
import type { Path, Plain, PlainMap } from '../../types';
import { isPlainMap, valueAt } from '../../types';
import type { SourceDocument } from '../../source/parse';
import { isOpenMetadataChart } from '../../knowledge/gitops';
import { pinnedVersion, pathText, type LayerPlan, type ReleasePlan, type SetPlan, type UnreadPlan, type IgnoredPlan } from './plan';

export function isArgoCdApplication(plain: Plain): plain is PlainMap {
  return isPlainMap(plain) && typeof plain.apiVersion === 'string' && plain.apiVersion.startsWith('argoproj.io/') &&
    (plain.kind === 'Application' || plain.kind === 'ApplicationSet');
}

export function argoCdReleases(document: SourceDocument, plain: PlainMap): ReleasePlan[] {
  const set = plain.kind === 'ApplicationSet';
  const specPath: Path = set ? ['spec', 'template', 'spec'] : ['spec'];
  const spec = valueAt(plain, specPath);
  if (!isPlainMap(spec)) return [];
  // An ApplicationSet's own name: its template's is a template.
  const appName = String(valueAt(plain, ['metadata', 'name']) ?? '');
  const sources: { source: PlainMap; at: Path }[] = [];
  if (isPlainMap(spec.source)) sources.push({ source: spec.source, at: [...specPath, 'source'] });
  if (Array.isArray(spec.sources)) {
    spec.sources.forEach((source, i) => {
      if (isPlainMap(source)) sources.push({ source, at: [...specPath, 'sources', i] });
    });
  }
  const refs = new Map<string, string>();
  for (const { source } of sources) {
    if (typeof source.ref === 'string' && typeof source.repoURL === 'string') refs.set(source.ref, source.repoURL);
  }
  const kind = set ? 'ApplicationSet' : 'Application';
  return sources.filter(({ source }) => isOpenMetadataSource(source)).map(({ source, at }) => ({
    tool: 'argo-cd',
    name: `Argo CD ${kind}${appName ? ` ${appName}` : ''}`,
    document,
    at,
    // targetRevision names a chart release only for a Helm-repository source; for a git source it is a git ref.
    ...(typeof source.chart === 'string' ? pinnedVersion(source.targetRevision) : {}),
    ...(set ? { templating: 'the ApplicationSet controller' } : {}),
    ...helmValues(document, source, at, refs),
  }));
}

/** A source of the openmetadata chart: from a Helm repository (`chart`), or a chart folder in git (`path`). */
function isOpenMetadataSource(source: PlainMap): boolean {
  if (typeof source.chart === 'string') return isOpenMetadataChart(source.chart);
  return typeof source.path === 'string' && isOpenMetadataChart(source.path);
}

function helmValues(document: SourceDocument, source: PlainMap, at: Path, refs: ReadonlyMap<string, string>): Pick<ReleasePlan, 'layers' | 'sets' | 'unread' | 'ignored'> {
  const layers: LayerPlan[] = [];
  const sets: SetPlan[] = [];
  const unread: UnreadPlan[] = [];
  const ignored: IgnoredPlan[] = [];
  const helm = source.helm;
  if (!isPlainMap(helm)) return { layers, sets, unread, ignored };
  const helmAt = [...at, 'helm'];
  if (Array.isArray(helm.valueFiles)) {
    helm.valueFiles.forEach((file, i) => {
      if (typeof file !== 'string') return;
      const entry = [...helmAt, 'valueFiles', i];
      const what = `${pathText(entry)} ${file}`;
      const resolved = valueFile(file, source, refs);
      if ('reason' in resolved) unread.push({ at: entry, what, reason: resolved.reason });
      else layers.push({ kind: 'file', at: entry, what, request: resolved });
    });
  }
  const hasObject = isPlainMap(helm.valuesObject);
  if (typeof helm.values === 'string' && helm.values.trim() !== '') {
    if (hasObject) {
      ignored.push({ at: [...helmAt, 'values'], what: pathText([...helmAt, 'values']), reason: 'valuesObject is set, and Argo CD then passes valuesObject instead of values (the two are not merged)' });
    } else {
      layers.push({ kind: 'text', at: [...helmAt, 'values'], what: pathText([...helmAt, 'values']) });
    }
  }
  if (hasObject) layers.push({ kind: 'inline', at: [...helmAt, 'valuesObject'], typing: 'helm', what: pathText([...helmAt, 'valuesObject']) });
  if (Array.isArray(helm.parameters)) {
    const typed = valueAt(document.helmPlain(), [...helmAt, 'parameters']);
    helm.parameters.forEach((parameter, i) => {
      if (!isPlainMap(parameter) || typeof parameter.name !== 'string' || parameter.name === '') return;
      const entry = [...helmAt, 'parameters', i];
      const value = parameter.value === undefined || parameter.value === null ? '' : String(parameter.value);
      const forceString = Array.isArray(typed) && isPlainMap(typed[i]) && typed[i].forceString === true;
      const name = parameter.name;
      sets.push({
        flag: forceString ? '--set-string' : '--set',
        argument: `${name}=${escapeCommas(value)}`,
        at: entry,
        nameEnd: name.length,
        namePath: [...entry, 'name'],
        valuePath: [...entry, parameter.value === undefined ? 'name' : 'value'],
      });
    });
  }
  if (Array.isArray(helm.fileParameters)) {
    helm.fileParameters.forEach((parameter, i) => {
      if (!isPlainMap(parameter)) return;
      const entry = [...helmAt, 'fileParameters', i];
      unread.push({ at: entry, what: `${pathText(entry)} ${String(parameter.name ?? '')}`.trim(), reason: { kind: 'set-file' } });
    });
  }
  return { layers, sets, unread, ignored };
}

/**
 * Where a `valueFiles` entry is (pathutil.ResolveFilePath and the `$ref` sources of a multi-source
 * Application): `$ref/path` in the repository of the source with `ref: ref`; a URL is remote; a
 * relative path is in the chart's folder of a git source, or inside the chart package of a Helm
 * repository's chart, which omlint does not have.
 */
function valueFile(file: string, source: PlainMap, refs: ReadonlyMap<string, string>): { path: string; base: 'repository'; repoURL?: string } | { reason: UnreadPlan['reason'] } {
  const ref = /^\$([^/]+)\/(.*)$/.exec(file);
  if (ref) {
    const repoURL = refs.get(ref[1]);
    return repoURL === undefined ? { reason: { kind: 'no-ref', ref: ref[1] } } : { path: ref[2], base: 'repository', repoURL };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return { reason: { kind: 'remote' } };
  if (/\$(?:\{)?ARGOCD_|\$\{?KUBE_/.test(file)) return { reason: { kind: 'build-variable' } };
  if (typeof source.chart === 'string' || typeof source.path !== 'string') return { reason: { kind: 'chart-package' } };
  const path = file.startsWith('/') ? file.slice(1) : joinPosix(source.path, file);
  return { path, base: 'repository', ...(typeof source.repoURL === 'string' ? { repoURL: source.repoURL } : {}) };
}

/** `a/b` joined with `../c/d.yaml`, `.` and `..` resolved, as a path inside the repository. */
function joinPosix(dir: string, file: string): string {
  const parts: string[] = [];
  for (const part of `${dir}/${file}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** Argo CD's cleanSetParameters: commas not already escaped are escaped, unless the value is a `{…}` list. */
export function escapeCommas(value: string): string {
  if (value.startsWith('{') && value.endsWith('}')) return value;
  let out = '';
  let previous = '';
  for (const char of value) {
    out += char === ',' && previous !== '\\' ? '\\,' : char;
    previous = char;
  }
  return out;
}
