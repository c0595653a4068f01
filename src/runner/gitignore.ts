/**
 * .gitignore rules, through the `ignore` package (node-ignore, which ESLint and prettier use): for
 * the .gitignore files of a scanned directory, and for a config file's `ignorePatterns` and
 * `overrides[].files`. Paths given to it are relative to the folder the rules belong to, with `/`.
 */
import type { Ignore } from 'ignore';

/**
 * Rules from `patterns` (lines of a .gitignore, or a list of globs). `ignore` is loaded here, on
 * first use: a run that names its files and whose config files have no globs never loads it.
 */
export function gitignoreRules(patterns: string | readonly string[]): Ignore {
  const ignore = require('ignore') as typeof import('ignore');
  // Case-sensitive, as git is on Linux and as omlint's globs always were.
  return ignore({ ignorecase: false }).add(patterns);
}

/**
 * The .gitignore files found in a scanned tree, applied as git applies them: the rules of a
 * folder's .gitignore are relative to that folder; a deeper file's rules win over those above it
 * (its `!name` lints a file again); and nothing inside an ignored folder can be brought back.
 * .gitignore files above the scanned folder are not read.
 */
export class GitignoreTree {
  /** The rules of each folder that has a .gitignore, by folder ('' for the scanned one). */
  private readonly rules = new Map<string, Ignore>();
  private readonly ignoredFolders = new Map<string, boolean>();

  /** `files`: each .gitignore's path relative to the scanned folder, with its text. */
  constructor(files: readonly { path: string; text: string }[]) {
    for (const file of files) this.rules.set(folderOf(file.path), gitignoreRules(file.text));
  }

  /** Whether `file` (relative to the scanned folder, with `/`) is ignored. */
  ignores(file: string): boolean {
    const folder = folderOf(file);
    return this.folderIgnored(folder) || this.verdict(file, folder);
  }

  /** Once per folder: a scan holds many files in few folders. */
  private folderIgnored(folder: string): boolean {
    if (folder === '') return false;
    let ignored = this.ignoredFolders.get(folder);
    if (ignored === undefined) {
      const parent = folderOf(folder);
      // A trailing `/` tells `ignore` it is a folder, for patterns such as `build/`.
      ignored = this.folderIgnored(parent) || this.verdict(`${folder}/`, parent);
      this.ignoredFolders.set(folder, ignored);
    }
    return ignored;
  }

  /** What the .gitignore files from the scanned folder down to `folder` say of `target`, which is in `folder`. */
  private verdict(target: string, folder: string): boolean {
    let ignored = false;
    for (const ancestor of foldersDownTo(folder)) {
      const rules = this.rules.get(ancestor);
      if (!rules) continue;
      const result = rules.test(ancestor === '' ? target : target.slice(ancestor.length + 1));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

/** The folder of a relative path: '' for the top. */
function folderOf(relative: string): string {
  const slash = relative.lastIndexOf('/');
  return slash < 0 ? '' : relative.slice(0, slash);
}

/** '' then each folder down to `folder`: 'a/b' → ['', 'a', 'a/b']. */
function foldersDownTo(folder: string): string[] {
  if (folder === '') return [''];
  const parts = folder.split('/');
  return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}
