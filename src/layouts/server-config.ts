/**
 * The server's own conf/openmetadata.yaml: `authenticationConfiguration`,
 * `authorizerConfiguration`, `jwtTokenConfiguration`, `fernetConfiguration`. The
 * sections are translated to the chart's names (publicKeyUrls → publicKeys, adminPrincipals →
 * initialAdmins, oidcConfiguration id/secret/type/prompt → clientId/clientSecret/oidcType/promptType,
 * samlConfiguration → saml, fernetConfiguration.fernetKey → fernetkey.value; src/knowledge/names.ts)
 * so the same rules run, and every model path is located on the server key that set it.
 *
 * `${VAR:-default}` is evaluated as the server does (Dropwizard's EnvironmentVariableSubstitutor): textually, before YAML parsing, with the
 * variable's value from `--env-file` when it has one, else the default. A finding about such a value
 * lands on the substitution's text (or on the env file's line when the value came from there).
 *
 * The SAML docs page ships `idp:`, `sp:` and `security:` as separate fragments with no parent key
 * (corpus saml-bare-metal-1..3). A document whose top-level keys are only those is read as the
 * body of `authenticationConfiguration.samlConfiguration`, where the page means them to go.
 */
import type { Path, Plain, PlainMap } from '../types';
import { AuthModel, EnvValueFact } from './model';
import { DuplicateKey } from '../source/yaml';
import type { SourceDocument } from '../source/parse';
import { SERVER_SECTIONS, SERVER_TO_CHART_KEYS, SERVER_FERNET_KEYS } from '../knowledge/names';
import { SERVER_DEFAULTS } from '../knowledge/server-defaults';
import { isOpenMetadataFileName, OPENMETADATA_KEYS } from '../knowledge/markers';
import { ENV_NAMES } from '../knowledge/env-names';
import { MappedEntry, MappedLocator, pathKey } from './mapped-locator';
import { findSubstitutions, readEnvValue, substitute } from './env-value';
import type { ParsedEnvFile } from './env-file';
import { setValueAt, isPlainMap } from '../types';
import { Locator } from '../source/tree';

const SAML_FRAGMENT_KEYS = ['idp', 'sp', 'security', 'debugMode'];

/** Chart name of a server key, given the chart name of the map that holds it. */
function chartName(parent: string | undefined, key: string): string {
  if (parent === undefined) return SERVER_SECTIONS[key] ?? key;
  if (parent === 'fernetkey') return SERVER_FERNET_KEYS[key] ?? key;
  return SERVER_TO_CHART_KEYS[parent]?.[key] ?? key;
}

/** Where the auth sections sit in a server document: at its root, or a bare SAML fragment. */
function serverRoots(document: Plain, filePath = ''): { serverPath: Path; modelPath: Path }[] {
  if (!isPlainMap(document)) return [];
  const keys = Object.keys(document);
  const sections = keys.filter((key) => key in SERVER_SECTIONS);
  if (sections.length > 0) return sections.map((key) => ({ serverPath: [key], modelPath: [SERVER_SECTIONS[key]] }));
  const isSamlFragment = keys.length > 0 && keys.every((key) => SAML_FRAGMENT_KEYS.includes(key)) && keys.some((key) => isPlainMap(document[key]));
  const openMetadata = isSamlFragment && (isOpenMetadataFileName(filePath) || isOpenMetadataSaml(document));
  return openMetadata ? [{ serverPath: [], modelPath: ['authentication', 'saml'] }] : [];
}

/**
 * `idp:`, `sp:` and `security:` are SAML words of any application: the fragment is OpenMetadata's
 * in a file named as the server's configuration (openmetadata*.yaml), or when it has one of its keys (`idpX509Certificate`, `spX509Certificate`, `ssoLoginUrl`…) or takes a
 * value from one of its variables (`${SAML_SP_ACS:-…}`), as the docs page's fragments do.
 */
function isOpenMetadataSaml(fragment: PlainMap): boolean {
  const visit = (value: Plain, depth: number): boolean => {
    if (depth > 8) return false;
    if (typeof value === 'string') return findSubstitutions(value).some((substitution) => ENV_NAMES.has(substitution.name));
    if (Array.isArray(value)) return value.some((item) => visit(item, depth + 1));
    return isPlainMap(value) && Object.entries(value).some(([key, child]) => OPENMETADATA_KEYS.has(key) || visit(child, depth + 1));
  };
  return visit(fragment, 0);
}

export function isServerConfig(document: Plain): boolean {
  return serverRoots(document).length > 0;
}

interface Translation {
  config: PlainMap;
  entries: Map<string, MappedEntry>;
  /** Server path → model path, for duplicate keys. */
  toModel: Map<string, Path>;
  problems: EnvValueFact[];
  /** Values are taken as written: no `${VAR:-default}` is evaluated. */
  literal: boolean;
}

/** The server layout's model of one document, or undefined when it holds no server auth section. */
export function buildServerModel(filePath: string, source: SourceDocument, document: Plain, envFile?: ParsedEnvFile): AuthModel | undefined {
  const roots = serverRoots(document, filePath);
  if (roots.length === 0) return undefined;
  return translateSections(filePath, source, document, roots, { envFile });
}

/** How translateSections reads the values: `${VAR:-default}` evaluated (openmetadata.yaml), or `literal` (an export, which nobody substitutes). */
export interface TranslateOptions {
  envFile?: ParsedEnvFile;
  literal?: boolean;
}

/**
 * The server sections at `roots` of a document as a server-layout model: chart names, every model
 * path located on the server key that set it. Shared with the security config export (export.ts).
 */
export function translateSections(
  filePath: string,
  source: SourceDocument,
  document: Plain,
  roots: readonly { serverPath: Path; modelPath: Path }[],
  options: TranslateOptions,
): AuthModel {
  const t: Translation = { config: {}, entries: new Map(), toModel: new Map(), problems: [], literal: options.literal === true };
  const envFile = options.envFile;
  for (const { serverPath, modelPath } of roots) {
    const value = translate(valueAtPath(document, serverPath), serverPath, modelPath, t, source, envFile);
    setValueAt(t.config, modelPath, value);
    t.entries.set(pathKey(modelPath), { locator: source, sourcePath: serverPath });
    t.toModel.set(pathKey(serverPath), modelPath);
  }
  const locator: Locator = new MappedLocator(t.entries, source);
  return {
    layout: 'server',
    form: 'server-config',
    filePath,
    document: t.config,
    chartPath: [],
    configPath: [],
    config: t.config,
    locator,
    duplicateKeys: translateDuplicates(source.duplicateKeys(), t.toModel),
    defaults: SERVER_DEFAULTS,
    envValueFacts: t.problems,
  };
}

function translate(value: Plain | undefined, serverPath: Path, modelPath: Path, t: Translation, source: SourceDocument, envFile?: ParsedEnvFile): Plain {
  if (value === undefined) return null;
  if (typeof value === 'string' && !t.literal && findSubstitutions(value).length > 0) {
    return substituted(value, serverPath, modelPath, t, source, envFile);
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => translate(item, [...serverPath, index], [...modelPath, index], t, source, envFile));
  }
  if (!isPlainMap(value)) return value;
  const out: PlainMap = {};
  const parent = modelPath.length > 0 ? String(modelPath.at(-1)) : undefined;
  for (const [key, child] of Object.entries(value)) {
    const name = chartName(parent, key);
    const childServer = [...serverPath, key];
    const childModel = [...modelPath, name];
    t.entries.set(pathKey(childModel), { locator: source, sourcePath: childServer });
    t.toModel.set(pathKey(childServer), childModel);
    out[name] = translate(child, childServer, childModel, t, source, envFile);
  }
  return out;
}

/** A scalar with `${VAR:-default}`: the value the server ends up with, located on the text that gave it. */
function substituted(text: string, serverPath: Path, modelPath: Path, t: Translation, source: SourceDocument, envFile?: ParsedEnvFile): Plain {
  const substitutions = findSubstitutions(text);
  const fromEnvFile = envFile ? substitutions.map((s) => envFile.byName.get(s.name)).filter((e) => e !== undefined) : [];
  const result = substitute(text, (name) => envFile?.byName.get(name)?.value);
  // Text substituted into a quoted scalar stays a string; into a plain scalar it is read as YAML.
  const { value, problem } = source.isPlainScalar(serverPath)
    ? readEnvValue(result, modelPath.at(-1) === 'customParams')
    : { value: result, problem: undefined };
  const single = substitutions.length === 1 && text.trim().startsWith('${') && text.trim().endsWith('}');
  const envEntry = single && fromEnvFile.length === 1 ? fromEnvFile[0] : undefined;
  t.entries.set(pathKey(modelPath), envEntry && envFile
    ? { locator: envFile.locator, sourcePath: ['line', envEntry.line], whole: true, origin: { filePath: envFile.filePath, env: { name: envEntry.name, source: 'env-file' } } }
    : {
      locator: source,
      sourcePath: serverPath,
      whole: true,
      origin: { filePath: source.filePath, ...(single ? { env: { name: substitutions[0].name, source: envFile?.byName.has(substitutions[0].name) ? 'env-file' : 'substitution-default' } } : {}) },
    });
  if (problem) t.problems.push({ at: modelPath, names: substitutions.map((s) => s.name), problem });
  return value;
}

function translateDuplicates(duplicates: DuplicateKey[], toModel: Map<string, Path>): DuplicateKey[] {
  return duplicates.flatMap((duplicate) => {
    const mapPath = toModel.get(pathKey(duplicate.mapPath)) ?? (duplicate.mapPath.length === 0 ? [] : undefined);
    if (!mapPath) return [];
    const key = chartName(mapPath.length > 0 ? String(mapPath.at(-1)) : undefined, duplicate.key);
    return [{ ...duplicate, mapPath, key }];
  });
}

function valueAtPath(document: Plain, path: Path): Plain | undefined {
  let current: Plain | undefined = document;
  for (const segment of path) current = isPlainMap(current) ? current[String(segment)] : undefined;
  return current;
}

