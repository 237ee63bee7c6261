import { App } from 'cdktf';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Project } from '../load/load-project';
import { EnvironmentStack } from '../../stacks/environment-stack';

/**
 * Synthesizes every environment into `outdir` atomically: the stacks are written to a fresh
 * folder beside it and swapped in only when synthesis succeeded, so a failure never leaves a
 * half-written `cdktf.out/` for a later `terraform plan` to pick up.
 */
export function synthesize(project: Project, outdir: string): void {
  const target = resolve(outdir);
  const staging = mkdtempSync(`${target}.staging-`);
  try {
    // The files were validated by loadProject. cdktf's own validations would only add a
    // `terraform version` process per imported app (most of a large synth's time, see
    // BENCHMARKS.md) and make synthesis need a Terraform binary; the stacks declare the
    // Terraform version they need instead (required_version), which Terraform checks at plan.
    const app = new App({ outdir: staging, skipValidation: true });
    for (const plan of project.plans) new EnvironmentStack(app, plan.name, { plan });
    app.synth();
    const previous = `${staging}.previous`;
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** One line per environment: what its stack holds. */
export function summarize(project: Project): string[] {
  return project.plans.map((plan) => {
    const lookups = plan.groupBatches.length + plan.servers.filter((s) => plan.settings.authorizationServers?.[s]?.lookupName).length;
    const parts = [
      `${plan.apps.length} app(s)`,
      `${plan.groups.length} group(s)`,
      `${plan.apps.filter((a) => a.orgClaim).length} org-server claim(s)`,
      `${plan.sharedClaims.length} custom-server claim(s)`,
      `${lookups} lookup(s)`,
    ];
    if (plan.apps.some((a) => a.importId)) parts.push(`${plan.apps.filter((a) => a.importId).length} import(s)`);
    if (plan.renames.length) parts.push(`${plan.renames.length} rename(s)`);
    if (plan.forgotten.length) parts.push(`${plan.forgotten.length} forgotten`);
    if (plan.destroyed.length) parts.push(`${plan.destroyed.length} TO BE DESTROYED: ${plan.destroyed.join(', ')}`);
    return `${plan.name}: ${parts.join(', ')}`;
  });
}
