/**
 * The releases of OpenMetadata's chart a GitOps file declares, each recognised by its own markers:
 * Argo CD and Flux objects by `apiVersion` and `kind`, a helmfile by its name and `releases`, a
 * kustomization by its name (or `kind: Kustomization`) and `helmCharts`, a HelmChartInflationGenerator
 * by its kind. Releases of other charts are none of omlint's business: they give no plan at all.
 */
import type { Plain } from '../../types';
import type { SourceDocument } from '../../source/parse';
import { isHelmfileName, isKustomizationName } from '../../knowledge/gitops';
import { argoCdReleases, isArgoCdApplication } from './argo-cd';
import { fluxReleases, isFluxHelmRelease } from './flux';
import { helmfileReleases, isHelmfileState } from './helmfile';
import { isHelmChartInflationGenerator, isKustomizationWithCharts, kustomizeReleases } from './kustomize';
import type { ReleasePlan } from './plan';

export type { ReleasePlan, LayerPlan, SetPlan, UnreadPlan, UnreadReason, IgnoredPlan, FileRequest, GitopsTool, Typing } from './plan';
export { pathText } from './plan';

/**
 * The plans of every OpenMetadata release in the file's documents. `undefined`: the file is no GitOps
 * file at all (a values file, say), so it is read as before; `[]`: a GitOps file that deploys only
 * other charts, skipped silently.
 */
export function gitopsReleases(filePath: string, documents: readonly { document: SourceDocument; plain: Plain }[]): ReleasePlan[] | undefined {
  let gitops = false;
  const plans: ReleasePlan[] = [];
  const plains = documents.map(({ plain }) => plain);
  const helmfile = isHelmfileName(filePath);
  const kustomization = isKustomizationName(filePath);
  for (const { document, plain } of documents) {
    if (isArgoCdApplication(plain)) {
      gitops = true;
      plans.push(...argoCdReleases(document, plain));
    } else if (isFluxHelmRelease(plain)) {
      gitops = true;
      plans.push(...fluxReleases(document, plain, plains));
    } else if (helmfile && isHelmfileState(plain)) {
      gitops = true;
      plans.push(...helmfileReleases(document, plain));
    } else if (isKustomizationWithCharts(plain) && (kustomization || plain.kind === 'Kustomization' || plain.kind === 'Component')) {
      gitops = true;
      plans.push(...kustomizeReleases(document, plain.helmCharts.map((chart, i) => ({ chart, at: ['helmCharts', i] }))));
    } else if (isHelmChartInflationGenerator(plain)) {
      gitops = true;
      plans.push(...kustomizeReleases(document, [{ chart: plain, at: [] }]));
    }
  }
  return gitops ? plans : undefined;
}
