/**
 * helmfile (helmfile/helmfile pkg/state/state.go, https://helmfile.readthedocs.io/): each
 * `releases[]` entry of the openmetadata chart. helmfile passes a release's `values` to Helm in list
 * order as `--values` files: a path is a values file beside the helmfile (rendered first when it ends
 * in `.gotmpl`), a map is written to a temporary file (gopkg.in/yaml.v3, pkg/yaml: decoded and encoded
 * in YAML 1.2, so `off` stays a string); then its `secrets` (helm-secrets files, encrypted); then
 * `set` entries as `--set name=value` (name and value escaped: `,`, `{` and `}`; `values:` as a
 * `{a,b}` list; `file:` as `--set-file`) and `setString` entries as `--set-string`. Environment
 * templating (`{{ .Values… }}`, `{{ requiredEnv … }}`) is rendered by helmfile and cannot be evaluated
 * here: a value that holds one is unknown.
 */
import type { Path, Plain, PlainMap } from '../../types';
import { isPlainMap } from '../../types';
import type { SourceDocument } from '../../source/parse';
import { isOpenMetadataChart } from '../../knowledge/gitops';
import { pinnedVersion, pathText, type LayerPlan, type ReleasePlan, type SetPlan, type UnreadPlan } from './plan';
import type { SetFlag } from '../../source/helm-set';

export function isHelmfileState(plain: Plain): plain is PlainMap & { releases: Plain[] } {
  return isPlainMap(plain) && Array.isArray(plain.releases);
}

export function helmfileReleases(document: SourceDocument, plain: PlainMap & { releases: Plain[] }): ReleasePlan[] {
  return plain.releases.flatMap((release, i): ReleasePlan[] => {
    if (!isPlainMap(release) || typeof release.chart !== 'string' || !isOpenMetadataChart(release.chart)) return [];
    const at: Path = ['releases', i];
    const layers: LayerPlan[] = [];
    const unread: UnreadPlan[] = [];
    const sets: SetPlan[] = [];
    if (Array.isArray(release.values)) {
      release.values.forEach((entry, j) => {
        const entryAt = [...at, 'values', j];
        if (isPlainMap(entry)) layers.push({ kind: 'inline', at: entryAt, typing: 'yaml', what: pathText(entryAt) });
        else if (typeof entry === 'string') {
          const layer = fileLayer(entryAt, entry, unread);
          if (layer) layers.push(layer);
        }
      });
    }
    if (Array.isArray(release.secrets)) {
      release.secrets.forEach((_entry, j) => {
        const entryAt = [...at, 'secrets', j];
        // Not named by its path: a helm-secrets file's name sits where secrets do, and would be redacted.
        unread.push({ at: entryAt, what: pathText(entryAt), reason: { kind: 'encrypted' } });
      });
    }
    if (release.valuesTemplate !== undefined) unread.push({ at: [...at, 'valuesTemplate'], what: pathText([...at, 'valuesTemplate']), reason: { kind: 'template' } });
    addSets(sets, unread, release.set, [...at, 'set'], '--set');
    addSets(sets, unread, release.setString, [...at, 'setString'], '--set-string');
    const name = typeof release.name === 'string' ? release.name : String(i);
    return [{
      tool: 'helmfile',
      name: `helmfile release ${name}`,
      document,
      at,
      ...pinnedVersion(release.version),
      templating: 'helmfile',
      layers,
      sets,
      unread,
      ignored: [],
    }];
  });
}

function fileLayer(at: Path, file: string, unread: UnreadPlan[]): LayerPlan | undefined {
  const what = `${pathText(at)} ${file}`;
  if (file.includes('{{')) {
    unread.push({ at, what, reason: { kind: 'template' } });
    return undefined;
  }
  return { kind: 'file', at, what, request: { path: file, base: 'file' }, ...(/\.gotmpl$/i.test(file) ? { template: true } : {}) };
}

function addSets(sets: SetPlan[], unread: UnreadPlan[], entries: Plain | undefined, at: Path, flag: SetFlag): void {
  if (!Array.isArray(entries)) return;
  entries.forEach((entry, i) => {
    if (!isPlainMap(entry) || typeof entry.name !== 'string') return;
    const entryAt = [...at, i];
    const name = escape(entry.name);
    if (entry.value !== undefined && entry.value !== null && entry.value !== '') {
      sets.push({ flag, argument: `${name}=${escape(String(entry.value))}`, at: entryAt, nameEnd: name.length, namePath: [...entryAt, 'name'], valuePath: [...entryAt, 'value'] });
    } else if (typeof entry.file === 'string') {
      unread.push({ at: entryAt, what: `${pathText(entryAt)} ${entry.name}`, reason: { kind: 'set-file' } });
    } else if (Array.isArray(entry.values) && entry.values.length > 0) {
      let argument = `${name}={`;
      const items: NonNullable<SetPlan['items']> = [];
      entry.values.forEach((item, k) => {
        if (k > 0) argument += ',';
        const text = escape(String(item));
        items.push({ start: argument.length, end: argument.length + text.length, path: [...entryAt, 'values', k] });
        argument += text;
      });
      sets.push({ flag, argument: `${argument}}`, at: entryAt, nameEnd: name.length, namePath: [...entryAt, 'name'], valuePath: [...entryAt, 'values'], items });
    }
  });
}

/** helmfile's escape(): `{`, `}` and `,` with a backslash, so Helm reads a name or value as written. */
function escape(text: string): string {
  return text.replace(/[{},]/g, (char) => `\\${char}`);
}
