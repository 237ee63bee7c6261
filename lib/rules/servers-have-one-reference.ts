import { EnvironmentsRule, Finding } from './rule';

/** A custom server is found either by ID or by name, never both or neither. */
export const serversHaveOneReference: EnvironmentsRule = ({ environments }) => {
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
