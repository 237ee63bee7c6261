import { GroupDirectory } from '../../lib/constructs/group-directory';
import { GroupReference } from '../../lib/plan/environment-plan';
import { synthJson } from '../helpers/synth';

const ref = (reference: string, isId = false): GroupReference => ({ reference, isId, files: ['allowlists/a.json', 'allowlists/b.json'] });

describe('GroupDirectory', () => {
  test('one okta_groups search per batch, by exact name or ID, never okta_group', () => {
    const json = synthJson((scope) => new GroupDirectory(scope, 'groups', { environment: 'dev', batches: [[ref('Payroll Users'), ref('00g1a2b3c4d5e6f7g8h9', true)], [ref('HR')]] }));
    expect(json.data.okta_group).toBeUndefined();
    expect(Object.keys(json.data.okta_groups)).toEqual(['groups_0', 'groups_1']);
    expect(json.data.okta_groups.groups_0.search).toBe('profile.name eq "Payroll Users" or id eq "00g1a2b3c4d5e6f7g8h9"');
    expect(json.data.okta_groups.groups_1.search).toBe('profile.name eq "HR"');
  });

  test('the plan fails, naming group, files and environment, when a name matches no group or several', () => {
    const json = synthJson((scope) => new GroupDirectory(scope, 'groups', { environment: 'prod', batches: [[ref('Payroll Users')]] }));
    const [missing, ambiguous] = json.data.okta_groups.groups_0.lifecycle.postcondition;
    expect(missing.condition).toBe('${length([for g in self.groups : g if g.name == "Payroll Users"]) > 0}');
    expect(missing.error_message).toBe(
      'Group "Payroll Users" does not exist in Okta environment "prod" (allow-listed in allowlists/a.json, allowlists/b.json). Names are matched exactly, including case and spaces: correct the name, or use the group\'s ID (00g…).',
    );
    expect(ambiguous.condition).toBe('${length([for g in self.groups : g if g.name == "Payroll Users"]) < 2}');
    expect(ambiguous.error_message).toMatch(/^Group name "Payroll Users" matches several groups in Okta environment "prod"/);
  });

  test('an allow-listed ID must exist', () => {
    const json = synthJson((scope) => new GroupDirectory(scope, 'groups', { environment: 'dev', batches: [[ref('00g1a2b3c4d5e6f7g8h9', true)]] }));
    const [exists] = json.data.okta_groups.groups_0.lifecycle.postcondition;
    expect(exists.condition).toBe('${contains(self.groups[*].id, "00g1a2b3c4d5e6f7g8h9")}');
  });

  test('quotes, backslashes, template markers and non-ASCII in names are escaped for Okta search and for HCL', () => {
    const name = 'Équipe "A" \\ ${x}';
    const json = synthJson((scope) => {
      const directory = new GroupDirectory(scope, 'groups', { environment: 'dev', batches: [[ref(name)]] });
      expect(directory.idExpression(name)).toBe('[for g in data.okta_groups.groups_0.groups : g if g.name == "Équipe \\"A\\" \\\\ $${x}"][0].id');
    });
    expect(json.data.okta_groups.groups_0.search).toBe('profile.name eq "Équipe \\"A\\" \\\\ $${x}"');
    expect(json.data.okta_groups.groups_0.lifecycle.postcondition[0].error_message).toContain('Group "Équipe "A" \\ $${x}" does not exist');
  });

  test('asking for a group it was not given is a programming error', () => {
    synthJson((scope) => {
      const directory = new GroupDirectory(scope, 'groups', { environment: 'dev', batches: [] });
      expect(() => directory.idExpression('Nobody')).toThrow(/was not given to the directory/);
    });
  });
});
