import { Finding } from '../../rules/rule';
import { PolicyRule } from '../rule';

/**
 * No owner appears in more than `apps.maxPerOwner` files. A file that suppresses this rule is
 * not counted, so an agreed exception does not push the owner's other apps over the limit.
 */
export const appsPerOwner: PolicyRule = {
  id: 'OKTA-O1',
  title: 'Maximum apps per owner',
  level: 'warning',
  explanation:
    'An owner reviews every change to its apps. A team with very many apps is usually a catch-all owner nobody answers for; the platform team wants to hear about it.',
  check(app, { policy, apps }) {
    const max = policy.apps?.maxPerOwner;
    if (max === undefined) return [];
    const findings: Finding[] = [];
    app.owners.forEach((owner, index) => {
      const owned = apps.filter((other) => other.owners.includes(owner)).map((other) => other.key);
      if (owned.length <= max) return;
      findings.push({
        path: ['owners', index],
        message: `${owner} must own at most ${max} apps (policy.json, apps.maxPerOwner), but owns ${owned.length}: ${owned.join(', ')}. Hand some apps to the team that runs them, or suppress this rule with the reason the platform team agreed`,
      });
    });
    return findings;
  },
};
