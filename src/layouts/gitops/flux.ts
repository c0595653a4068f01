/**
 * Flux HelmReleases (helm.toolkit.fluxcd.io): the chart as `spec.chart.spec.chart` (a chart name,
 * or a folder of a GitRepository), or `spec.chartRef` to an OCIRepository of the same file whose URL
 * names it. helm-controller merges `spec.valuesFrom` (ConfigMaps and Secrets, in order, a `targetPath`
 * putting one key's text at a path) and then `spec.values` on top
 * (https://fluxcd.io/flux/components/helm/helmreleases/#values-overrides). `spec.chart.spec.valuesFiles`
 * replace the chart's own values.yaml, from the chart's source. omlint reads `spec.values` (a map read
 * by the Kubernetes API, YAML 1.1) and names the rest: it is in the cluster or in the chart's source.
 */
import type { Path, Plain, PlainMap } from '../../types';
import { isPlainMap, valueAt } from '../../types';
import type { SourceDocument } from '../../source/parse';
import { applySetArgument } from '../../source/helm-set';
import { isOpenMetadataChart } from '../../knowledge/gitops';
import { pinnedVersion, pathText, type LayerPlan, type ReleasePlan, type UnreadPlan } from './plan';

export function isFluxHelmRelease(plain: Plain): plain is PlainMap {
  return isPlainMap(plain) && typeof plain.apiVersion === 'string' && plain.apiVersion.startsWith('helm.toolkit.fluxcd.io/') && plain.kind === 'HelmRelease';
}

/** `others`: the file's other documents, where an OCIRepository a `chartRef` names may be. */
export function fluxReleases(document: SourceDocument, plain: PlainMap, others: readonly Plain[]): ReleasePlan[] {
  if (!isOpenMetadataRelease(plain, others)) return [];
  const layers: LayerPlan[] = [];
  const unread: UnreadPlan[] = [];
  const chartSpec = ['spec', 'chart', 'spec'];
  const valuesFiles = valueAt(plain, [...chartSpec, 'valuesFiles']);
  if (Array.isArray(valuesFiles)) {
    valuesFiles.forEach((file, i) => {
      const at = [...chartSpec, 'valuesFiles', i];
      unread.push({ at, what: `${pathText(at)} ${String(file)}`, reason: { kind: 'chart-package' } });
    });
  }
  const valuesFile = valueAt(plain, [...chartSpec, 'valuesFile']);
  if (typeof valuesFile === 'string') {
    const at = [...chartSpec, 'valuesFile'];
    unread.push({ at, what: `${pathText(at)} ${valuesFile}`, reason: { kind: 'chart-package' } });
  }
  const valuesFrom = valueAt(plain, ['spec', 'valuesFrom']);
  if (Array.isArray(valuesFrom)) {
    valuesFrom.forEach((reference, i) => {
      if (!isPlainMap(reference)) return;
      const at: Path = ['spec', 'valuesFrom', i];
      const object = `${String(reference.kind ?? 'ConfigMap')} ${String(reference.name ?? '')}`.trim();
      const key = typeof reference.valuesKey === 'string' ? reference.valuesKey : 'values.yaml';
      const what = pathText(at);
      unread.push({ at, what, reason: { kind: 'cluster', object, key } });
      const path = typeof reference.targetPath === 'string' ? targetPathOf(reference.targetPath) : undefined;
      if (path) layers.push({ kind: 'unknown', at, path, what });
    });
  }
  if (isPlainMap(valueAt(plain, ['spec', 'values']))) layers.push({ kind: 'inline', at: ['spec', 'values'], typing: 'helm', what: 'spec.values' });
  const name = valueAt(plain, ['metadata', 'name']);
  return [{
    tool: 'flux',
    name: `Flux HelmRelease${typeof name === 'string' ? ` ${name}` : ''}`,
    document,
    at: ['spec'],
    ...pinnedVersion(valueAt(plain, [...chartSpec, 'version'])),
    layers,
    sets: [],
    unread,
    ignored: [],
  }];
}

function isOpenMetadataRelease(plain: PlainMap, others: readonly Plain[]): boolean {
  const chart = valueAt(plain, ['spec', 'chart', 'spec', 'chart']);
  if (typeof chart === 'string') return isOpenMetadataChart(chart);
  const ref = valueAt(plain, ['spec', 'chartRef']);
  if (!isPlainMap(ref) || typeof ref.name !== 'string') return false;
  return others.some((other) => isPlainMap(other) && other.kind === ref.kind && valueAt(other, ['metadata', 'name']) === ref.name &&
    typeof valueAt(other, ['spec', 'url']) === 'string' && isOpenMetadataChart(String(valueAt(other, ['spec', 'url']))));
}

/** A `targetPath` (the key syntax of `--set`: `a.b[0].c`) as a values path; undefined when Helm would refuse it. */
function targetPathOf(targetPath: string): Path | undefined {
  const outcome = applySetArgument({}, '--set-string', `${targetPath.trim()}=x`);
  return outcome.problem || outcome.assignments.length !== 1 ? undefined : outcome.assignments[0].path;
}
