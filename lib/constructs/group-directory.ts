import { DataOktaGroups } from '@cdktf/provider-okta/lib/data-okta-groups';
import { Postcondition } from 'cdktf';
import { Construct } from 'constructs';
import { GroupReference } from '../plan/environment-plan';
import { expression, hclString, templateText } from './hcl';

export interface GroupDirectoryProps {
  /** Every group name or ID the environment allow-lists, each once, split into search requests. */
  readonly batches: readonly (readonly GroupReference[])[];
  /** Environment name, quoted in error messages. */
  readonly environment: string;
}

/**
 * Resolves allow-listed group names to IDs by EXACT name, in batched searches.
 *
 * The provider's `okta_group` data source is not used: it does a prefix search and accepts a
 * lone non-matching hit, so a typo could allow-list the wrong group. Instead each batch is one
 * `okta_groups` search (`profile.name eq "…" or id eq "…"`), and postconditions fail the plan
 * when a name matches no group or several, or an ID does not exist, naming group, files and
 * environment.
 */
export class GroupDirectory extends Construct {
  /** The search data sources, one per batch. */
  readonly lookups: readonly DataOktaGroups[];
  private readonly addressOf = new Map<string, string>();
  private readonly ids = new Set<string>();

  constructor(scope: Construct, id: string, props: GroupDirectoryProps) {
    super(scope, id);
    const lookups: DataOktaGroups[] = [];
    for (const batch of props.batches) {
      const lookup = new DataOktaGroups(this, `batch_${lookups.length}`, {
        search: templateText(batch.map(searchTerm).join(' or ')),
        lifecycle: { postcondition: batch.flatMap((g) => postconditions(g, props.environment)) },
      });
      lookup.overrideLogicalId(`groups_${lookups.length}`);
      lookups.push(lookup);
      const address = `data.okta_groups.groups_${lookups.length - 1}`;
      for (const group of batch) {
        this.addressOf.set(group.reference, address);
        if (group.isId) this.ids.add(group.reference);
      }
    }
    this.lookups = lookups;
  }

  /** The HCL expression (without `${}`) for the ID of an allow-listed group name or ID. */
  idExpression(reference: string): string {
    const address = this.addressOf.get(reference);
    if (!address) throw new Error(`group ${JSON.stringify(reference)} was not given to the directory`);
    if (this.ids.has(reference)) return hclString(reference);
    return `${matchesOf(`${address}.groups`, reference)}[0].id`;
  }
}

/** Okta search syntax: a string literal with backslash escapes. */
function searchTerm(group: GroupReference): string {
  const value = JSON.stringify(group.reference);
  return group.isId ? `id eq ${value}` : `profile.name eq ${value}`;
}

/** Okta's `eq` may ignore case, so the exact match is made again here, case-sensitively. */
function matchesOf(list: string, name: string): string {
  return `[for g in ${list} : g if g.name == ${hclString(name)}]`;
}

function postconditions(group: GroupReference, environment: string): Postcondition[] {
  const where = `in Okta environment "${environment}" (allow-listed in ${group.files.join(', ')})`;
  if (group.isId) {
    return [
      {
        condition: expression(`contains(self.groups[*].id, ${hclString(group.reference)})`),
        errorMessage: templateText(`Group ID "${group.reference}" does not exist ${where}. Copy the ID again from the group's page in the Okta admin console, or use the group's exact name.`),
      },
    ];
  }
  const matches = matchesOf('self.groups', group.reference);
  return [
    {
      condition: expression(`length(${matches}) > 0`),
      errorMessage: templateText(`Group "${group.reference}" does not exist ${where}. Names are matched exactly, including case and spaces: correct the name, or use the group's ID (00g…).`),
    },
    {
      condition: expression(`length(${matches}) < 2`),
      errorMessage: templateText(`Group name "${group.reference}" matches several groups ${where}. Use the ID (00g…) of the group you mean.`),
    },
  ];
}
