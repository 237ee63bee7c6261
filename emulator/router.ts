/** Finds the handler for a method and path among all API routes. */
import { OktaError, methodNotAllowed } from './errors';
import type { Handler, Route } from './http-types';
import { appGroupRoutes } from './routes/app-groups';
import { appRoutes } from './routes/apps';
import { authServerRoutes } from './routes/auth-servers';
import { claimRoutes } from './routes/claims';
import { groupRoutes } from './routes/groups';
import { idTokenRoutes } from './routes/id-token';
import { orgRoutes } from './routes/org';
import { policyRoutes } from './routes/policies';
import { scopeRoutes } from './routes/scopes';

interface CompiledRoute {
  method: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
}

const ROUTES: CompiledRoute[] = [
  ...orgRoutes,
  ...appRoutes,
  ...appGroupRoutes,
  ...idTokenRoutes,
  ...groupRoutes,
  ...authServerRoutes,
  ...claimRoutes,
  ...scopeRoutes,
  ...policyRoutes,
].map(compile);

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method: route.method, regex: new RegExp(`^${source}/?$`), names, handler: route.handler };
}

/** The handler and path parameters for a request; Okta's 404 or 405 when there is none. */
export function resolve(method: string, path: string): { handler: Handler; params: Record<string, string> } {
  let pathKnown = false;
  for (const route of ROUTES) {
    const match = route.regex.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    return { handler: route.handler, params };
  }
  if (pathKnown) throw methodNotAllowed(method);
  throw new OktaError(404, 'E0000007', `Not found: Resource not found: ${path} (Endpoint)`);
}
