import fc from 'fast-check';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { constructId } from '../../lib/constructs/construct-id';

describe('constructId', () => {
  test('parts joined with "-" used to collide; escaped parts do not', () => {
    expect(constructId('claim', 'default-id', 'id', 'x_groups')).not.toBe(constructId('claim', 'default', 'id', 'id-x_groups'));
  });

  test('is injective over generated names, including separators, "%" and "/" (property)', () => {
    const name = fc.string({ unit: fc.constantFrom('a', '-', '_', ',', '%', '/', '(', ')', '2', 'C'), maxLength: 6 });
    const parts = fc.array(name, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(
        parts,
        parts,
        (a, b) => (constructId('claim', ...a) === constructId('claim', ...b)) === (JSON.stringify(a) === JSON.stringify(b)),
      ),
      { seed: 42, numRuns: 3000 },
    );
  });

  test('distinct parts stay distinct as constructs (which rewrite "/"): no "There is already a Construct"', () => {
    const names = fc.uniqueArray(
      fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/), fc.constantFrom('id', 'access'), fc.stringMatching(/^[a-z_][a-z0-9_.:-]{0,6}$/)),
      {
        selector: (t) => JSON.stringify(t),
        maxLength: 20,
      },
    );
    fc.assert(
      fc.property(names, (claims) => {
        const scope = new Construct(Testing.app(), 'stack');
        for (const [server, token, name] of claims) new Construct(scope, constructId('claim', server, token, name));
        return scope.node.children.length === claims.length;
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
