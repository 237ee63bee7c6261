import { DataOktaGroups } from '@cdktf/provider-okta/lib/data-okta-groups';
import { Postcondition, TerraformLocal } from 'cdktf';
import { Construct } from 'constructs';
import { groupSearchExpression } from '../okta/group-search';
import { GroupReference } from '../plan/environment-plan';
import { expression, hclString, templateText } from './hcl';

export interface GroupDirectoryProps {
  /** Every group name or ID the stack allow-lists, each once, split into search requests. */
  readonly batches: readonly (readonly GroupReference[])[];
  /** Environment name, quoted in error messages. */
  readonly environment: string;
}

/** Local holding the IDs found, by exact group name. */
const GROUP_IDS_LOCAL = 'group_ids';

/**
 * Resolves allow-listed group names to IDs by EXACT name, in batched searches (batched by count and
 * by encoded URL length, see `lib/okta/group-search.ts`).
 *
 * The provider's `okta_group` data source is not used: it does a prefix search and accepts a
 * lone non-matching hit, so a typo could allow-list the wrong group. Instead each batch is one
 * `okta_groups` search (`profile.name eq "…" or id eq "…"`). A postcondition per search fails
 * the plan when a name matches no group or several (compared again case-sensitively, as Okta's
 * `eq` may ignore case), or an ID does not exist, naming each such group, its files and the
 * environment. The batch's wanted groups live in locals (name → files), so the condition and the
 * message are written once per search rather than once per group. The IDs found are indexed by
 * name in the local `group_ids`.
 */
export class GroupDirectory extends Construct {
  /** The search data sources, one per batch. */
  readonly lookups: readonly DataOktaGroups[];
  private readonly names = new Set<string>();
  private readonly ids = new Set<string>();

  constructor(scope: Construct, id: string, props: GroupDirectoryProps) {
    super(scope, id);
    this.lookups = props.batches.map((batch, index) => {
      const wanted = this.wantedLocals(batch, index);
      const lookup = new DataOktaGroups(this, `batch_${index}`, {
        search: templateText(groupSearchExpression(batch)),
        lifecycle: { postcondition: postconditions(wanted, props.environment) },
      });
      lookup.overrideLogicalId(`groups_${index}`);
      return lookup;
    });
    if (this.names.size > 0) {
      // A name found twice maps to two IDs, which the postconditions refuse before any profile is planned.
      const results = this.lookups.map((_, i) => `data.okta_groups.groups_${i}.groups`).join(', ');
      new TerraformLocal(this, 'ids', expression(`{ for g in concat(${results}) : g.name => g.id... }`)).overrideLogicalId(GROUP_IDS_LOCAL);
    }
  }

  /** The HCL expression (without `${}`) for the ID of an allow-listed group name or ID. */
  idExpression(reference: string): string {
    if (this.ids.has(reference)) return hclString(reference);
    if (!this.names.has(reference)) throw new Error(`group ${JSON.stringify(reference)} was not given to the directory`);
    return `local.${GROUP_IDS_LOCAL}[${hclString(reference)}][0]`;
  }

  /** Locals `groups_<i>_names` and `groups_<i>_ids`: each wanted group → the files that allow-list it. */
  private wantedLocals(batch: readonly GroupReference[], index: number): Wanted {
    const wanted: Wanted = {};
    for (const kind of ['names', 'ids'] as const) {
      const groups = batch.filter((g) => g.isId === (kind === 'ids'));
      if (groups.length === 0) continue;
      groups.forEach((g) => this[kind].add(g.reference));
      const entries = groups.map((g) => `${hclString(g.reference)} = ${hclString(g.files.join(', '))}`);
      const name = `groups_${index}_${kind}`;
      new TerraformLocal(this, name, expression(`{ ${entries.join(', ')} }`)).overrideLogicalId(name);
      wanted[kind] = `local.${name}`;
    }
    return wanted;
  }
}

interface Wanted {
  names?: string;
  ids?: string;
}

function postconditions(wanted: Wanted, environment: string): Postcondition[] {
  const conditions: Postcondition[] = [];
  if (wanted.names) {
    const matches = 'length([for g in self.groups : g if g.name == name])';
    const failing = `[for name, files in ${wanted.names} : format("%q matches ${'%'}d (allow-listed in %s)", name, ${matches}, files) if ${matches} != 1]`;
    conditions.push({
      condition: expression(`alltrue([for name, files in ${wanted.names} : ${matches} == 1])`),
      errorMessage:
        `Each allow-listed group name must match exactly one Okta group in environment "${templateText(environment)}", but ` +
        expression(`join("; ", ${failing})`) +
        '. None: correct the name (it is matched exactly, including case and spaces). Several: use the ID (00g…) of the group you mean.',
    });
  }
  if (wanted.ids) {
    conditions.push({
      condition: expression(`alltrue([for id, files in ${wanted.ids} : contains(self.groups[*].id, id)])`),
      errorMessage:
        `Each allow-listed group ID must exist in Okta environment "${templateText(environment)}", but these do not: ` +
        expression(
          `join("; ", [for id, files in ${wanted.ids} : format("%s (allow-listed in %s)", id, files) if !contains(self.groups[*].id, id)])`,
        ) +
        ". Copy the ID again from the group's page in the Okta admin console, or use the group's exact name.",
    });
  }
  return conditions;
}
