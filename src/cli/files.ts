/** Which files to lint: explicit files as given, directories and globs through fast-glob. */
import * as fs from 'fs';
import * as path from 'path';
import type FastGlob from 'fast-glob';
import { InputError } from '../source/read';

/** fast-glob (~70 modules), loaded for a directory or a glob only: a hook naming its files never needs it. */
function fg(): typeof FastGlob {
  return require('fast-glob') as typeof FastGlob;
}

/** What a directory scan looks for (README "Usage"). */
export const SCAN_PATTERNS = ['**/values*.y?(a)ml', '**/*values*.y?(a)ml', '**/openmetadata*.y?(a)ml', '**/*.env', '**/.env'];

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * The files `patterns` name. A pattern that names nothing is an InputError; with `onMissing` it is
 * reported there and the other patterns are still linted (one bad argument never stops the run).
 */
export function resolveFiles(patterns: readonly string[], cwd: string, onMissing?: (error: InputError) => void): string[] {
  const missing = (error: InputError): void => {
    if (!onMissing) throw error;
    onMissing(error);
  };
  const files = new Set<string>();
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const absolute = path.resolve(cwd, pattern);
    const stat = statOrUndefined(absolute);
    if (stat?.isDirectory()) {
      for (const file of scanDirectory(absolute)) files.add(file);
    } else if (stat || isSymbolicLink(absolute)) {
      // A dangling or looping link named explicitly is read, so its error says exactly what is wrong.
      files.add(absolute);
    } else if (fg().isDynamicPattern(pattern)) {
      const matches = fg().sync(pattern, { cwd, absolute: true, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, suppressErrors: true });
      if (matches.length === 0) missing(new InputError(`${pattern}: no files match`));
      for (const match of matches) files.add(path.normalize(match));
    } else {
      missing(new InputError(`${pattern}: no such file or directory`));
    }
  }
  return [...files].sort();
}

function scanDirectory(dir: string): string[] {
  return fg()
    .sync(SCAN_PATTERNS, {
      cwd: dir,
      absolute: true,
      dot: false,
      ignore: [...ALWAYS_IGNORED, ...gitignorePatterns(dir)],
      followSymbolicLinks: false,
      suppressErrors: true,
    })
    .map((file) => path.normalize(file));
}

function isSymbolicLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The scanned directory's .gitignore as fast-glob ignore patterns. Covers what values repositories
 * use (names, globs, dir/, /anchored); negations (`!x`) are not supported and are skipped.
 */
export function gitignorePatterns(dir: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return [];
  }
  return text.split(/\r?\n/).flatMap(gitignoreLineToGlobs);
}

export function gitignoreLineToGlobs(line: string): string[] {
  let pattern = line.replace(/\s+$/, '');
  if (pattern === '' || pattern.startsWith('#') || pattern.startsWith('!')) return [];
  const directoryOnly = pattern.endsWith('/');
  pattern = pattern.replace(/\/+$/, '');
  const anchored = pattern.includes('/');
  pattern = pattern.replace(/^\//, '');
  const base = anchored ? pattern : `**/${pattern}`;
  return directoryOnly ? [`${base}/**`] : [base, `${base}/**`];
}
