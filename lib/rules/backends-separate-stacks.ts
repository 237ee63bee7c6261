import { BackendData } from '../model/environments-file';
import { EnvironmentsCheck, EnvironmentsRule, Finding } from './rule';

/** The setting that names a state inside each backend: it must differ for every stack. */
export const STATE_NAME_SETTING: Readonly<Record<BackendData['type'], readonly string[]>> = {
  local: ['path'],
  s3: ['key'],
  gcs: ['prefix'],
  azurerm: ['key'],
  remote: ['workspaces', 'name'],
  cloud: ['workspaces', 'name'],
  pg: ['schemaName'],
};

/**
 * Every shard has its own state. A backend setting without "{stack}" would point all of an
 * environment's stacks at ONE state, and each apply would then plan to delete the others' apps.
 */
const check: EnvironmentsCheck = ({ environments }) => {
  const findings: Finding[] = [];
  for (const [env, { backend }] of Object.entries(environments)) {
    const setting = STATE_NAME_SETTING[backend.type];
    const value = setting.reduce<unknown>(
      (v, k) => (v && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined),
      backend.config,
    );
    // Without a path, local states are named after each stack (terraform.<stack>.tfstate).
    if (backend.type === 'local' && value === undefined) continue;
    if (typeof value !== 'string') {
      findings.push({
        path: ['environments', env, 'backend', ...(backend.config ? ['config'] : [])],
        message: `backend.config.${setting.join('.')} must name each stack's state with "{stack}" (e.g. "okta/{stack}"), but got ${value === undefined ? 'nothing' : 'no text'}: without it every stack of "${env}" would share one state`,
      });
    } else if (!value.includes('{stack}')) {
      findings.push({
        path: ['environments', env, 'backend', 'config', ...setting],
        message: `backend.config.${setting.join('.')} must contain "{stack}" so each stack of "${env}" has its own state, but got "${value}": for example "${value.replace(/(\.tfstate)?$/, '-{stack}$1')}"`,
      });
    }
  }
  return findings;
};

export const backendsSeparateStacks: EnvironmentsRule = {
  id: 'backends-separate-stacks',
  scope: 'environments',
  level: 'error',
  configurable: false,
  title: 'Every stack has its own state',
  explanation:
    "Every backend setting that names a state (a local `path`, an S3 `key`, …) contains `{stack}`. Without it all stacks of an environment would share one state, and each apply would plan to delete the other stacks' apps.",
  check,
};
