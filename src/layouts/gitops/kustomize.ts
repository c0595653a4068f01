/**
 * Kustomize's Helm chart inflator: `helmCharts[]` of a kustomization (or a HelmChartInflationGenerator
 * of its own), the chart by `name` (and `repo`). kustomize (plugin/builtin/helmchartinflationgenerator,
 * api/types/helmchartargs.go) reads the kustomization with sigs.k8s.io/yaml (YAML 1.1, so `off` is
 * false), merges `valuesInline` with `valuesFile` as `valuesMerge` says (`override`, the default:
 * valuesInline over valuesFile; `merge`: valuesFile over valuesInline; `replace`: valuesInline alone),
 * writes the result to one values file, and runs `helm template -f <that file> -f <each of
 * additionalValuesFiles>`: the additional files come last and win. Paths are relative to the
 * kustomization's folder; without `valuesFile` the chart's own values.yaml is used, as Helm does anyway.
 */
import type { Path, Plain, PlainMap } from '../../types';
import { isPlainMap } from '../../types';
import type { SourceDocument } from '../../source/parse';
import { isOpenMetadataChart } from '../../knowledge/gitops';
import { pinnedVersion, pathText, type IgnoredPlan, type LayerPlan, type ReleasePlan } from './plan';

export function isHelmChartInflationGenerator(plain: Plain): plain is PlainMap {
  return isPlainMap(plain) && plain.kind === 'HelmChartInflationGenerator';
}

export function isKustomizationWithCharts(plain: Plain): plain is PlainMap & { helmCharts: Plain[] } {
  return isPlainMap(plain) && Array.isArray(plain.helmCharts);
}

/** The openmetadata charts of a kustomization's `helmCharts`, or of a generator file (`at` []). */
export function kustomizeReleases(document: SourceDocument, charts: readonly { chart: Plain; at: Path }[]): ReleasePlan[] {
  return charts.flatMap(({ chart, at }): ReleasePlan[] => {
    if (!isPlainMap(chart) || typeof chart.name !== 'string' || !isOpenMetadataChart(chart.name)) return [];
    const layers: LayerPlan[] = [];
    const ignored: IgnoredPlan[] = [];
    const file: LayerPlan | undefined = typeof chart.valuesFile === 'string'
      ? { kind: 'file', at: [...at, 'valuesFile'], what: `${pathText([...at, 'valuesFile'])} ${chart.valuesFile}`, request: { path: chart.valuesFile, base: 'file' } }
      : undefined;
    const inline: LayerPlan | undefined = isPlainMap(chart.valuesInline) && Object.keys(chart.valuesInline).length > 0
      ? { kind: 'inline', at: [...at, 'valuesInline'], typing: 'helm', what: pathText([...at, 'valuesInline']) }
      : undefined;
    const merge = typeof chart.valuesMerge === 'string' ? chart.valuesMerge : 'override';
    if (inline && merge === 'replace') {
      if (file) ignored.push({ at: file.at, what: file.what, reason: 'valuesMerge is replace, so kustomize passes valuesInline alone' });
      layers.push(inline);
    } else if (inline && merge === 'merge') {
      layers.push(inline, ...(file ? [file] : []));
    } else {
      layers.push(...(file ? [file] : []), ...(inline ? [inline] : []));
    }
    if (Array.isArray(chart.additionalValuesFiles)) {
      chart.additionalValuesFiles.forEach((path, i) => {
        if (typeof path !== 'string') return;
        const entry = [...at, 'additionalValuesFiles', i];
        layers.push({ kind: 'file', at: entry, what: `${pathText(entry)} ${path}`, request: { path, base: 'file' } });
      });
    }
    const release = typeof chart.releaseName === 'string' ? chart.releaseName : chart.name;
    return [{ tool: 'kustomize', name: `Kustomize helm chart ${release}`, document, at, ...pinnedVersion(chart.version), layers, sets: [], unread: [], ignored }];
  });
}
