/** Injected failures and delays, matched by method and path, with seeded randomness. */
import type { FaultRule } from './types';

/** What to do with one request. */
export interface FaultAction {
  latencyMs: number;
  status?: number;
  afterApply: boolean;
}

interface ActiveRule {
  rule: FaultRule;
  regex: RegExp;
  fired: number;
  random: () => number;
}

/** mulberry32: tiny, fast and good enough to make probabilistic faults repeatable. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The active fault rules; the first rule that fires decides. */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  constructor(rules: FaultRule[] = []) {
    this.set(rules);
  }

  /** Replaces all rules (counts and random sequences restart). */
  set(rules: FaultRule[]): void {
    this.rules = rules.map((rule) => ({
      rule,
      regex: typeof rule.path === 'string' ? new RegExp(rule.path) : rule.path,
      fired: 0,
      random: seededRandom(rule.seed ?? 1),
    }));
  }

  /** The fault for this request, or undefined. */
  match(method: string, path: string): FaultAction | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (!active.regex.test(path)) continue;
      if (rule.count !== undefined && active.fired >= rule.count) continue;
      if (rule.probability !== undefined && active.random() >= rule.probability) continue;
      active.fired++;
      return { latencyMs: rule.latencyMs ?? 0, status: rule.status, afterApply: rule.afterApply ?? false };
    }
    return undefined;
  }
}
