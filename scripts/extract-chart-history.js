#!/usr/bin/env node
// Writes src/knowledge/chart-history.ts: the auth keys, defaults and layout of every release of the
// OpenMetadata Helm chart, read from a local clone of open-metadata/openmetadata-helm-charts.
//
//   node scripts/extract-chart-history.js <path to the clone's git directory>
//
// For every tag openmetadata-X.Y.Z (the openmetadata chart; openmetadata-dependencies-* is the other
// chart of the repository) it reads, at that tag, charts/openmetadata/Chart.yaml (version,
// appVersion), values.yaml and values.schema.json, and keeps what sits under the auth sections
// (authentication, authorizer, jwtTokenConfiguration, fernetkey) of `openmetadata.config` or, in
// older charts, of `global`. Nothing of the chart itself is copied: only key paths, default values,
// which maps the schema closes (additionalProperties: false) and the version numbers.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const YAML = require('yaml');

const SECTIONS = ['authentication', 'authorizer', 'jwtTokenConfiguration', 'fernetkey'];
const REPOSITORY = 'open-metadata/openmetadata-helm-charts';
const CHART_DIR = 'charts/openmetadata';

/**
 * Keys the chart replaced by another of the same meaning, checked against the data below (the
 * extraction fails if a release no longer shows the swap). Evidence: the template line that read the
 * old key reads the new one in the same release.
 */
const RENAMES = [
  // c2b1d12 "multiple changes; version bumps": templates/deployment.yaml lines 72-87 read
  // global.authentication.publicKey, global.authorizer.initialAdmin and .botPrincipal in 0.0.15,
  // and .publicKeys, .initialAdmins, .botPrincipals (lists, `| toStrings`) in 0.0.16.
  { from: 'authentication.publicKey', to: 'authentication.publicKeys', in: '0.0.16', commit: 'c2b1d12' },
  { from: 'authorizer.initialAdmin', to: 'authorizer.initialAdmins', in: '0.0.16', commit: 'c2b1d12' },
  { from: 'authorizer.botPrincipal', to: 'authorizer.botPrincipals', in: '0.0.16', commit: 'c2b1d12' },
];

function main() {
  const gitDir = process.argv[2];
  if (!gitDir) throw new Error('usage: node scripts/extract-chart-history.js <git directory of openmetadata-helm-charts>');
  const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
  const show = (tag, file) => {
    try {
      return git('show', `${tag}:${CHART_DIR}/${file}`);
    } catch {
      return undefined;
    }
  };
  const head = git('rev-parse', 'HEAD').trim();
  const tags = git('tag').split('\n').filter((tag) => /^openmetadata-\d+\.\d+\.\d+$/.test(tag))
    .sort((a, b) => compareVersions(a.slice('openmetadata-'.length), b.slice('openmetadata-'.length)));

  const releases = tags.map((tag) => {
    const chart = YAML.parse(show(tag, 'Chart.yaml'));
    const version = String(chart.version);
    if (`openmetadata-${version}` !== tag) throw new Error(`${tag}: Chart.yaml says version ${version}`);
    const values = YAML.parse(show(tag, 'values.yaml')) ?? {};
    const schemaText = show(tag, 'values.schema.json');
    const schema = schemaText === undefined ? undefined : JSON.parse(schemaText);
    const layout = layoutOf(values);
    const config = layout === 'openmetadata.config' ? values.openmetadata.config : layout === 'global' ? values.global : {};
    const keys = new Set();
    const defaults = new Map();
    for (const section of SECTIONS) if (section in config) walkValues(config[section], [section], keys, defaults);
    const closed = new Set();
    if (schema) {
      const root = layout === 'global' ? schema.properties?.global : schema.properties?.openmetadata?.properties?.config;
      if (root?.additionalProperties === false) closed.add('');
      for (const section of SECTIONS) {
        if (root?.properties?.[section]) walkSchema(root.properties[section], [section], keys, closed);
      }
    }
    return {
      version,
      appVersion: String(chart.appVersion),
      commit: git('rev-list', '-n', '1', tag).trim(),
      date: git('log', '-1', '--format=%cs', tag).trim(),
      layout,
      hasSchema: schema !== undefined,
      // With the whole values file closed, an unknown top-level key (`openmetadata` in a 1.0.x chart) fails too.
      rootClosed: schema?.additionalProperties === false,
      keys,
      defaults,
      closed,
    };
  });

  checkRenames(releases);
  fs.writeFileSync(path.join(__dirname, '..', 'src', 'knowledge', 'chart-history.ts'), render(releases, head));
}

function layoutOf(values) {
  const has = (map) => map && typeof map === 'object' && SECTIONS.some((section) => section in map);
  if (has(values.openmetadata?.config)) return 'openmetadata.config';
  if (has(values.global)) return 'global';
  return null;
}

const isMap = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function walkValues(node, at, keys, defaults) {
  keys.add(at.join('.'));
  if (isMap(node) && Object.keys(node).length > 0) {
    for (const [key, value] of Object.entries(node)) walkValues(value, [...at, key], keys, defaults);
  } else {
    defaults.set(at.join('.'), node);
  }
}

function walkSchema(node, at, keys, closed) {
  keys.add(at.join('.'));
  if (node.additionalProperties === false) closed.add(at.join('.'));
  for (const [key, child] of Object.entries(node.properties ?? {})) walkSchema(child, [...at, key], keys, closed);
}

function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function checkRenames(releases) {
  for (const rename of RENAMES) {
    const at = releases.findIndex((release) => release.version === rename.in);
    const before = releases[at - 1];
    const after = releases[at];
    if (!(before.keys.has(rename.from) && !before.keys.has(rename.to) && after.keys.has(rename.to) && !after.keys.has(rename.from))) {
      throw new Error(`rename ${rename.from} -> ${rename.to} is not what ${before.version} -> ${after.version} shows`);
    }
  }
}

/** Maximal runs of consecutive releases (in version order) for which `test` holds, as [first, last] versions. */
function runs(releases, test) {
  const out = [];
  let start;
  releases.forEach((release, i) => {
    if (test(release) && start === undefined) start = i;
    if (start !== undefined && (i === releases.length - 1 || !test(releases[i + 1]))) {
      out.push([releases[start].version, release.version]);
      start = undefined;
    }
  });
  return out;
}

/** Where the value changes, in version order: [first release, value] for each stretch of releases that have the key. */
function valueRuns(releases, key) {
  const out = [];
  let last;
  for (const release of releases) {
    if (!release.defaults.has(key)) {
      last = undefined;
      continue;
    }
    const value = JSON.stringify(release.defaults.get(key));
    if (value !== last) out.push([release.version, release.defaults.get(key)]);
    last = value;
  }
  return out;
}

function byFirstAppearance(releases, pick) {
  const order = [];
  const seen = new Set();
  for (const release of releases) {
    for (const key of pick(release)) {
      if (seen.has(key)) continue;
      seen.add(key);
      order.push(key);
    }
  }
  return order;
}

function render(releases, head) {
  const keyOrder = byFirstAppearance(releases, (release) => release.keys);
  const defaultOrder = byFirstAppearance(releases, (release) => release.defaults.keys());
  const closedOrder = byFirstAppearance(releases, (release) => release.closed);
  const layoutRuns = [];
  for (const release of releases) if (layoutRuns.at(-1)?.[1] !== release.layout) layoutRuns.push([release.version, release.layout]);

  const data = {
    releases: releases.map((release) => [release.version, release.appVersion, release.commit]),
    layouts: layoutRuns,
    schema: runs(releases, (release) => release.hasSchema),
    rootClosed: runs(releases, (release) => release.rootClosed),
    keys: Object.fromEntries(keyOrder.map((key) => [key, runs(releases, (release) => release.keys.has(key))])),
    closed: Object.fromEntries(closedOrder.map((key) => [key, runs(releases, (release) => release.closed.has(key))])),
    defaults: Object.fromEntries(defaultOrder.map((key) => [key, valueRuns(releases, key)])),
    renames: RENAMES,
  };
  const lines = [
    '/**',
    ` * The auth sections of every release of the OpenMetadata Helm chart (${REPOSITORY},`,
    ` * charts/openmetadata), one entry per git tag openmetadata-X.Y.Z. Generated by`,
    ' * scripts/extract-chart-history.js from a clone at',
    ` * ${head}; do not edit by hand, run the script again.`,
    ' *',
    ' * For each tag: Chart.yaml gives the chart version and appVersion (the OpenMetadata server it',
    ' * deploys); values.yaml gives the key paths and defaults under authentication, authorizer,',
    ' * jwtTokenConfiguration and fernetkey of `openmetadata.config` (from 1.1.0) or `global` (before);',
    ' * values.schema.json (from 0.0.45) gives its key paths too, and which maps are closed',
    ' * (additionalProperties: false: helm install rejects an unknown key there). Paths are relative to',
    ' * the layout root, dotted. Version ranges are [first, last] runs in version order (patch releases',
    ' * of an older line can come out after a newer line: 1.6.13 after 1.7.0, 1.8.3 before 1.8.2).',
    ' *',
    ' * releases: [chart version, appVersion, commit of the tag].',
    ' */',
    "import type { ChartHistoryData } from './versions';",
    '',
    `export const CHART_HISTORY: ChartHistoryData = ${stringify(data)};`,
    '',
  ];
  return lines.join('\n');
}

/** JSON, one entry of each top-level table per line: small diffs when the chart moves on. */
function stringify(data) {
  const entries = Object.entries(data).map(([name, value]) => {
    if (Array.isArray(value)) return `  ${name}: [\n${value.map((item) => `    ${JSON.stringify(item)},`).join('\n')}\n  ]`;
    return `  ${name}: {\n${Object.entries(value).map(([key, item]) => `    ${JSON.stringify(key)}: ${JSON.stringify(item)},`).join('\n')}\n  }`;
  });
  return `{\n${entries.join(',\n')},\n}`;
}

main();
