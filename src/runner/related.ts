/**
 * Reading the values files a GitOps file names (docs/gitops.md), for the engine: layouts and the
 * engine read no file. A helmfile or a kustomization names files beside it; an Argo CD Application
 * names them in a repository (`repoURL`), at a path from the repository's root. That repository is
 * the one holding the Application when its remotes name `repoURL` (or when none is known and the
 * file is there); a path in any other repository is not read.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { RelatedFile } from '../engine/job';
import type { FileRequest } from '../layouts/gitops';
import { readSourceFile, type ReadLimits } from '../source/read';

/** The git repository a file is in: its root folder and the URLs of its remotes. */
interface Repository {
  root: string;
  remotes: string[];
}

export class RelatedFiles {
  private readonly repositories = new Map<string, Repository | null>();

  constructor(
    private readonly cwd: string,
    private readonly limits: ReadLimits,
  ) {}

  /** `from`: the absolute path of the file that names it (or `<stdin>`/`<text>`: the working directory stands for its folder). */
  read(from: string, request: FileRequest): RelatedFile {
    const folder = /^<.*>$/.test(from) ? this.cwd : path.dirname(from);
    let file: string;
    if (request.base === 'file') {
      file = path.resolve(folder, request.path);
    } else {
      const repository = this.repositoryOf(folder);
      const root = repository?.root ?? this.cwd;
      file = path.resolve(root, request.path);
      if (!isInside(root, file)) return { unreadable: `${request.path} is outside the repository` };
      const named = request.repoURL === undefined || repository === undefined || repository.remotes.length === 0 ||
        repository.remotes.some((remote) => sameRepository(remote, request.repoURL as string));
      if (!named) return { unreadable: `a file of ${request.repoURL}, not of this repository` };
    }
    const shown = path.relative(this.cwd, file) || file;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return { missing: `looked for ${shown}` };
    }
    if (!stat.isFile()) return { unreadable: `${shown} is not a file` };
    try {
      return { source: { filePath: file, text: readSourceFile(file, this.limits) } };
    } catch (error) {
      return { unreadable: (error as Error).message };
    }
  }

  /** The git repository holding `folder`: the nearest folder above with `.git`, and its remotes; undefined outside any. */
  private repositoryOf(folder: string): Repository | undefined {
    const cached = this.repositories.get(folder);
    if (cached !== undefined) return cached ?? undefined;
    let found: Repository | undefined;
    for (let dir = folder; ; dir = path.dirname(dir)) {
      const git = path.join(dir, '.git');
      if (fs.existsSync(git)) {
        found = { root: dir, remotes: remotesOf(git) };
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    this.repositories.set(folder, found ?? null);
    return found;
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The remote URLs in a repository's config: `.git/config`, or, for a worktree (`.git` is a file,
 * `gitdir: …`), the config of the repository it belongs to (`commondir`). Read, never run: no git needed.
 */
function remotesOf(git: string): string[] {
  try {
    let dir = git;
    if (fs.statSync(git).isFile()) {
      const pointer = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(git, 'utf8'));
      if (!pointer) return [];
      dir = path.resolve(path.dirname(git), pointer[1].trim());
      const common = path.join(dir, 'commondir');
      if (fs.existsSync(common)) dir = path.resolve(dir, fs.readFileSync(common, 'utf8').trim());
    }
    const config = fs.readFileSync(path.join(dir, 'config'), 'utf8');
    const remotes: string[] = [];
    let inRemote = false;
    for (const line of config.split(/\r?\n/)) {
      const section = /^\s*\[\s*([^\s\]]+)(?:\s+"[^"]*")?\s*\]/.exec(line);
      if (section) inRemote = section[1].toLowerCase() === 'remote';
      else if (inRemote) {
        const url = /^\s*url\s*=\s*(.+?)\s*$/i.exec(line);
        if (url) remotes.push(url[1]);
      }
    }
    return remotes;
  } catch {
    return [];
  }
}

/** Two repository URLs name the same repository: `https://github.com/a/b.git`, `git@github.com:a/b`, `ssh://git@github.com/a/b`. */
export function sameRepository(a: string, b: string): boolean {
  return normalizeRepositoryUrl(a) === normalizeRepositoryUrl(b);
}

function normalizeRepositoryUrl(url: string): string {
  let text = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  text = text.replace(/^[^@/]+@/, '');
  // scp-like `host:owner/repo`
  text = text.replace(/^([^/:]+):(?!\d+\/)/, '$1/');
  text = text.replace(/^([^/:]+):\d+\//, '$1/');
  return text.replace(/\/+$/, '').replace(/\.git$/i, '').toLowerCase();
}
