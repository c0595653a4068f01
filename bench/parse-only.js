#!/usr/bin/env node
/**
 * The parse floor: every .yaml file under the given files or directories read and composed with
 * `yaml` (parseDocument + LineCounter, the positions omlint needs), in one process. No rules, no
 * schema, no output beyond a count.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { parseDocument, LineCounter } = require('yaml');

function* yamlFiles(target) {
  if (!fs.statSync(target).isDirectory()) {
    yield target;
    return;
  }
  for (const entry of fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) yield* yamlFiles(full);
    else if (/\.ya?ml$/.test(entry.name)) yield full;
  }
}

let files = 0;
let errors = 0;
for (const target of process.argv.slice(2)) {
  for (const file of yamlFiles(target)) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter, uniqueKeys: false });
    errors += doc.errors.length;
    files++;
  }
}
process.stdout.write(`${files} files, ${errors} syntax errors\n`);
