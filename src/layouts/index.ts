/**
 * From parsed sources to models: each layout finds where OpenMetadata's auth settings sit in its
 * kind of file and builds the model the rules read, with provenance for every value.
 */
import type { Plain } from '../types';
import type { SourceDocument } from '../source/parse';
import type { ParsedEnvFile } from './env-file';
import type { AuthModel, ChartFacts, ChartFile, LayoutChoice } from './model';
import { buildHelmModels, findPlacements } from './helm-values';
import { foldExtraEnvs } from './extra-envs';
import { buildServerModel } from './server-config';
import { buildEnvFileModel } from './env-file';
import { buildExportModel, isSecurityExport } from './export';
import { mergeLayers } from '../source/merge';
import { chartDefaults, isOpenMetadataChartRelease } from '../knowledge/versions';

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
    .map((model) => foldExtraEnvs({ ...model, fixableDocument: () => document.index }, chartDefaults(settings.chartVersion)));
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
 * point at the file that set each value. A duplicate key counts where its file's value survived the
 * merge; a later file may have replaced it. No fix: a finding may span several files.
 */
export function layeredHelmModels(label: string, layers: readonly { document: SourceDocument; plain: Plain }[], settings: LayoutSettings): AuthModel[] {
  const merged = mergeLayers(layers.map(({ document, plain }) => ({ filePath: document.filePath, value: plain, locator: document })));
  const surviving = layers.flatMap(({ document }) => document.duplicateKeys().filter((duplicate) =>
    merged.locator.origin?.([...duplicate.mapPath, duplicate.key])?.filePath === document.filePath));
  return withChart(buildHelmModels(label, merged.value, merged.locator, surviving), settings)
    .map((model) => foldExtraEnvs(model, chartDefaults(settings.chartVersion)));
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
