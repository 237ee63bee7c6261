import { type RunningEmulator, startEmulator } from '../../emulator';
import { call } from './client';

let emu: RunningEmulator;
const names = ['Payroll Admins', 'payroll admins', 'Payroll Admins EU', 'Pay "Q" \\ Team', 'Sales'];
beforeAll(async () => {
  const groups = [...names.map((name) => ({ name })), ...Array.from({ length: 5 }, (_, i) => ({ name: `bulk-${i}` }))];
  emu = await startEmulator({ orgHost: 'acme.okta.com', apiToken: 'tok', rateLimits: false, seed: { groups } });
});
afterAll(() => emu.stop());

const search = async (expression: string, extra = '') =>
  (await call(emu.url, 'GET', `/api/v1/groups?search=${encodeURIComponent(expression)}${extra}`)).body.map(
    (g: { profile: { name: string } }) => g.profile.name,
  );

describe('emulator groups', () => {
  it('matches eq exactly and case-sensitively, joined by or', async () => {
    expect(await search('profile.name eq "Payroll Admins"')).toEqual(['Payroll Admins']);
    expect(await search('profile.name eq "Payroll Admins" or profile.name eq "Sales"')).toEqual(['Payroll Admins', 'Sales']);
    const id = emu.state.groups()[4].id as string;
    expect(await search(`id eq "${id}" or profile.name eq "nope"`)).toEqual(['Sales']);
  });

  it('parses escaped quotes and backslashes and refuses broken expressions', async () => {
    expect(await search('profile.name eq "Pay \\"Q\\" \\\\ Team"')).toEqual(['Pay "Q" \\ Team']);
    const broken = await call(emu.url, 'GET', `/api/v1/groups?search=${encodeURIComponent('profile.name eq "open')}`);
    expect(broken.status).toBe(400);
    expect(broken.body.errorCode).toBe('E0000001');
  });

  it('treats q as a case-insensitive prefix and filter by type', async () => {
    const q = (await call(emu.url, 'GET', '/api/v1/groups?q=payroll')).body.map((g: { profile: { name: string } }) => g.profile.name);
    expect(q).toEqual(['Payroll Admins', 'payroll admins', 'Payroll Admins EU']);
    const filtered = await call(emu.url, 'GET', `/api/v1/groups?filter=${encodeURIComponent('type eq "OKTA_GROUP"')}`);
    expect(filtered.body).toHaveLength(10);
    expect(filtered.body[0]).toMatchObject({ objectClass: ['okta:user_group'], type: 'OKTA_GROUP', profile: { description: '' } });
  });

  it('pages with limit, after and one Link header line per relation', async () => {
    const seen: string[] = [];
    let path: string | undefined = `/api/v1/groups?search=${encodeURIComponent('profile.name sw "bulk"')}&limit=2`;
    let pages = 0;
    while (path) {
      const reply = await call(emu.url, 'GET', path);
      pages++;
      seen.push(...reply.body.map((g: { profile: { name: string } }) => g.profile.name));
      const next = reply.links.find((l) => l.endsWith('rel="next"'));
      path = next ? next.slice(1, next.indexOf('>')).replace(emu.url, '') : undefined;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['bulk-0', 'bulk-1', 'bulk-2', 'bulk-3', 'bulk-4']);
  });

  it("gets a group by id and answers 404 with Okta's body", async () => {
    const [first] = emu.state.groups();
    expect((await call(emu.url, 'GET', `/api/v1/groups/${String(first.id)}`)).body._links.users.href).toContain(emu.url);
    expect((await call(emu.url, 'GET', '/api/v1/groups/00gnope')).body.errorSummary).toBe(
      'Not found: Resource not found: 00gnope (UserGroup)',
    );
  });
});
