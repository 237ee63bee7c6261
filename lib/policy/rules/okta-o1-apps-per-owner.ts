import { Finding } from '../../rules/rule';
import { AppModel } from '../../model/app';
import { PolicyRule } from '../rule';

/** Apps named in one message; the rest are counted. */
const MAX_LISTED = 20;

/** Keys of the apps each owner appears in, built once per list of apps (the check stays linear). */
const indexes = new WeakMap<readonly AppModel[], { byOwner: Map<string, string[]>; counted: Set<AppModel> }>();

function ownersIndex(apps: readonly AppModel[]): { byOwner: Map<string, string[]>; counted: Set<AppModel> } {
  let index = indexes.get(apps);
  if (!index) {
    index = { byOwner: new Map(), counted: new Set(apps) };
    for (const app of apps) {
      for (const owner of new Set(app.owners)) {
        const keys = index.byOwner.get(owner);
        if (keys) keys.push(app.key);
        else index.byOwner.set(owner, [app.key]);
      }
    }
    indexes.set(apps, index);
  }
  return index;
}

/**
 * No owner appears in more than `apps.maxPerOwner` files. A file that suppresses this rule is
 * not counted, so an agreed exception does not push the owner's other apps over the limit.
 */
export const appsPerOwner: PolicyRule = {
  id: 'OKTA-O1',
  scope: 'file',
  title: 'Maximum apps per owner',
  level: 'warning',
  explanation:
    'An owner reviews every change to its apps. A team with very many apps is usually a catch-all owner nobody answers for; the platform team wants to hear about it.',
  checks: 'No owner appears in more than `apps.maxPerOwner` files.',
  setting: '`apps.maxPerOwner`',
  check(app, { policy, apps }) {
    const max = policy.apps?.maxPerOwner;
    if (max === undefined) return [];
    const findings: Finding[] = [];
    const { byOwner, counted } = ownersIndex(apps);
    app.owners.forEach((owner, position) => {
      const others = byOwner.get(owner) ?? [];
      const owned = counted.has(app) ? others : [...others, app.key].sort();
      if (owned.length <= max) return;
      const listed =
        owned.length > MAX_LISTED ? `${owned.slice(0, MAX_LISTED).join(', ')} and ${owned.length - MAX_LISTED} more` : owned.join(', ');
      findings.push({
        path: ['owners', position],
        message: `${owner} must own at most ${max} apps (policy.json, apps.maxPerOwner), but owns ${owned.length}: ${listed}. Hand some apps to the team that runs them, or suppress this rule with the reason the platform team agreed`,
      });
    });
    return findings;
  },
};
