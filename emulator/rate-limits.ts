/**
 * Okta's per-family management rate limits, counted in fixed windows. Every answer carries
 * X-Rate-Limit-Limit / -Remaining / -Reset (epoch seconds at which the window ends).
 */
import type { RateLimitFamily, RateLimitOptions } from './types';

/** Okta Workforce per-minute limits. */
export const DEFAULT_LIMITS: Record<RateLimitFamily, number> = {
  apps: 100,
  app: 500,
  groups: 500,
  group: 1000,
  authorizationServers: 1200,
  other: 1200,
};

/**
 * The bucket a request counts against. `/api/v1/apps/{id}` alone is the 500 bucket;
 * the collection and every app sub-path (lifecycle, policies, groups…) share the 100 one.
 */
export function familyOf(path: string): RateLimitFamily {
  const p = path.replace(/\/$/, '');
  if (/^\/api\/v1\/apps\/[^/]+$/.test(p)) return 'app';
  if (p === '/api/v1/apps' || p.startsWith('/api/v1/apps/') || p.startsWith('/api/v1/internal/apps/')) return 'apps';
  if (/^\/api\/v1\/groups\/[^/]+$/.test(p)) return 'group';
  if (p === '/api/v1/groups' || p.startsWith('/api/v1/groups/')) return 'groups';
  if (p.startsWith('/api/v1/authorizationServers')) return 'authorizationServers';
  return 'other';
}

/** The outcome of counting one request. */
export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/** Fixed-window counters per family. */
export class RateLimiter {
  private windows = new Map<RateLimitFamily, { start: number; count: number }>();
  private limits: Record<RateLimitFamily, number> = DEFAULT_LIMITS;
  private windowMs = 60_000;
  private enabled = true;

  constructor(options: RateLimitOptions | false | undefined) {
    this.configure(options);
  }

  /** Replaces limits and window; counters restart. */
  configure(options: RateLimitOptions | false | undefined): void {
    this.enabled = options !== false;
    const opts = options || {};
    this.windowMs = opts.windowMs ?? 60_000;
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.windows.clear();
  }

  /** Counts a request against its family; disabled limiting still answers the headers. */
  take(family: RateLimitFamily, now = Date.now()): RateDecision {
    const limit = this.limits[family];
    let window = this.windows.get(family);
    if (!window || now >= window.start + this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(family, window);
    }
    const allowed = !this.enabled || window.count < limit;
    if (allowed) window.count++;
    return {
      allowed,
      headers: {
        'X-Rate-Limit-Limit': String(limit),
        'X-Rate-Limit-Remaining': String(Math.max(0, limit - window.count)),
        'X-Rate-Limit-Reset': String(Math.ceil((window.start + this.windowMs) / 1000)),
      },
    };
  }
}
