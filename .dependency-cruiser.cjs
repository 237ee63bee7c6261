/**
 * The layers of docs/architecture.md, enforced by `npm test` (npm run deps): no import cycles,
 * and no import from a lower layer into a higher one. Bottom to top:
 *   core      lib/load/{problem,json-document,schema-problems,read-file}.ts, lib/okta-api/
 *   model     lib/model/, lib/okta/ (what a file means, Okta's own facts)
 *   checks    lib/rules/, lib/policy/, lib/plan/ (built-in rules, the policy pack, planning)
 *   loader    lib/load/load-project.ts, lib/load/sources/ (where files are read: working tree, git)
 *   terraform lib/constructs/, stacks/ (cdktf constructs and their composition into stacks)
 *   commands  lib/cli/ (argument parsing, exit codes, synthesis), lib/pipeline/, lib/preview/,
 *             lib/adopt/, lib/orphans/, lib/generate/
 *   entries   main.ts, cli/, scripts/, bench/ (nothing imports them)
 * A known violation is listed in `KNOWN`, each with its reason, so it is visible and cannot grow.
 */
const LAYERS = [
  ['core', '^lib/(load/(problem|json-document|schema-problems|read-file)\\.ts$|okta-api/)'],
  ['model', '^lib/(model|okta)/'],
  ['checks', '^lib/(rules|policy|plan)/'],
  ['loader', '^lib/load/(load-project\\.ts$|sources/)'],
  ['terraform', '^(lib/constructs|stacks)/'],
  ['commands', '^lib/(cli|pipeline|preview|adopt|orphans|generate)/'],
  ['entries', '^(main\\.ts$|cli/|scripts/|bench/)'],
];

/** Known violations, each with why it is still there; remove an entry when its import goes. */
const KNOWN = [];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle makes both modules one layer: move the shared part down (docs/architecture.md).',
      from: { path: '^(lib|stacks|cli|scripts|bench)/|^main\\.ts$' },
      to: { circular: true },
    },
    ...LAYERS.slice(0, -1).map(([name, path], index) => ({
      name: `no-upward-from-${name}`,
      severity: 'error',
      comment: `The ${name} layer may import only its own layer and those below it (docs/architecture.md).`,
      from: { path, pathNot: KNOWN.map((known) => known.from) },
      to: {
        path: LAYERS.slice(index + 1)
          .map(([, above]) => `(${above})`)
          .join('|'),
      },
    })),
    {
      name: 'not-to-unlayered',
      severity: 'error',
      comment: 'The library never imports tests, the emulator or the end-to-end harness.',
      from: { path: '^(lib|stacks)/' },
      to: { path: '^(__tests__|emulator|e2e)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|cdktf\\.out|coverage)/' },
  },
};
