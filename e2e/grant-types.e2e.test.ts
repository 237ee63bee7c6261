import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningEmulator } from '../emulator';
import { AppSettings } from '../lib/model/allowlist-file';
import { AppModel } from '../lib/model/app';
import { appTypeFitsGrants } from '../lib/rules/app-type-fits-grants';
import { environments } from '../__tests__/helpers/fixture';
import { appsByLabel, startOrg } from './harness/org';
import { run } from './harness/process';
import { terraformEnvironment } from './harness/toolchain';
import { DEV_HOST } from './fixtures/small-project';

/**
 * The project's grant rule against the real provider: one `okta_app_oauth` per app type and
 * grant the files can name (beside the type's required grant), plus a web and a native app
 * without `authorization_code`, applied in one run. The provider checks its grant table only at
 * apply (`validateGrantTypes`), so every app `validate` accepts must be created and every app it
 * refuses must fail with the provider's own "failed conditional validation" error.
 */
describe('grant types: validate refuses exactly what the provider refuses at apply', () => {
  const GRANTS: string[] = AppSettings.properties.grantTypes.items.anyOf.map((literal) => literal.const);
  const cases = (['web', 'native', 'browser'] as const).flatMap((type) => [
    ...GRANTS.map((grant) => ({ type, grants: [...new Set([...(type === 'browser' ? [] : ['authorization_code']), grant])] })),
    ...(type === 'browser' ? [] : [{ type, grants: ['implicit'] }]),
  ]);
  const label = (i: number) => `grant case ${i}`;
  const refusedByRule = (c: (typeof cases)[number]) =>
    appTypeFitsGrants
      .check({ type: c.type, grantTypes: c.grants, redirectUris: ['https://a.example.com/cb'] } as unknown as AppModel, {
        environments: environments() as never,
      })
      .some((f) => f.path[1] === 'grantTypes' && !f.message.startsWith('grant "refresh'));
  let org: RunningEmulator;
  let dir: string;

  beforeAll(async () => {
    org = await startOrg(DEV_HOST);
    dir = mkdtempSync(join(tmpdir(), 'e2e-grants-'));
    const apps = Object.fromEntries(
      cases.map((c, i) => [
        `case_${i}`,
        {
          label: label(i),
          type: c.type,
          grant_types: c.grants,
          // As the project's AllowlistedApp writes them, so only the grant table can refuse.
          response_types: [
            ...(c.grants.includes('authorization_code') ? ['code'] : []),
            ...(c.grants.includes('implicit') ? ['token', 'id_token'] : []),
          ],
          redirect_uris: ['https://a.example.com/cb'],
          token_endpoint_auth_method: c.type === 'web' ? 'client_secret_basic' : 'none',
          pkce_required: true,
        },
      ]),
    );
    const config = {
      terraform: { required_providers: { okta: { source: 'okta/okta', version: '4.20.0' } } },
      provider: { okta: { org_name: 'acme-dev', base_url: 'oktapreview.com' } },
      resource: { okta_app_oauth: apps },
    };
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config));
  });

  afterAll(async () => {
    await org?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('each case is created if and only if the rule accepts it', async () => {
    const env = terraformEnvironment(org.env('https-proxy'));
    const init = await run('terraform', [`-chdir=${dir}`, 'init', '-input=false', '-no-color'], { env });
    expect(init.code).toBe(0);
    const apply = await run('terraform', [`-chdir=${dir}`, 'apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=10'], {
      env,
    });
    const created = appsByLabel(org);
    const verdicts = cases.map((c, i) => ({
      ...c,
      rule: refusedByRule(c) ? 'refused' : 'accepted',
      provider: created.has(label(i)) ? 'accepted' : 'refused',
    }));
    expect(verdicts.filter((v) => v.rule !== v.provider)).toEqual([]);
    const refused = verdicts.filter((v) => v.provider === 'refused').length;
    expect(refused).toBeGreaterThan(0);
    expect(apply.stderr.match(/failed conditional validation for field "grant_types"/g)?.length).toBe(refused);
  });
});
