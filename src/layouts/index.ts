/**
 * From parsed sources to models: each layout finds where OpenMetadata's auth settings sit in its
 * kind of file and builds the model the rules read, with provenance for every value.
 */
import type { Plain } from '../types';
import type { SourceDocument } from '../source/parse';
import type { ParsedEnvFile } from './env-file';
import type { Path } from '../types';
import type { AuthModel, ChartFacts, ChartFile, FixTarget, LayoutChoice } from './model';
import type { DuplicateKey } from '../source/tree';
import { buildHelmModels, findPlacements } from './helm-values';
import { foldExtraEnvs } from './extra-envs';
import { buildServerModel } from './server-config';
import { buildEnvFileModel } from './env-file';
import { buildExportModel, isSecurityExport } from './export';
import { mergeLayers, type Layer, type Merged } from '../source/merge';
import { applySetLayers, COMMAND_LINE, type SetLayer, type SetLayerProblem } from '../source/set-layers';
import { chartDefaults, isOpenMetadataChartRelease } from '../knowledge/versions';
import { templatePaths } from './unknown';

export interface LayoutSettings {
  chartVersion?: string;
  /** The Chart.yaml beside the values file, read when a Helm model needs it. */
  chartFile?: () => ChartFile | undefined;
  /** How a YAML document is read: by its shape (`auto`, the default), always as a security config `export`, or never (`server`). */
  layout?: LayoutChoice;
  /** The variables of openmetadata.yaml's `${VAR:-default}` (`--env-file`). */
  envFile?: ParsedEnvFile;
}

export type { LayoutChoice } from './model';

/**
 * The Helm values layouts of one document (plain, umbrella, legacy), with their extraEnvs folded in,
 * read as Helm reads the file (YAML 1.1 booleans: SourceDocument.helmPlain). Booleans never change
 * where the auth sections sit, so the document's own plain value finds them.
 */
export function helmModels(filePath: string, document: SourceDocument, plain: Plain, settings: LayoutSettings): AuthModel[] {
  if (settings.layout === 'export' || findPlacements(plain).length === 0) return [];
  return withChart(buildHelmModels(filePath, document.helmPlain(), document, document.duplicateKeys()), settings)
    .map((model) => withUnknown(
      foldExtraEnvs({ ...model, fixTarget: (at) => ({ document: document.index, at }) }, chartDefaults(settings.chartVersion)),
      document.mayHoldTemplates(),
    ));
}

/** The model with the paths of its template expressions (src/layouts/unknown.ts), looked for only when the text holds `{{`. */
function withUnknown(model: AuthModel, mayHoldTemplates: boolean): AuthModel {
  if (!mayHoldTemplates) return model;
  const unknown = templatePaths(model.document);
  return unknown.length > 0 ? { ...model, unknown } : model;
}

/**
 * The Chart.yaml beside the file describes the chart these values are for, except in an umbrella
 * chart, where it is the umbrella's and the openmetadata chart is a dependency (chartPath not []).
 */
function withChart(models: AuthModel[], settings: LayoutSettings): AuthModel[] {
  const own = (model: AuthModel): boolean => model.chartPath.length === 0;
  if (!settings.chartFile || !models.some(own)) return models;
  const file = settings.chartFile();
  if (!file) return models;
  const chart: ChartFacts = { ...file, otherChart: !isOpenMetadataChartRelease(file) };
  return models.map((model) => (own(model) ? { ...model, chart } : model));
}

/**
 * `-f a.yaml -f b.yaml`: the values files (each as helmPlain reads it) merged as Helm merges them, one release whose findings
 * point at the file that set each value, with omlint's own `--set` arguments on top. A duplicate key
 * counts where its file's value survived the merge; a later file may have replaced it. No fix: a
 * finding may span several files.
 */
export function layeredHelmModels(
  label: string,
  layers: readonly { document: SourceDocument; plain: Plain }[],
  sets: readonly SetLayer[],
  settings: LayoutSettings,
): { models: AuthModel[]; problem?: SetLayerProblem } {
  return releaseModels(label, layers.map(({ document, plain }) => documentLayer(document, plain, false)), [sets], settings);
}

/** A values file's first document as a layer of a release; `fixable`: --fix edits it (the one file linted). */
export function documentLayer(document: SourceDocument, plain: Plain, fixable: boolean): ReleaseLayer {
  return {
    filePath: document.filePath,
    value: plain,
    locator: document,
    duplicates: document.duplicateKeys(),
    fix: fixable ? (at) => ({ document: document.index, at }) : () => undefined,
    mayHoldTemplates: document.mayHoldTemplates(),
  };
}

/** Whether a Helm values document holds OpenMetadata's auth sections itself (the evidence a values file must show). */
export function hasHelmPlacements(plain: Plain): boolean {
  return findPlacements(plain).length > 0;
}

/** One layer of a release's values: a values file, or values a GitOps file holds or names. */
export interface ReleaseLayer extends Layer {
  /** Its keys written twice, with paths relative to the layer's values and ranges in the file that holds them. */
  duplicates: readonly DuplicateKey[];
  /** Where --fix edits a path of this layer (undefined: no fix; `blocked`: not here, and why). */
  fix: (at: Path) => FixTarget | undefined;
  /** Whether the layer's text holds `{{` (a template expression may be among its values). */
  mayHoldTemplates: boolean;
}

/**
 * One Helm release: its layers merged in order (later wins, Helm's mergeMaps), then the `--set`
 * family arguments applied on top in Helm's order, every value located where it was set. A problem:
 * an argument Helm refuses, so the release renders nothing and has no model.
 */
export function releaseModels(
  label: string,
  layers: readonly ReleaseLayer[],
  setGroups: readonly (readonly SetLayer[])[],
  settings: LayoutSettings,
): { models: AuthModel[]; problem?: SetLayerProblem } {
  let merged: Merged = mergeLayers(layers);
  let setBy: ((path: Path) => SetLayer | undefined) | undefined;
  for (const sets of setGroups) {
    if (sets.length === 0) continue;
    const { applied, problem } = applySetLayers(merged, sets, setBy);
    if (problem) return { models: [], problem };
    merged = applied;
    setBy = applied.setBy;
  }
  const final = merged;
  const surviving = layers.flatMap((layer, i) => layer.duplicates.filter((duplicate) => final.layerOf([...duplicate.mapPath, duplicate.key]) === i));
  const fixTarget = (at: Path): FixTarget | undefined => {
    const set = setBy?.(at);
    if (set) return { blocked: `${set.filePath === COMMAND_LINE ? 'a --set argument of the command line' : `a --set argument (${set.flag}) from ${set.filePath}`} sets it` };
    return layers[final.layerOf(at)]?.fix(at);
  };
  const mayHoldTemplates = layers.some((layer) => layer.mayHoldTemplates) || setGroups.some((sets) => sets.some((set) => set.argument.includes('{{')));
  const models = withChart(buildHelmModels(label, final.value, final.locator, surviving), settings)
    .map((model) => withUnknown(foldExtraEnvs({ ...model, fixTarget }, chartDefaults(settings.chartVersion)), mayHoldTemplates));
  return { models };
}

/**
 * The server layout of one document of openmetadata.yaml (or a bare SAML fragment), or of a security
 * config export (export.ts): by its shape, or as `--layout` says.
 */
export function serverModel(filePath: string, document: SourceDocument, plain: Plain, settings: LayoutSettings, text: string): AuthModel | undefined {
  const layout = settings.layout ?? 'auto';
  if (layout === 'export' || (layout === 'auto' && isSecurityExport(plain, filePath, text))) return buildExportModel(filePath, document, plain, layout === 'export');
  return buildServerModel(filePath, document, plain, settings.envFile);
}

/** A docker env file's auth variables, read as the server reads them. */
export function envFileModel(env: ParsedEnvFile): AuthModel | undefined {
  return buildEnvFileModel(env);
}
