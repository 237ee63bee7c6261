import { EnvironmentName } from '../model/allowlist-file';
import { EnvironmentsCheck, EnvironmentsRule, Finding } from './rule';

/** The longest environment name allow-list files can write (in "environments", "importIds", "retire"). */
export const MAX_ENVIRONMENT_NAME = EnvironmentName.maxLength as number;

/** The schema checks record keys against the name pattern only; the length is checked here. */
const check: EnvironmentsCheck = ({ environments }) =>
  Object.keys(environments)
    .filter((env) => env.length > MAX_ENVIRONMENT_NAME)
    .map((env): Finding => ({
      path: ['environments', env],
      message: `an environment name must be at most ${MAX_ENVIRONMENT_NAME} characters, but "${env}" has ${env.length}: allow-list files could not name it. Use a shorter name`,
    }));

export const environmentNamesFit: EnvironmentsRule = {
  id: 'environment-names-fit',
  scope: 'environments',
  level: 'error',
  configurable: false,
  title: 'Environment names fit allow-list files',
  explanation:
    'Allow-list files name environments in `environments`, `importIds` and `retire`, whose names are at most 32 characters: a longer environment name could not be written there.',
  check,
};
