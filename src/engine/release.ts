/**
 * Helm releases that are more than one values file: a GitOps file's releases of OpenMetadata's chart
 * (src/layouts/gitops), and a values file with omlint's own `--set` arguments on top. Each is one
 * more way of producing the same thing as `-f` layering: layers of values, then `--set` arguments,
 * merged with provenance (src/layouts/index.ts releaseModels) and linted by every rule, each finding
 * in the file (or the argument) that set the value at fault.
 *
 * Here the plans of a GitOps file become layers: a map of the file is located in place, a YAML text
 * inside one of its strings is parsed and located back in the file, a values file it names is read
 * by the job's reader (the runner's) and goes through the same stages as any file (line length,
 * parsing, limits, syntax). What cannot be read is said in one info finding (unread-values) and never
 * guessed; an argument Helm refuses is a helm-set-syntax finding, and the release then has no model.
 */
import type { Location, Path, Plain, PlainMap, Range } from '../types';
import { isPlainMap, setValueAt, valueAt } from '../types';
import type { LintJob, SetArgument, SourceText } from './job';
import type { Funnel } from './funnel';
import type { DirectiveSource } from './directives';
import type { AuthModel } from '../layouts/model';
import type { SourceDocument } from '../source/parse';
import { parseSource } from '../source/parse';
import { ExpansionLimitError } from '../source/yaml';
import { EmbeddedLocator, FixedLocator, SubtreeLocator, duplicatesBelow, duplicatesMapped, embeddedText } from '../source/embedded';
import { commandLinePlace, COMMAND_LINE, type SetLayer, type SetLayerProblem } from '../source/set-layers';
import { documentLayer, releaseModels, type ReleaseLayer } from '../layouts';
import { pathText, type LayerPlan, type ReleasePlan, type SetPlan, type UnreadPlan, type UnreadReason } from '../layouts/gitops';
import { isUnreadValue, unreadValue } from '../layouts/unknown';
import { overLongLine } from './stages';

/** The models of one release of a GitOps file, the files read for it (whose directives apply), and the settings its rules run with. */
export interface ReleaseOutcome {
  models: AuthModel[];
  sources: DirectiveSource[];
  settings: LintJob['settings'];
}

/** Lints nothing itself: turns a release's plan into models, its unread sources and refused arguments into findings. */
export function gitopsReleaseModels(plan: ReleasePlan, job: LintJob, funnel: Funnel): ReleaseOutcome {
  const { document } = plan;
  const settings = releaseSettings(plan, job);
  const layers: ReleaseLayer[] = [];
  const sources: DirectiveSource[] = [];
  const unread: UnreadPlan[] = [...plan.unread];
  let stopped = false;
  for (const layer of plan.layers) {
    const resolved = resolveLayer(layer, plan, job, funnel, unread, sources);
    if (resolved === 'stop') {
      stopped = true;
      break;
    }
    if (resolved) layers.push(resolved);
  }
  for (const note of unread) {
    funnel.addSourceFinding('unread-values', document.filePath, locationOf(document, note.at),
      `${note.what}: ${reasonText(note.reason, plan)}; omlint lints ${plan.name} without it and guesses none of its values`);
  }
  for (const note of plan.ignored) {
    funnel.addSourceFinding('unread-values', document.filePath, locationOf(document, note.at), `${note.what} is ignored: ${note.reason}`);
  }
  if (stopped) return { models: [], sources, settings };
  if (layers.length === 0) layers.push(emptyLayer(document, plan.at));
  const sets = [plan.sets.map((set) => planSetLayer(set, document)), commandLineSets(job)];
  const { models, problem } = releaseModels(document.filePath, layers, sets, { chartVersion: settings.chartVersion });
  if (problem) {
    addSetProblem(problem, plan.name, funnel);
    return { models: [], sources, settings };
  }
  const templates = (models[0]?.unknown ?? []).filter((path) => !isUnreadValue(valueAt(models[0].document, path)));
  if (templates.length > 0 && plan.templating) {
    const shown = templates.slice(0, 3).map(pathText).join(', ') + (templates.length > 3 ? `, and ${templates.length - 3} more` : '');
    funnel.addSourceFinding('unread-values', document.filePath, models[0].locator.locateClosest(templates[0]),
      `${templates.length === 1 ? '1 value' : `${templates.length} values`} of ${plan.name} ${templates.length === 1 ? 'is a template expression' : 'are template expressions'} ` +
      `that ${plan.templating} renders before Helm reads ${templates.length === 1 ? 'it' : 'them'} (${shown}); omlint cannot evaluate ` +
      `${templates.length === 1 ? 'it' : 'them'} and judges nothing ${templates.length === 1 ? 'it renders' : 'they render'} to`);
  }
  return { models, sources, settings };
}

/**
 * A values file's document with omlint's `--set` arguments on top: one release, the file's own
 * values fixable in place. Undefined models: an argument Helm refuses given the file's values.
 */
export function valuesFileWithSets(document: SourceDocument, plain: Plain, job: LintJob, funnel: Funnel): AuthModel[] {
  const { models, problem } = releaseModels(document.filePath, [documentLayer(document, plain, true)], [commandLineSets(job)], job.settings);
  if (problem) addSetProblem(problem, document.filePath, funnel);
  return models;
}

/** omlint's own `--set` arguments as set layers, located on the command line. */
export function commandLineSets(job: LintJob): SetLayer[] {
  return (job.settings.sets ?? []).map((set: SetArgument) => ({
    flag: set.flag,
    argument: set.argument,
    filePath: COMMAND_LINE,
    place: commandLinePlace(set.column),
    ...(set.readFile ? { readFile: set.readFile } : {}),
  }));
}

/** An argument Helm refuses: a finding where it is written (never the argument's text: it may hold a secret). */
export function addSetProblem(problem: SetLayerProblem, release: string, funnel: Funnel): void {
  funnel.addSourceFinding('helm-set-syntax', problem.location.filePath, problem.location,
    `Helm refuses this ${problem.layer.flag} argument: ${problem.message}; nothing of ${release} is rendered`);
}

function resolveLayer(
  layer: LayerPlan,
  plan: ReleasePlan,
  job: LintJob,
  funnel: Funnel,
  unread: UnreadPlan[],
  sources: DirectiveSource[],
): ReleaseLayer | undefined | 'stop' {
  const { document } = plan;
  switch (layer.kind) {
    case 'inline': {
      const typed = layer.typing === 'helm' ? document.helmPlain() : document.plain();
      const value = valueAt(typed, layer.at);
      if (!isPlainMap(value)) return undefined;
      return {
        filePath: document.filePath,
        value,
        locator: new SubtreeLocator(document, layer.at),
        duplicates: duplicatesBelow(document.duplicateKeys(), layer.at),
        fix: (at) => ({ document: document.index, at: [...layer.at, ...at] }),
        mayHoldTemplates: document.mayHoldTemplates(),
      };
    }
    case 'text':
      return textLayer(layer, document, job, funnel);
    case 'file':
      return fileLayer(layer, plan, job, funnel, unread, sources);
    case 'unknown': {
      const value: PlainMap = {};
      setValueAt(value, layer.path, unreadValue(layer.what));
      return { filePath: document.filePath, value, locator: new FixedLocator(locationOf(document, layer.at)), duplicates: [], fix: () => undefined, mayHoldTemplates: true };
    }
  }
}

/** Argo CD's `helm.values: |`: a values file inside a string, located back in the file that holds it. */
function textLayer(layer: Extract<LayerPlan, { kind: 'text' }>, document: SourceDocument, job: LintJob, funnel: Funnel): ReleaseLayer | undefined | 'stop' {
  const value = valueAt(document.plain(), layer.at);
  const scalar = document.scalarSource(layer.at);
  if (typeof value !== 'string' || !scalar) return undefined;
  const embedded = embeddedText(scalar, value, locationOf(document, layer.at));
  const locate = (range: Range): Location => ({ filePath: document.filePath, ...embedded.toOuter(range) });
  const parsed = parseSource(embedded.text, document.filePath, { limits: job.settings.limits, parser: job.settings.parser });
  for (const problem of parsed.syntaxErrors) funnel.addSourceFinding('yaml-syntax', document.filePath, locate(problem.range), problem.message);
  for (const problem of parsed.limitProblems) funnel.addSourceFinding('input-limit', document.filePath, locate(problem.range), problem.message);
  if (parsed.syntaxErrors.length > 0 || parsed.limitProblems.length > 0) return 'stop';
  // Helm reads the first document of a values file.
  const inner = parsed.documents[0];
  if (!inner) return undefined;
  const plain = helmPlainOf(inner, funnel, locate);
  if (plain === undefined) return 'stop';
  funnel.addSecretsOf([() => inner.plain()]);
  return {
    filePath: document.filePath,
    value: plain,
    locator: new EmbeddedLocator(inner, embedded, document.filePath),
    duplicates: duplicatesMapped(inner.duplicateKeys(), embedded),
    // A literal block holds the text as written: --fix edits it there, re-indented (src/engine/fix.ts).
    fix: (at) => (embedded.exact
      ? { document: document.index, at, embedded: layer.at }
      : { blocked: `it is written in ${layer.what}, a YAML text inside a string that is no literal block (|), which --fix does not edit` }),
    mayHoldTemplates: embedded.text.includes('{{'),
  };
}

/** A values file the release names, read by the job's reader and read like any values file. */
function fileLayer(
  layer: Extract<LayerPlan, { kind: 'file' }>,
  plan: ReleasePlan,
  job: LintJob,
  funnel: Funnel,
  unread: UnreadPlan[],
  sources: DirectiveSource[],
): ReleaseLayer | undefined | 'stop' {
  const read = job.settings.readRelated?.(plan.document.filePath, layer.request) ?? { unreadable: 'no file reader' };
  if ('missing' in read) {
    unread.push({ at: layer.at, what: layer.what, reason: { kind: 'missing', path: read.missing } });
    return undefined;
  }
  if ('unreadable' in read) {
    unread.push({ at: layer.at, what: layer.what, reason: { kind: 'unreadable', why: read.unreadable } });
    return undefined;
  }
  const source: SourceText = read.source;
  if (overLongLine(source, job, funnel)) return 'stop';
  const parsed = parseSource(source.text, source.filePath, { limits: job.settings.limits, parser: job.settings.parser });
  if (layer.template && (parsed.syntaxErrors.length > 0 || parsed.limitProblems.length > 0)) {
    unread.push({ at: layer.at, what: layer.what, reason: { kind: 'template' } });
    return undefined;
  }
  for (const problem of parsed.syntaxErrors) funnel.addSourceFinding('yaml-syntax', source.filePath, problem.range, problem.message);
  for (const problem of parsed.limitProblems) funnel.addSourceFinding('input-limit', source.filePath, problem.range, problem.message);
  sources.push({ filePath: source.filePath, text: source.text, syntax: 'yaml' });
  if (parsed.syntaxErrors.length > 0 || parsed.limitProblems.length > 0) return 'stop';
  const inner = parsed.documents[0];
  if (!inner) return undefined;
  const plain = helmPlainOf(inner, funnel, (range) => ({ filePath: source.filePath, ...range }));
  if (plain === undefined) return 'stop';
  funnel.addSecretsOf([() => inner.plain()]);
  return {
    ...documentLayer(inner, plain, false),
    fix: () => ({ blocked: `it is written in ${source.filePath}, which ${plan.name} names: run --fix on that file` }),
  };
}

/** A document as Helm reads it, or undefined (and an input-limit finding) when it expands beyond the limits. */
function helmPlainOf(document: SourceDocument, funnel: Funnel, locate: (range: Range) => Location): Plain | undefined {
  try {
    return document.helmPlain();
  } catch (error) {
    if (!(error instanceof ExpansionLimitError)) throw error;
    const at = locate(document.locateClosest([]));
    funnel.addSourceFinding('input-limit', at.filePath, at, `${error.message}; omlint does not lint this document`);
    return undefined;
  }
}

/** A release that names no values at all: the chart's defaults, located on the release. */
function emptyLayer(document: SourceDocument, at: Path): ReleaseLayer {
  return { filePath: document.filePath, value: {}, locator: new FixedLocator(locationOf(document, at)), duplicates: [], fix: () => undefined, mayHoldTemplates: false };
}

/** A tool's `--set` argument, its name and value located where the GitOps file writes them. */
function planSetLayer(set: SetPlan, document: SourceDocument): SetLayer {
  return {
    flag: set.flag,
    argument: set.argument,
    filePath: document.filePath,
    place: (start) => {
      const item = set.items?.find((candidate) => start >= candidate.start && start <= candidate.end);
      const path = item ? item.path : start < set.nameEnd ? set.namePath : set.valuePath;
      return document.locate(path, 'value') ?? locationOf(document, set.at);
    },
  };
}

function locationOf(document: SourceDocument, at: Path): Location {
  return document.locate(at, 'key') ?? document.locateClosest(at, 'key');
}

function reasonText(reason: UnreadReason, plan: ReleasePlan): string {
  switch (reason.kind) {
    case 'cluster':
      return `values from the cluster (${reason.object}${reason.key ? `, key ${reason.key}` : ''}), which omlint cannot read`;
    case 'other-repository':
      return `a file of another repository (${reason.repoURL}), which omlint does not have`;
    case 'no-ref':
      return `no source of the Application has ref: ${reason.ref}`;
    case 'chart-package':
      return 'a file of the chart itself (its package or the repository it comes from), which omlint does not have';
    case 'remote':
      return 'a file at a URL, which omlint does not fetch';
    case 'template':
      return `a template that ${plan.templating ?? 'the tool'} renders first, which omlint cannot evaluate`;
    case 'encrypted':
      return 'an encrypted helm-secrets file';
    case 'set-file':
      return 'a file whose text becomes a value (--set-file), which omlint does not read here';
    case 'build-variable':
      return "a path with Argo CD's build environment variables, which omlint cannot evaluate";
    case 'missing':
      return `not found (${reason.path})`;
    case 'unreadable':
      return `cannot be read (${reason.why})`;
  }
}

/** The job's settings for a release: the chart version the GitOps file pins, unless `--chart-version` (or a config file) says one. */
function releaseSettings(plan: ReleasePlan, job: LintJob): LintJob['settings'] {
  return plan.chartVersion && !job.settings.chartVersion ? { ...job.settings, chartVersion: plan.chartVersion } : job.settings;
}
