import { ALPHANUMERIC, SeededRandom } from './random';

/** Shares of the pool with the forms that stress escaping and lookups; the rest are plain names. */
const ID_SHARE = 0.1;
const QUOTED_SHARE = 0.04;
const NON_ASCII_SHARE = 0.08;
const TEMPLATE_LOOKALIKE_SHARE = 0.01;

const DEPARTMENTS = ['Finance', 'Engineering', 'Sales', 'Support', 'Payroll', 'IT', 'Legal', 'Marketing', 'People Ops', 'Security'];
const ROLES = ['Users', 'Admins', 'Approvers', 'Readers', 'Leads', 'Contractors'];
const NON_ASCII = ['Équipe Finance', 'Größe Vertrieb', 'Ventas España', '営業部', 'Отдел кадров', 'Ægir Drift', 'Zespół Łódź'];
/** Group IDs end in the 5-digit running number, which keeps them unique. */
const MAX_POOL_SIZE = 100_000;

/**
 * `size` distinct allow-list entries as an Okta org holds them: mostly group names with spaces,
 * some group IDs (00g + 17 characters), some names with double quotes, non-ASCII letters or a
 * literal `${`. A running number keeps every entry unique.
 */
export function groupPool(size: number, random: SeededRandom): string[] {
  if (size > MAX_POOL_SIZE) throw new Error(`the group pool must hold at most ${MAX_POOL_SIZE} groups, but got ${size}`);
  const pool: string[] = [];
  for (let index = 0; index < size; index++) {
    const number = String(index).padStart(4, '0');
    const department = random.pick(DEPARTMENTS);
    const role = random.pick(ROLES);
    pool.push(
      random.weighted<() => string>([
        [() => `00g${random.text(ALPHANUMERIC, 12)}${String(index).padStart(5, '0')}`, ID_SHARE],
        [() => `${department} "${role}" ${number}`, QUOTED_SHARE],
        [() => `${random.pick(NON_ASCII)} ${role} ${number}`, NON_ASCII_SHARE],
        [() => `${department} \${cost-center} ${number}`, TEMPLATE_LOOKALIKE_SHARE],
        [() => `${department} ${role} ${number}`, 1 - ID_SHARE - QUOTED_SHARE - NON_ASCII_SHARE - TEMPLATE_LOOKALIKE_SHARE],
      ])(),
    );
  }
  return pool;
}
