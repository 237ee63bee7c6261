import { GroupDirectory } from '../../lib/constructs/group-directory';
import { GroupReference } from '../../lib/plan/environment-plan';
import { synthJson } from '../helpers/synth';

const ref = (reference: string, isId = false): GroupReference => ({ reference, isId, files: ['allowlists/a.json', 'allowlists/b.json'] });

describe('GroupDirectory', () => {
  test('one okta_groups search per batch, by exact name or ID, never okta_group', () => {
    const json = synthJson(
      (scope) =>
        new GroupDirectory(scope, 'groups', {
          environment: 'dev',
          batches: [[ref('Payroll Users'), ref('00g1a2b3c4d5e6f7g8h9', true)], [ref('HR')]],
        }),
    );
    expect(json.data.okta_group).toBeUndefined();
    expect(Object.keys(json.data.okta_groups)).toEqual(['groups_0', 'groups_1']);
    expect(json.data.okta_groups.groups_0.search).toBe('profile.name eq "Payroll Users" or id eq "00g1a2b3c4d5e6f7g8h9"');
    expect(json.data.okta_groups.groups_1.search).toBe('profile.name eq "HR"');
  });

  test('each search knows which names and IDs it must find, and which files want them', () => {
    const json = synthJson(
      (scope) =>
        new GroupDirectory(scope, 'groups', { environment: 'dev', batches: [[ref('Payroll Users'), ref('00g1a2b3c4d5e6f7g8h9', true)]] }),
    );
    expect(json.locals.groups_0_names).toBe('${{ "Payroll Users" = "allowlists/a.json, allowlists/b.json" }}');
    expect(json.locals.groups_0_ids).toBe('${{ "00g1a2b3c4d5e6f7g8h9" = "allowlists/a.json, allowlists/b.json" }}');
  });

  test('the plan fails when a name matches no group or several, naming each such group, its files and the environment', () => {
    const json = synthJson((scope) => new GroupDirectory(scope, 'groups', { environment: 'prod', batches: [[ref('Payroll Users')]] }));
    const [names] = json.data.okta_groups.groups_0.lifecycle.postcondition;
    expect(names.condition).toBe(
      '${alltrue([for name, files in local.groups_0_names : length([for g in self.groups : g if g.name == name]) == 1])}',
    );
    expect(names.error_message).toBe(
      'Each allow-listed group name must match exactly one Okta group in environment "prod", but ' +
        '${join("; ", [for name, files in local.groups_0_names : format("%q matches %d (allow-listed in %s)", name, length([for g in self.groups : g if g.name == name]), files) if length([for g in self.groups : g if g.name == name]) != 1])}' +
        '. None: correct the name (it is matched exactly, including case and spaces). Several: use the ID (00g…) of the group you mean.',
    );
  });

  test('an allow-listed ID must exist', () => {
    const json = synthJson(
      (scope) => new GroupDirectory(scope, 'groups', { environment: 'dev', batches: [[ref('00g1a2b3c4d5e6f7g8h9', true)]] }),
    );
    const [ids] = json.data.okta_groups.groups_0.lifecycle.postcondition;
    expect(ids.condition).toBe('${alltrue([for id, files in local.groups_0_ids : contains(self.groups[*].id, id)])}');
    expect(ids.error_message).toMatch(/^Each allow-listed group ID must exist in Okta environment "dev", but these do not: \$\{join/);
    // An ID needs no lookup to be used.
    expect(json.locals.group_ids).toBeUndefined();
  });

  test('profiles index the IDs found by exact name', () => {
    const json = synthJson((scope) => {
      const directory = new GroupDirectory(scope, 'groups', {
        environment: 'dev',
        batches: [[ref('A')], [ref('B'), ref('00g1a2b3c4d5e6f7g8h9', true)]],
      });
      expect(directory.idExpression('B')).toBe('local.group_ids["B"][0]');
      expect(directory.idExpression('00g1a2b3c4d5e6f7g8h9')).toBe('"00g1a2b3c4d5e6f7g8h9"');
    });
    expect(json.locals.group_ids).toBe(
      '${{ for g in concat(data.okta_groups.groups_0.groups, data.okta_groups.groups_1.groups) : g.name => g.id... }}',
    );
  });

  test('quotes, backslashes, template markers and non-ASCII in names are escaped for Okta search and for HCL', () => {
    const name = 'Équipe "A" \\ ${x}';
    const json = synthJson((scope) => {
      const directory = new GroupDirectory(scope, 'groups', { environment: 'dev', batches: [[ref(name)]] });
      expect(directory.idExpression(name)).toBe('local.group_ids["Équipe \\"A\\" \\\\ $${x}"][0]');
    });
    expect(json.data.okta_groups.groups_0.search).toBe('profile.name eq "Équipe \\"A\\" \\\\ $${x}"');
    expect(json.locals.groups_0_names).toBe('${{ "Équipe \\"A\\" \\\\ $${x}" = "allowlists/a.json, allowlists/b.json" }}');
  });

  test('asking for a group it was not given is a programming error', () => {
    synthJson((scope) => {
      const directory = new GroupDirectory(scope, 'groups', { environment: 'dev', batches: [] });
      expect(() => directory.idExpression('Nobody')).toThrow(/was not given to the directory/);
    });
  });
});
