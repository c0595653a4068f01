/**
 * The security config export of OpenMetadata 1.12+ (`openmetadata-ops.sh get-security-config -o FILE`)
 * and files meant for `update-security-config -f FILE`: one YAML document whose top-level keys are
 * `authenticationConfiguration` and `authorizerConfiguration` and nothing else
 * (`securityConfiguration.json`: both required, `additionalProperties: false`). Jackson's YAML writer
 * starts it with `---`, quotes strings, leaves null fields out, and writes `customParams` as a map and
 * `tokenValidity` as an integer (src/knowledge/security-config.ts).
 *
 * It is read as the server layout (server key names translated to the chart's, every finding on the
 * server key), with three differences: its values are taken literally (the server never substitutes
 * `${VAR}` in a stored copy), a key it leaves out takes the schema default `update-security-config`
 * fills in, and its warnings are errors, since nothing validates an import and one wrong key locks
 * everyone out.
 *
 * A file with exactly the two parts, no `${VAR}` and Jackson's signature (isSecurityExport), not
 * named as the server's configuration (`openmetadata*.yaml`), is read as an export; `--layout export` reads any
 * YAML file as one (a file meant for import that lacks a part or has a stray key), `--layout server`
 * reads such a file as an openmetadata.yaml fragment.
 */
import type { Path, Plain } from '../types';
import type { SourceDocument } from '../source/parse';
import type { AuthModel } from './model';
import { SECURITY_CONFIG_PARTS, EXPORT_DEFAULTS } from '../knowledge/security-config';
import { SERVER_SECTIONS } from '../knowledge/names';
import { findSubstitutions } from './env-value';
import { isOpenMetadataFileName } from '../knowledge/markers';
import { translateSections } from './server-config';
import { isPlainMap } from '../types';

const PARTS: readonly string[] = SECURITY_CONFIG_PARTS;

/**
 * Whether a document has the shape of a security config export (auto-detection): the two parts and
 * nothing else, no `${VAR}`, and what Jackson's YAML writer gives a file: a `---` marker first, or
 * (the marker removed) `authenticationConfiguration` first and no comment. The docs' bare-metal
 * snippets of the same two sections (authorizer first, commented) and a file named as the server's
 * configuration (`openmetadata*.yaml`) are openmetadata.yaml fragments.
 */
export function isSecurityExport(document: Plain, filePath: string, text: string): boolean {
  if (!isPlainMap(document) || isOpenMetadataFileName(filePath)) return false;
  const keys = Object.keys(document);
  return keys.length === PARTS.length && PARTS.every((part) => isPlainMap(document[part])) && !hasSubstitution(document, 0) && writtenByJackson(text);
}

function writtenByJackson(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((line) => !/^\s*(#.*)?$/.test(line));
  if (first < 0) return false;
  if (/^---(\s|$)/.test(lines[first])) return true;
  return /^authenticationConfiguration:\s*$/.test(lines[first]) && !lines.slice(first).some((line) => line.includes('#'));
}

/** A `${VAR}` anywhere: openmetadata.yaml's syntax, which Jackson never writes. */
function hasSubstitution(value: Plain, depth: number): boolean {
  if (depth > 32) return false;
  if (typeof value === 'string') return value.includes('${') && findSubstitutions(value).length > 0;
  if (Array.isArray(value)) return value.some((item) => hasSubstitution(item, depth + 1));
  return isPlainMap(value) && Object.values(value).some((child) => hasSubstitution(child, depth + 1));
}

/**
 * The export model of a document read as an export (detected, or `forced` by `--layout export`).
 * Undefined for a document that is not a map: nothing can be said about it as an export.
 */
export function buildExportModel(filePath: string, source: SourceDocument, document: Plain, forced: boolean): AuthModel | undefined {
  if (!isPlainMap(document)) return undefined;
  const keys = Object.keys(document);
  const parts = PARTS.filter((part) => keys.includes(part));
  const roots: { serverPath: Path; modelPath: Path }[] = parts.map((part) => ({ serverPath: [part], modelPath: [SERVER_SECTIONS[part]] }));
  const model = translateSections(filePath, source, document, roots, { literal: true });
  return {
    ...model,
    defaults: EXPORT_DEFAULTS,
    escalate: { warn: 'error' },
    securityExport: {
      forced,
      parts,
      missing: PARTS.filter((part) => !keys.includes(part)),
      unknownKeys: keys.filter((key) => !PARTS.includes(key)),
    },
  };
}
