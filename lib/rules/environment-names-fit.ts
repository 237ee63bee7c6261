import { EnvironmentName } from '../model/allowlist-file';
import { EnvironmentsRule, Finding } from './rule';

/** The longest environment name allow-list files can write (in "environments", "importIds", "retire"). */
export const MAX_ENVIRONMENT_NAME = EnvironmentName.maxLength as number;

/** The schema checks record keys against the name pattern only; the length is checked here. */
export const environmentNamesFit: EnvironmentsRule = ({ environments }) =>
  Object.keys(environments)
    .filter((env) => env.length > MAX_ENVIRONMENT_NAME)
    .map((env): Finding => ({
      path: ['environments', env],
      message: `an environment name must be at most ${MAX_ENVIRONMENT_NAME} characters, but "${env}" has ${env.length}: allow-list files could not name it. Use a shorter name`,
    }));
