/**
 * From parsed sources to models: each layout finds where OpenMetadata's auth settings sit in its
 * kind of file and builds the model the rules read, with provenance for every value.
 */
import type { Plain } from '../types';
import type { SourceDocument } from '../source/parse';
import type { ParsedEnvFile } from './env-file';
import type { AuthModel } from './model';
import { buildHelmModels, findPlacements } from './helm-values';
import { foldExtraEnvs } from './extra-envs';
import { buildServerModel } from './server-config';
import { buildEnvFileModel } from './env-file';
import { mergeLayers } from '../source/merge';
import { chartDefaults } from '../knowledge/versions';

export interface LayoutSettings {
  chartVersion?: string;
}

/**
 * The Helm values layouts of one document (plain, umbrella, legacy), with their extraEnvs folded in,
 * read as Helm reads the file (YAML 1.1 booleans: SourceDocument.helmPlain). Booleans never change
 * where the auth sections sit, so the document's own plain value finds them.
 */
export function helmModels(filePath: string, document: SourceDocument, plain: Plain, settings: LayoutSettings): AuthModel[] {
  if (findPlacements(plain).length === 0) return [];
  return buildHelmModels(filePath, document.helmPlain(), document, document.duplicateKeys())
    .map((model) => foldExtraEnvs({ ...model, fixableDocument: () => document.index }, chartDefaults(settings.chartVersion)));
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
  return buildHelmModels(label, merged.value, merged.locator, surviving)
    .map((model) => foldExtraEnvs(model, chartDefaults(settings.chartVersion)));
}

/** The server layout of one document of openmetadata.yaml (or a bare SAML fragment). */
export function serverModel(filePath: string, document: SourceDocument, plain: Plain, envFile?: ParsedEnvFile): AuthModel | undefined {
  return buildServerModel(filePath, document, plain, envFile);
}

/** A docker env file's auth variables, read as the server reads them. */
export function envFileModel(env: ParsedEnvFile): AuthModel | undefined {
  return buildEnvFileModel(env);
}
