import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { heapBudget } from '../../lib/cli/heap-budget';

const MB = 1024 * 1024;

/** A heap whose size the test sets; a collection shrinks it to what is live. */
function fakeHeap(live: number) {
  const heap = { used: 0, live, collections: 0 };
  const collect = (): void => {
    heap.collections++;
    heap.used = heap.live;
  };
  return { heap, collect, used: () => heap.used };
}

describe('heapBudget', () => {
  it('collects at once when loading left more than the headroom, then only when the heap grows the headroom past what is live', () => {
    const { heap, collect, used } = fakeHeap(100 * MB);
    heap.used = 400 * MB;
    const check = heapBudget(150 * MB, collect, used);
    expect(heap.collections).toBe(1);

    heap.used = 250 * MB; // live 100 + headroom 150: still within
    check();
    expect(heap.collections).toBe(1);

    heap.used = 251 * MB;
    check();
    expect(heap.collections).toBe(2);
    expect(heap.used).toBe(100 * MB);
  });

  it('leaves a small heap alone', () => {
    const { heap, collect, used } = fakeHeap(10 * MB);
    heap.used = 40 * MB;
    heapBudget(150 * MB, collect, used)();
    expect(heap.collections).toBe(0);
  });

  it('does nothing when the process runs without --expose-gc', () => {
    const used = jest.fn(() => Number.MAX_SAFE_INTEGER);
    heapBudget(0, undefined, used)();
    expect(used).not.toHaveBeenCalled();
  });

  it('is enabled for the commands that synthesize: npm run synth, npm run affected and cdktf synth', () => {
    const root = join(__dirname, '..', '..');
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const { app } = JSON.parse(readFileSync(join(root, 'cdktf.json'), 'utf8')) as { app: string };
    for (const command of [scripts.synth, scripts.affected, app]) expect(command).toMatch(/^node --expose-gc scripts\/run-compiled\.cjs /);
  });
});
