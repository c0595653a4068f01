/**
 * A values file a GitOps file names, as the engine asks the runner to read it. A leaf: the lint job's
 * types (src/engine/job.ts, part of the published declarations) name it without pulling in the
 * readers behind the layouts.
 */

/** A values file a release names, for the job's reader. */
export interface FileRequest {
  /** The path to read, as the tool resolves it (Argo CD: joined to the chart's path). */
  path: string;
  /** `file`: relative to the folder of the file that names it; `repository`: to the root of its git repository. */
  base: 'file' | 'repository';
  /** The repository the path is in (Argo CD's `repoURL`): read only when it is this one, or nothing tells. */
  repoURL?: string;
}
