import { PolicyRule } from '../rule';
import { grantTypes } from './okta-a1-grant-types';
import { claimNames } from './okta-c1-claim-names';
import { claimLimit } from './okta-c2-claim-limit';
import { environmentServers } from './okta-c3-environment-servers';
import { forbiddenGroups } from './okta-g1-forbidden-groups';
import { groupOwners } from './okta-g2-group-owners';
import { groupsPerList } from './okta-g3-groups-per-list';
import { dynamicPrivilegedReach } from './okta-g4-dynamic-privileged-reach';
import { appsPerOwner } from './okta-o1-apps-per-owner';
import { httpsRedirects } from './okta-r1-https-redirects';
import { noWildcardRedirects } from './okta-r2-no-wildcard-redirects';
import { redirectDomains } from './okta-r3-redirect-domains';
import { validSuppressions } from './okta-s1-valid-suppressions';

/** The guardrails pack, run on every allow-list file after the built-in rules. */
export const POLICY_RULES: readonly PolicyRule[] = [
  forbiddenGroups,
  groupOwners,
  groupsPerList,
  dynamicPrivilegedReach,
  grantTypes,
  httpsRedirects,
  noWildcardRedirects,
  redirectDomains,
  claimNames,
  claimLimit,
  environmentServers,
  appsPerOwner,
  validSuppressions,
];
