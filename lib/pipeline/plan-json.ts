/**
 * The parts of `terraform show -json <planfile>` the pipeline reads (Terraform's documented
 * "JSON Output Format", format_version 1.x). Everything else in the file is ignored.
 */
export interface TerraformPlanJson {
  readonly format_version: string;
  readonly resource_changes?: readonly ResourceChangeJson[];
}

export interface ResourceChangeJson {
  readonly address: string;
  readonly mode?: 'managed' | 'data';
  readonly type: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before?: unknown;
    readonly after?: unknown;
    /** Attributes whose value is known only after apply (`true` at their key). */
    readonly after_unknown?: unknown;
    /** Attributes whose value is sensitive (`true` at their key). */
    readonly after_sensitive?: unknown;
    /** Present when the change adopts an existing object (import blocks). */
    readonly importing?: { readonly id?: string };
  };
}

export interface PlanCounts {
  readonly import: number;
  readonly add: number;
  readonly change: number;
  readonly replace: number;
  readonly destroy: number;
  /** Removed from the state without touching Okta (`removed` blocks). */
  readonly forget: number;
}

/** Something the plan deletes or replaces in Okta, named the way an app team knows it. */
export interface DangerousChange {
  readonly address: string;
  readonly action: 'destroy' | 'replace';
  readonly description: string;
}

export interface PlanSummary {
  readonly counts: PlanCounts;
  readonly dangerous: readonly DangerousChange[];
}

export function parsePlanJson(text: string, file: string): TerraformPlanJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} must be the output of \`terraform show -json <planfile>\`, but it is not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const plan = value as Partial<TerraformPlanJson> | null;
  if (typeof plan?.format_version !== 'string' || !/^1\./.test(plan.format_version)) {
    throw new Error(
      `${file} must be Terraform plan JSON with format_version 1.x, but got ${JSON.stringify(plan?.format_version)}: produce it with \`terraform show -json <planfile>\``,
    );
  }
  if (plan.resource_changes !== undefined && !Array.isArray(plan.resource_changes)) {
    throw new Error(`${file}: resource_changes must be a list, but got ${typeof plan.resource_changes}`);
  }
  return plan as TerraformPlanJson;
}

/** Counts as Terraform's own "Plan:" line does, except that a replacement is counted once, as a replacement. */
export function summarizePlan(plan: TerraformPlanJson): PlanSummary {
  const counts = { import: 0, add: 0, change: 0, replace: 0, destroy: 0, forget: 0 };
  const dangerous: DangerousChange[] = [];
  for (const resource of plan.resource_changes ?? []) {
    if (resource.mode === 'data') continue;
    const { actions, importing } = resource.change;
    if (importing) counts.import++;
    const action = actionOf(actions);
    if (action) counts[action]++;
    if (action === 'destroy' || action === 'replace')
      dangerous.push({ address: resource.address, action, description: describeResource(resource) });
  }
  return { counts, dangerous };
}

function actionOf(actions: readonly string[]): keyof PlanCounts | undefined {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  if (actions.includes('delete')) return 'destroy';
  if (actions.includes('create')) return 'add';
  if (actions.includes('update')) return 'change';
  if (actions.includes('forget')) return 'forget';
  return undefined;
}

/** `Okta app "Payroll Portal" (okta_app_oauth.payroll)`, from the state the plan would remove. */
export function describeResource(resource: ResourceChangeJson): string {
  const before = (resource.change.before ?? {}) as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof before[key] === 'string' ? (before[key] as string) : undefined);
  switch (resource.type) {
    case 'okta_app_oauth':
      return `Okta app "${text('label') ?? '?'}" (${resource.address})`;
    case 'okta_auth_server_claim': {
      const token = text('claim_type') === 'RESOURCE' ? 'access token' : 'ID token';
      return `claim "${text('name') ?? '?'}" (${token}) on authorization server ${text('auth_server_id') ?? '?'}, used by every app on that server (${resource.address})`;
    }
    case 'okta_auth_server_scope':
      return `scope "${text('name') ?? '?'}" on authorization server ${text('auth_server_id') ?? '?'} (${resource.address})`;
    default:
      return resource.address;
  }
}
