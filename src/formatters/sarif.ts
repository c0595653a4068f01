/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and other security dashboards import.
 * The driver lists every rule (id, short description, help URI, default level), so a viewer can
 * explain a result without omlint; file URIs are relative to `%SRCROOT%` (the directory omlint ran
 * in), which code scanning maps to the repository root. A clean run still has `results: []`.
 * Info findings (advice) are results of level `note` only with `showInfo`: code scanning turns every
 * result into an alert, and advice should not open alerts by default. A rule whose default is info
 * is still described, with `defaultConfiguration.level: note`.
 */
import { pathToFileURL } from 'url';
import type { Finding, Severity } from '../types';
import type { RuleMeta } from '../rules/support/rule';
import { REPOSITORY_URL } from '../rules/support/rule';
import { DIRECTIVE_META, helpUri } from '../rules/support/meta';
import { isInside, isPseudoFile, isShown, jsonArrayWriter, relativePath, streamed } from './common';
import { resultFingerprints } from './fingerprint';

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';

function descriptor(rule: RuleMeta): object {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: helpUri(rule.id),
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
  };
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, `:`, `#`, `%`…). */
function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

function artifactLocation(cwd: string, file: string): object {
  const relative = relativePath(cwd, file);
  if (isInside(relative)) return { uri: relativeUri(relative), uriBaseId: SRCROOT };
  // Standard input, and the command line of a --set argument: no file, a URI of their own.
  if (isPseudoFile(relative)) return { uri: relative.slice(1, -1).replace(/ /g, '-') };
  return { uri: pathToFileURL(file).href };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Written result by result. The driver lists every registered rule, not only those that spoke, so
 * all but the results array is known at the start: the log is printed once with `results: []` and
 * cut there, and the results go between the two halves. Nothing is kept between results.
 */
const sarif = streamed((context) => {
  const rules = [...context.rules, DIRECTIVE_META];
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const version = String(require('../../package.json').version);
  const toResult = (m: Finding, fingerprint: string): object => ({
    ruleId: m.ruleId,
    ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
    level: SARIF_LEVEL[m.severity],
    message: { text: m.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(context.cwd, m.filePath),
        region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
      },
    }],
    partialFingerprints: { 'omlintFinding/v1': fingerprint },
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'omlint',
          version,
          semanticVersion: version,
          informationUri: REPOSITORY_URL,
          rules: rules.map(descriptor),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
      // Columns count UTF-16 code units, as JavaScript strings (and the yaml package) do.
      columnKind: 'utf16CodeUnits',
      // Last in the log, only closing brackets after it: the results are written in its place.
      results: [],
    }],
  };
  const whole = JSON.stringify(log, null, 2);
  const cut = whole.lastIndexOf(NO_RESULTS);
  const indent = whole.slice(whole.lastIndexOf('\n', cut) + 1, cut);
  const results = jsonArrayWriter(`${whole.slice(0, cut)}"results": `, indent, whole.slice(cut + NO_RESULTS.length));
  return {
    write(result) {
      // Fingerprints of all findings, so a finding's does not depend on whether infos are shown.
      const prints = resultFingerprints(result, context.cwd);
      return result.messages.map((m, i) => (isShown(m, context) ? results.item(toResult(m, prints[i])) : '')).join('');
    },
    end: () => results.end(),
  };
});

/** The results array in the log printed with none (a quote inside a JSON string is escaped: this is the key). */
const NO_RESULTS = '"results": []';

export default sarif;
