/** Which files to lint: explicit files as given, directories and globs through fast-glob; a directory scan honours .gitignore. */
import * as fs from 'fs';
import * as path from 'path';
import type FastGlob from 'fast-glob';
import { InputError } from '../source/read';
import { GitignoreTree } from './gitignore';

/** fast-glob (~70 modules), loaded for a directory or a glob only: a hook naming its files never needs it. */
function fg(): typeof FastGlob {
  return require('fast-glob') as typeof FastGlob;
}

/** What a directory scan looks for (README "Usage"). */
export const SCAN_PATTERNS = [
  '**/values*.y?(a)ml', '**/*values*.y?(a)ml', '**/openmetadata*.y?(a)ml', '**/*.env', '**/.env',
  // GitOps files with names of their own (docs/gitops.md): Argo CD and Flux files have free names.
  '**/helmfile*.y?(a)ml', '**/kustomization.y?(a)ml',
];

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** A glob that matches no file: an error, unless the run allows finding nothing (--allow-empty). */
export class NoFilesMatchError extends InputError {}

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
      if (matches.length === 0) missing(new NoFilesMatchError(`${pattern}: no files match`));
      for (const match of matches) files.add(path.normalize(match));
    } else {
      missing(new InputError(`${pattern}: no such file or directory`));
    }
  }
  return [...files].sort();
}

/**
 * The files a directory scan lints. The same walk finds the .gitignore files (fast-glob matches a
 * dot file a pattern names), whose rules then filter what it found; node_modules and .git are
 * never walked.
 */
function scanDirectory(dir: string): string[] {
  const found = fg().sync([...SCAN_PATTERNS, GITIGNORE_PATTERN], {
    cwd: dir,
    dot: false,
    ignore: ALWAYS_IGNORED,
    followSymbolicLinks: false,
    suppressErrors: true,
  });
  const gitignores = found.filter(isGitignore);
  const files = found.filter((file) => !isGitignore(file));
  const kept = gitignores.length > 0 ? withoutIgnored(files, dir, gitignores) : files;
  return kept.map((file) => path.join(dir, file));
}

const GITIGNORE_PATTERN = '**/.gitignore';

function isGitignore(relative: string): boolean {
  return relative === '.gitignore' || relative.endsWith('/.gitignore');
}

/** `files` less those the .gitignore files (all relative to `dir`, with `/`) ignore. */
function withoutIgnored(files: readonly string[], dir: string, gitignores: readonly string[]): string[] {
  const tree = new GitignoreTree(gitignores.flatMap((file) => {
    const text = readTextOrUndefined(path.join(dir, file));
    return text === undefined ? [] : [{ path: file, text }];
  }));
  return files.filter((file) => !tree.ignores(file));
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

/** An unreadable .gitignore is skipped, as git skips it. */
function readTextOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
