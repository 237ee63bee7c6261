import { EnvironmentsCheck, EnvironmentsRule, Finding } from './rule';

/** A custom server is found either by ID or by name, never both or neither. */
const check: EnvironmentsCheck = ({ environments }) => {
  const findings: Finding[] = [];
  for (const [env, settings] of Object.entries(environments)) {
    for (const [name, server] of Object.entries(settings.authorizationServers ?? {})) {
      const path = ['environments', env, 'authorizationServers', name];
      if ((server.id === undefined) === (server.lookupName === undefined)) {
        findings.push({
          path,
          message: `authorization server "${name}" must have exactly one of "id" or "lookupName", but got ${server.id === undefined ? 'neither' : 'both'}`,
        });
      }
    }
  }
  return findings;
};

export const serversHaveOneReference: EnvironmentsRule = {
  id: 'servers-have-one-reference',
  scope: 'environments',
  level: 'error',
  configurable: false,
  title: 'Custom servers have one reference',
  explanation: 'A custom authorization server is found either by `id` or by name, never both or neither.',
  check,
};
