/**
 * The commands the documents give run a pinned omlint, never a name looked up on a registry: no
 * package called omlint is published, and `npx --yes omlint` in a CI job would run whatever someone
 * publishes under that name later. Every release they pin is the package's version, which
 * scripts/release.js moves forward with each release.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const { PINNED, PINNED_DOCS } = require('../scripts/release') as { PINNED: RegExp; PINNED_DOCS: string[] };
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

const DOCS = [path.join(ROOT, 'README.md'), path.join(ROOT, 'CHANGELOG.md'), ...markdownFiles(path.join(ROOT, 'docs'))];

/** The lines inside the fenced code blocks of a markdown text. */
function codeLines(text: string): string[] {
  const lines: string[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) inside = !inside;
    else if (inside) lines.push(line);
  }
  return lines;
}

it.each(DOCS.map((file) => [path.relative(ROOT, file)]))('%s runs no unpinned omlint from a registry', (relative) => {
  const text = fs.readFileSync(path.join(ROOT, relative), 'utf8');
  const unpinned = codeLines(text).filter((line) => /\bnpx\s+(?!--no-install\b)|\bnpm\s+exec\b|\bnpx\s+--no-install\s+--yes\b/.test(line));
  expect(unpinned).toEqual([]);
  // Prose may say why not, in backticks; it must not tell anyone to run it.
  expect(text).not.toMatch(/^\s*(?:\$ )?npx (?:--yes |-y )?omlint/m);
});

it.each(PINNED_DOCS.map((file) => [file]))('%s pins the release of package.json', (file) => {
  const pins = [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(PINNED)].map((match) => match[2]);
  expect(pins.length).toBeGreaterThan(0);
  expect([...new Set(pins)]).toEqual([pkg.version]);
});
