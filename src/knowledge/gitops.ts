/**
 * What tells a GitOps file apart, and OpenMetadata's chart in it: the files that deploy the chart
 * without a values file of its own (docs/gitops.md). Argo CD Applications and ApplicationSets
 * (argoproj.io), Flux HelmReleases (helm.toolkit.fluxcd.io), helmfiles and Kustomize's helmCharts.
 */

/**
 * A text that may declare a release of some chart: a Kubernetes kind that deploys charts, a
 * helmfile's `releases:` or a kustomization's `helmCharts:` at the start of a line. Checked only on
 * a text that names `openmetadata` (the chart's name, which every such file must write), so a values
 * file pays one substring search, and a regular expression only when it names the chart.
 */
const WRAPPER_HINT = /^[ \t]*(?:kind:[ \t]*["']?(?:Application|ApplicationSet|HelmRelease|HelmChartInflationGenerator)["']?[ \t]*(?:#.*)?$|(?:releases|helmCharts):)/m;

export function mayDeployChart(text: string): boolean {
  return (text.includes('openmetadata') || text.includes('OpenMetadata')) &&
    // Substring searches first: a values file names the chart but rarely holds any of these words,
    // and the multi-line expression costs ~20 µs on every such file.
    (text.includes('kind:') || text.includes('releases:') || text.includes('helmCharts:')) && WRAPPER_HINT.test(text);
}

/** helmfile's own files: `helmfile.yaml`, `helmfile-prod.yaml`, `helmfile.yaml.gotmpl`, and the files of a `helmfile.d/` folder. */
export function isHelmfileName(filePath: string): boolean {
  const parts = filePath.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  return /^helmfile[^/\\]*\.ya?ml(?:\.gotmpl)?$/i.test(name) || (parts[parts.length - 2] === 'helmfile.d' && /\.ya?ml(?:\.gotmpl)?$/i.test(name));
}

/** Kustomize's file names (kustomize api/konfig RecognizedKustomizationFileNames). */
export function isKustomizationName(filePath: string): boolean {
  return /^(?:kustomization\.ya?ml|Kustomization)$/.test(filePath.split(/[\\/]/).pop() ?? '');
}

/**
 * OpenMetadata's chart, `openmetadata` of open-metadata/openmetadata-helm-charts, as a release names
 * it: a chart name (`openmetadata`), a repository's chart (`open-metadata/openmetadata`), an OCI
 * reference (`oci://registry/charts/openmetadata:1.13.1`), a chart folder (`charts/openmetadata`,
 * `charts/openmetadata-1.13.1/openmetadata`). Its last segment names the chart; `openmetadata-dependencies`
 * (MySQL, OpenSearch, Airflow) is another chart of the same repository.
 */
export function isOpenMetadataChart(reference: string): boolean {
  const last = reference.trim().replace(/[/\\]+$/, '').split(/[/\\]/).pop() ?? '';
  return /^openmetadata(?:[:@].*)?$/i.test(last);
}
