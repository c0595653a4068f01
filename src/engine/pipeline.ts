/**
 * The one pipeline every lint job goes through, whatever its input:
 *
 *   screen (words, line length) → parse (YAML reader or env reader) → layout (models)
 *     → rules → funnel (placement, severity, directives, redaction, de-duplication) → result
 *
 * A job holds one source, or the `-f` values files of one release. A source that cannot be parsed,
 * or is over an input limit, gets its findings and no model; what a layout cannot read is a finding
 * too, never an exception.
 */
import type { LintResult, Plain } from '../types';
import type { LintJob, SourceText } from './job';
import { parseSource, SourceDocument } from '../source/parse';
import { ExpansionLimitError } from '../source/yaml';
import { isEnvFileName, looksLikeEnvFile, mentionsAuthEnv } from '../layouts/env-file';
import { OPENMETADATA_TEXT_MARKER } from '../knowledge/markers';
import { isHelmfileName, mayDeployChart } from '../knowledge/gitops';
import { hasHelmPlacements, helmModels, layeredHelmModels, serverModel, envFileModel } from '../layouts';
import { gitopsReleases } from '../layouts/gitops';
import type { AuthModel } from '../layouts/model';
import { Funnel } from './funnel';
import type { DirectiveSource } from './directives';
import { runRules } from './run-rules';
import type { RuleCrashError } from './crash';
import type { EngineCaches } from './caches';
import { overLongLine, parse, plainOf, type ParsedInput } from './stages';
import { findLongLine } from '../source/limits';
import { addSetProblem, commandLineSets, gitopsReleaseModels, valuesFileWithSets } from './release';

/**
 * Words without which a text cannot hold OpenMetadata auth settings. Checked before parsing, so
 * the YAML files a pre-commit hook hands over that are not ours cost almost nothing. `idp:`, `sp:`
 * and `security:` alone are SAML settings too: a bare fragment of the SAML docs page
 * (server-config.ts), or the same keys misplaced under openmetadata.config (helm-values.ts).
 */
const AUTH_WORDS = /authentication|authorizer|jwtTokenConfiguration|fernetkey|fernetConfiguration|samlConfiguration|SAML_|\b(?:idp|sp|security)\s*:/;

/**
 * Keys one of which every layout needs to find auth sections: `openmetadata`, `global` and `config`
 * (helm-values.ts), the server's `…Configuration` sections and the bare SAML fragment's `idp`, `sp`,
 * `security`, `debugMode` (server-config.ts). Other charts' values often say "authentication"; without
 * one of these keys they are skipped before parsing. A backslash escape in a quoted key can spell
 * any key, so a text with a backslash is always parsed.
 */
const LAYOUT_WORDS = /openmetadata|global|config|Configuration|idp|\bsp\b|security|debugMode|\\/;

/**
 * A file in a chart's templates/ folder that holds `{{`: a Helm template, which is YAML only once
 * rendered. The pre-commit hook hands over every YAML file, and a wrapper chart's templates often
 * name .Values.openmetadata.config.authentication; they are not values files. Helm renders nothing
 * else, so `{{ … }}` elsewhere is a values mistake.
 */
const CHART_TEMPLATE_FOLDER = /(?:^|[\\/])templates[\\/]/;

/**
 * Templates of other tools, which Helm never reads as values: Terraform's `templatefile()` inputs
 * (`*.tftpl`: `${…}` and `%{ if }`, as open-metadata/terraform-aws-openmetadata renders its Helm
 * values), Go and Helm templates (`*.tpl`, `*.gotmpl`, helmfile's values templates) and Jinja
 * (`*.j2`). Only their rendered text is a values file.
 */
const TEMPLATE_FILE = /\.(?:tftpl|tpl|gotmpl|j2)$/i;

/** Lints one job. Undefined: the job holds no OpenMetadata auth settings (skipped silently). */
export function lintJob(job: LintJob, caches: EngineCaches): LintResult | undefined {
  if (!job.layered && job.sources.length === 1) {
    const gitops = lintGitopsFile(job.sources[0], job, caches);
    if (gitops) return gitops.result;
  }
  const funnel = new Funnel(job, caches);
  const inputs: ParsedInput[] = [];
  for (const source of job.sources) {
    // `-f` names values files: they are read as YAML whatever they look like.
    const syntax = job.layered ? 'yaml' : syntaxOf(source);
    if (syntax === undefined) return undefined;
    if (!job.layered && !mayHoldAuthSettings(source, syntax)) return undefined;
    if (overLongLine(source, job, funnel)) continue;
    if (!job.layered && syntax === 'yaml' && !mayBeLaidOut(source)) return undefined;
    inputs.push(parse(source, syntax, job));
  }
  // A text that is not YAML at all (an env sample, another tool's file that mentions "authentication")
  // is someone else's: its syntax errors are worth a finding only where it shows OpenMetadata's settings.
  if (!job.layered && inputs.some((input) => input.kind === 'yaml' && input.parsed.syntaxErrors.length > 0 && !OPENMETADATA_TEXT_MARKER.test(input.source.text))) {
    return undefined;
  }
  const models = modelsOf(inputs, job, funnel);
  if (models === undefined) return funnel.finish(inputs.map(commentsOf));
  const crashes = models.flatMap((model) => runRules(model, job.settings, funnel, caches));
  // A part refused by a limit may have held auth settings: the file counts as ours (its finding may be off).
  const refused = inputs.some((input) => input.kind === 'yaml' && input.parsed.limitProblems.length > 0);
  if (models.length === 0 && !refused && !funnel.hasFindings()) return undefined;
  const result = funnel.finish(inputs.map(commentsOf));
  if (crashes.length > 0) throw crashWithResult(crashes, result);
  return result;
}

/**
 * A rule that crashed is still an internal error (one line on stderr, exit code 2), thrown with the
 * file's other findings attached, which the caller reports as well.
 */
function crashWithResult(crashes: readonly RuleCrashError[], result: LintResult): RuleCrashError {
  const [first] = crashes;
  if (crashes.length > 1) {
    const message = `${first.message} (and ${crashes.length - 1} more rule${crashes.length > 2 ? 's' : ''})`;
    first.stack = first.stack?.replace(first.message, () => message);
    first.message = message;
  }
  first.result = result;
  return first;
}

/**
 * A GitOps file (src/layouts/gitops): each release of OpenMetadata's chart it declares, linted as
 * one layered job of its values and `--set` arguments. Undefined: not a GitOps file, read as any
 * other file. A text that names no `openmetadata` chart, or names it in no GitOps shape, costs one
 * substring search (mayDeployChart); one that does not parse is left to the ordinary reading, which
 * reports syntax errors only where it shows OpenMetadata's settings.
 */
function lintGitopsFile(source: SourceText, job: LintJob, caches: EngineCaches): { result: LintResult | undefined } | undefined {
  if (!mayDeployChart(source.text) || isEnvFileName(source.filePath)) return undefined;
  const helmfile = isHelmfileName(source.filePath);
  // helmfile.yaml.gotmpl is helmfile's own; other templates are never read.
  if (TEMPLATE_FILE.test(source.filePath) && !helmfile) return undefined;
  if (CHART_TEMPLATE_FOLDER.test(source.filePath) && source.text.includes('{{')) return undefined;
  // A line over the limit: the ordinary reading reports it, and reads nothing else of the file.
  if (findLongLine(source.text, job.settings.limits.maxLineLength)) return undefined;
  const parsed = parseSource(source.text, source.filePath, { limits: job.settings.limits, parser: job.settings.parser });
  if (parsed.syntaxErrors.length > 0 || parsed.limitProblems.length > 0) {
    // A helmfile is a template helmfile renders: one that is YAML only once rendered is not omlint's to read.
    return helmfile && source.text.includes('{{') ? { result: undefined } : undefined;
  }
  let documents: { document: SourceDocument; plain: Plain }[];
  try {
    documents = parsed.documents.map((document) => ({ document, plain: document.plain() }));
  } catch (error) {
    if (error instanceof ExpansionLimitError) return undefined;
    throw error;
  }
  const plans = gitopsReleases(source.filePath, documents);
  if (plans === undefined) return undefined;
  if (plans.length === 0) return { result: undefined };
  const funnel = new Funnel(job, caches);
  funnel.addSecretsOf(documents.map(({ plain }) => () => plain));
  const sources: DirectiveSource[] = [{ filePath: source.filePath, text: source.text, syntax: 'yaml' }];
  const crashes: RuleCrashError[] = [];
  let modelCount = 0;
  for (const plan of plans) {
    const outcome = gitopsReleaseModels(plan, job, funnel);
    for (const read of outcome.sources) if (!sources.some((known) => known.filePath === read.filePath)) sources.push(read);
    modelCount += outcome.models.length;
    for (const model of outcome.models) crashes.push(...runRules(model, outcome.settings, funnel, caches));
  }
  if (modelCount === 0 && !funnel.hasFindings()) return { result: undefined };
  const result = funnel.finish(sources);
  if (crashes.length > 0) throw crashWithResult(crashes, result);
  return { result };
}

/**
 * How a text is read: an env file by its name (`.env`, `.env.*`, `*.env`) or, whatever its name, by
 * its syntax when it sets auth variables (`env-mysql`, `.env-keycloak`, an env sample saved as
 * `*.yaml`); else YAML. Undefined: another tool's template, never linted.
 */
function syntaxOf(source: SourceText): 'yaml' | 'env' | undefined {
  if (isEnvFileName(source.filePath)) return 'env';
  if (TEMPLATE_FILE.test(source.filePath)) return undefined;
  // No `=` at all: no env line (the common YAML file costs one character search).
  return source.text.includes('=') && mentionsAuthEnv(source.text) && looksLikeEnvFile(source.text) ? 'env' : 'yaml';
}

/** The cheap word test before anything else: most files a hook hands over are not ours. */
function mayHoldAuthSettings(source: SourceText, syntax: 'yaml' | 'env'): boolean {
  return syntax === 'yaml' ? AUTH_WORDS.test(source.text) : mentionsAuthEnv(source.text);
}

function mayBeLaidOut(source: SourceText): boolean {
  if (!LAYOUT_WORDS.test(source.text)) return false;
  return !(CHART_TEMPLATE_FOLDER.test(source.filePath) && source.text.includes('{{'));
}

/**
 * The models of the job's sources, after their syntax and limit problems went to the funnel.
 * Undefined: a source could not be read, so no model is built (any other finding would be a guess).
 */
function modelsOf(inputs: readonly ParsedInput[], job: LintJob, funnel: Funnel): AuthModel[] | undefined {
  let syntaxErrors = false;
  for (const input of inputs) {
    if (input.kind !== 'yaml') continue;
    funnel.addSecretsOf(input.parsed.documents.map((document) => () => document.plain()));
    for (const problem of input.parsed.syntaxErrors) funnel.addSourceFinding('yaml-syntax', input.source.filePath, problem.range, problem.message);
    for (const problem of input.parsed.limitProblems) funnel.addSourceFinding('input-limit', input.source.filePath, problem.range, problem.message);
    syntaxErrors ||= input.parsed.syntaxErrors.length > 0;
  }
  // Layers are merged into one release: any part of it left unread would make the rest a guess.
  if (job.layered ? funnel.hasFindings() : syntaxErrors || inputs.length === 0) return undefined;
  return job.layered ? layeredModels(inputs, job, funnel) : singleSourceModels(inputs, job, funnel);
}

function layeredModels(inputs: readonly ParsedInput[], job: LintJob, funnel: Funnel): AuthModel[] | undefined {
  const layers = inputs.flatMap((input) => {
    if (input.kind !== 'yaml') return [];
    // Helm reads the first document of a values file.
    const document = input.parsed.documents[0];
    const plain = document && plainOf(document, funnel);
    return plain === undefined ? [] : [{ document, plain: document.helmPlain() }];
  });
  if (funnel.hasFindings()) return undefined;
  if (layers.length === 0) return [];
  const { models, problem } = layeredHelmModels(job.label, layers, commandLineSets(job), job.settings);
  if (problem) addSetProblem(problem, `the release of ${job.label}`, funnel);
  return models;
}

function singleSourceModels(inputs: readonly ParsedInput[], job: LintJob, funnel: Funnel): AuthModel[] {
  const models: AuthModel[] = [];
  for (const input of inputs) {
    if (input.kind === 'env') {
      const model = envFileModel(input.env);
      if (model) {
        funnel.addSecretsOf([() => model.document]);
        models.push(model);
      }
      continue;
    }
    for (const document of input.parsed.documents) {
      const plain = plainOf(document, funnel);
      if (plain === undefined) continue;
      // With omlint's --set arguments, a values file that shows OpenMetadata's settings is one release with them on top.
      if (job.settings.sets && job.settings.sets.length > 0 && job.settings.layout !== 'export' && hasHelmPlacements(plain)) {
        models.push(...valuesFileWithSets(document, document.helmPlain(), job, funnel));
      } else {
        models.push(...helmModels(input.source.filePath, document, plain, job.settings));
      }
      const server = serverModel(input.source.filePath, document, plain, job.settings, input.source.text);
      if (server) {
        // Its values with the --env-file variables substituted: those are the env file's secrets.
        if (job.settings.envFile) funnel.addSecretsOf([() => server.document]);
        models.push(server);
      }
    }
  }
  return models;
}

/** The comments directives are read from: YAML comments, or an env file's `#` lines. */
function commentsOf(input: ParsedInput): DirectiveSource {
  return { filePath: input.source.filePath, text: input.source.text, syntax: input.kind === 'env' ? 'env' : 'yaml' };
}
