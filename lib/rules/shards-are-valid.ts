import { SHARED_STACK } from '../model/shards';
import { FileCheck, FileRule, Finding } from './rule';

/**
 * Shard names become stack and state names next to the environment's shared stack, and a move
 * between shards is one reviewed step: name clashes and combined moves are refused.
 */
const check: FileCheck = (app) => {
  const findings: Finding[] = [];
  if (app.shard === SHARED_STACK) {
    const { given, path } = app.sources.shard;
    findings.push({
      path,
      message: `the shard must not be named "${SHARED_STACK}", which is the stack of the shared claims, but got it${given ? '' : ' from the first owner'}: set "shard" to another name`,
    });
  }
  if (app.previousShard !== undefined && app.previousShard === app.shard) {
    findings.push({
      path: ['previousShard'],
      message: `previousShard must name the shard the app moves FROM, but got its current shard "${app.shard}": remove previousShard`,
    });
  }
  if (app.previousShard !== undefined && app.previousKeys.length > 0) {
    findings.push({
      path: ['previousShard'],
      message:
        'an app can be renamed (previousKeys) or moved to another shard (previousShard) in one change, but not both: do one, apply it, then the other',
    });
  }
  if (app.previousShard !== undefined && Object.keys(app.retire).length > 0) {
    findings.push({
      path: ['retire'],
      message:
        'an app can be retired or moved to another shard (previousShard) in one change, but not both: finish the move first, or retire it where it is',
    });
  }
  return findings;
};

export const shardsAreValid: FileRule = {
  id: 'shards-are-valid',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Shards and shard moves are valid',
  explanation:
    "The shard (by default the first owner) names the app's stack and state beside the environment's `shared` stack, so it cannot be `shared`. A move (`previousShard`) names another shard and is one reviewed step: not combined with a rename or a retirement.",
  check,
};
