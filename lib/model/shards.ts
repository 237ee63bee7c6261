/** Names the stack of an environment's shared objects: `prod--shared`. */
export const SHARED_STACK = 'shared';
/** The one shard of `"shardBy": "single"`. */
export const SINGLE_SHARD = 'apps';

/**
 * The stack (and state) name of a shard or of the shared objects. Environment and shard names
 * cannot contain "--", so the name is unambiguous.
 */
export function stackName(environment: string, shardOrShared: string): string {
  return `${environment}--${shardOrShared}`;
}

/**
 * An app's shard depends on its own file only, so adding apps or shards never moves another
 * app: the explicit "shard" field, else the team of its first owner (`@acme/payroll` → `payroll`,
 * a user `@alice` → `alice`), or the single shard.
 */
export function shardOf(app: { readonly owners: readonly string[]; readonly shard?: string }, shardBy: 'owner' | 'single'): string {
  if (app.shard) return app.shard;
  if (shardBy === 'single') return SINGLE_SHARD;
  const owner = app.owners[0];
  const team = owner.slice(owner.lastIndexOf('/') + 1).replace(/^@/, '');
  return (
    team
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || SINGLE_SHARD
  );
}
