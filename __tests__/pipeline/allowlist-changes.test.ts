import { allowlistChanges } from '../../lib/pipeline/allowlist-changes';
import { allowlistsAt } from '../../lib/pipeline/git-allowlists';
import { allowlistFile, TempGitRepo } from './temp-git-repo';

let repo: TempGitRepo;
beforeEach(() => (repo = new TempGitRepo()));
afterEach(() => repo.remove());

function changesBetween(base: Record<string, unknown>, head: Record<string, unknown>, environment?: string) {
  const baseSha = repo.commit(base, 'base');
  const headSha = repo.commit(head, 'head');
  return allowlistChanges(allowlistsAt(baseSha, { cwd: repo.dir }), allowlistsAt(headSha, { cwd: repo.dir }), environment);
}

describe('allow-list changes between two real commits', () => {
  test('a new app says which groups reach which token', () => {
    const [change] = changesBetween({}, { 'payroll.json': allowlistFile(), 'schema.json': '{}' });
    expect(change).toMatchObject({ key: 'payroll', kind: 'added' });
    expect(change.details[0]).toBe('new app "Payroll Portal", owned by @acme/payroll');
    expect(change.tokens).toEqual([
      'ID token from the org server, claim "groups": group names of the user\'s groups among "Payroll Admins", "Payroll Users", at most 2 (more makes Okta refuse the token)',
    ]);
  });

  test('groups added and removed, with the default limit following the list size', () => {
    const head = allowlistFile({ allowlist: { groups: ['Payroll Admins', 'Payroll Auditors', 'Équipe "Paie"'] } });
    const [change] = changesBetween({ 'payroll.json': allowlistFile() }, { 'payroll.json': head });
    expect(change.kind).toBe('changed');
    expect(change.details).toEqual([
      'groups added: "Payroll Auditors", "Équipe \\"Paie\\""',
      'groups removed: "Payroll Users"',
      'claim changed: ID token from the org server, claim "groups": limit 2 → 3',
    ]);
    expect(change.tokens[0]).toContain('among "Payroll Admins", "Payroll Auditors", "Équipe \\"Paie\\"", at most 3');
  });

  test('claim edits: added custom-server claim, changed value, removed claim is a warning', () => {
    const base = allowlistFile({
      claims: [
        { server: 'org', name: 'groups' },
        { server: 'default', name: 'old', token: 'id' },
      ],
    });
    const head = allowlistFile({
      claims: [
        { server: 'org', name: 'groups', value: 'id', limit: 5 },
        { server: 'default', name: 'groups', token: 'access', scopes: ['groups'] },
      ],
    });
    const [change] = changesBetween({ 'payroll.json': base }, { 'payroll.json': head });
    expect(change.details).toEqual([
      'claim changed: ID token from the org server, claim "groups": limit 2 → 5; value group names → group IDs',
      'claim added: access token from server "default", claim "groups", when scope groups is requested',
    ]);
    expect(change.warnings).toEqual(['claim removed: ID token from server "default", claim "old" no longer carries this app\'s groups']);
    expect(change.tokens).toHaveLength(2);
  });

  test('who may sign in: a new app says it, an unassigned group is a warning, dropping assignments forgets them', () => {
    const [added] = changesBetween({}, { 'payroll.json': allowlistFile({ assignments: { fromAllowlist: true } }) });
    expect(added.details).toContain(
      'may sign in: members of "Payroll Admins", "Payroll Users" (exactly these groups are assigned; any other assignment is removed)',
    );
    const [unmanaged] = changesBetween({}, { 'other.json': allowlistFile() });
    expect(unmanaged.details).toContainEqual(
      expect.stringMatching(/^may sign in: whoever the Okta console assigns .* nobody can sign in yet$/),
    );

    const base = { 'payroll.json': allowlistFile({ assignments: { groups: ['Payroll Users', 'Payroll Admins'] } }) };
    const [narrowed] = changesBetween(base, {
      'payroll.json': allowlistFile({ assignments: { groups: ['Payroll Users', 'Payroll Auditors'] } }),
    });
    expect(narrowed.details).toContain('may sign in, groups assigned: "Payroll Auditors"');
    expect(narrowed.warnings).toEqual(['unassigns "Payroll Admins": their members can no longer sign in to the app']);
    const [dropped] = changesBetween(base, { 'payroll.json': allowlistFile() });
    expect(dropped.details).toContain(
      'Terraform stops managing who may sign in (no "assignments" any more); the assignments stay in Okta as they are',
    );
    expect(dropped.warnings).toEqual([]);
  });

  test('a rename through previousKeys is one renamed app, not a removal and an addition', () => {
    const changes = changesBetween(
      { 'payroll.json': allowlistFile() },
      { 'payroll-portal.json': allowlistFile({ previousKeys: ['payroll'] }) },
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ key: 'payroll-portal', kind: 'renamed', renamedFrom: 'payroll', warnings: [], tokens: [] });
    expect(changes[0].details).toEqual(['renamed from "payroll": the same Okta app, its Terraform state moves']);
  });

  test('a deleted file warns about the managed-apps guard', () => {
    const [change] = changesBetween({ 'payroll.json': allowlistFile() }, {});
    expect(change.kind).toBe('removed');
    expect(change.warnings[0]).toMatch(/allowlists\/payroll\.json was deleted.*managed-apps guard.*"retire"/);
  });

  test('imports and retirement are reported for the environment being planned only', () => {
    const head = allowlistFile({
      app: { ...(allowlistFile().app as object), importIds: { prod: '0oa9z8y7x6w5v4u3t2s1', dev: '0oa1a2b3c4d5e6f7g8h9' } },
      retire: { prod: 'destroy' },
    });
    const [prod] = changesBetween({ 'payroll.json': allowlistFile() }, { 'payroll.json': head }, 'prod');
    expect(prod.details).toEqual(['adopts the existing Okta app 0oa9z8y7x6w5v4u3t2s1 in prod (import: nothing is created there)']);
    expect(prod.warnings).toEqual(['retire "destroy": the Okta app will be DELETED from prod']);
  });

  test('apps outside the environment are left out, and an unchanged app is not reported', () => {
    const base = { 'payroll.json': allowlistFile(), 'partner.json': allowlistFile({ environments: ['prod'] }) };
    const head = { 'payroll.json': allowlistFile(), 'partner.json': allowlistFile({ environments: ['prod'], owners: ['@acme/partners'] }) };
    expect(changesBetween(base, head, 'dev')).toEqual([]);
  });

  test('an existing app whose owners change says who was added and removed; a reorder or a new app does not', () => {
    const base = { 'payroll.json': allowlistFile({ owners: ['@acme/payroll', '@acme/finance'] }) };
    const [change] = changesBetween(base, { 'payroll.json': allowlistFile({ owners: ['@acme/finance', '@acme/intruders'] }) });
    expect(change.owners).toEqual({ added: ['@acme/intruders'], removed: ['@acme/payroll'] });
    expect(change.details).toContain('owners @acme/payroll, @acme/finance → @acme/finance, @acme/intruders');
    const [reordered] = changesBetween(base, { 'payroll.json': allowlistFile({ owners: ['@acme/finance', '@acme/payroll'] }) });
    expect(reordered.owners).toBeUndefined();
    const [added] = changesBetween({}, { 'payroll.json': allowlistFile() });
    expect(added.owners).toBeUndefined();
  });

  test('a base file that is not valid JSON degrades to what the head says', () => {
    const [change] = changesBetween({ 'payroll.json': '{ "owners": [' }, { 'payroll.json': allowlistFile() });
    expect(change.kind).toBe('changed');
    expect(change.details[0]).toMatch(/^the previous version could not be fully read \(This is not valid JSON/);
    expect(change.details).toContain('allow list unreadable → a static list of 2 group(s)');
  });

  test('an unknown ref is refused with a hint to fetch it', () => {
    repo.commit({});
    expect(() => allowlistsAt('no-such-ref', { cwd: repo.dir })).toThrow(
      /--base\/--head must name a commit, but got "no-such-ref": fetch it first/,
    );
  });
});
