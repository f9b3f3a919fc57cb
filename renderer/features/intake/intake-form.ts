import type { FormInstance } from 'antd';
import type { InputOf } from '../../../shared/contract';

/** The form holds the contract's input, plus two UI-only fields. */
type Deposit = NonNullable<InputOf<'tickets.create'>['deposit']>;

export type IntakeForm = Omit<InputOf<'tickets.create'>, 'idempotencyKey' | 'condition' | 'deposit'> & {
  /** An empty amount means no deposit. */
  deposit?: { amountFen?: number | null; method?: Deposit['method'] };
  /** Checklist items found damaged; the rest are recorded as fine once the clerk confirms the check. */
  damaged?: string[];
  conditionChecked?: boolean;
};

export type IntakeFormInstance = FormInstance<IntakeForm>;

/** The contract input from what the form holds. */
export function toIntakeInput(
  values: IntakeForm,
  checklist: string[],
  idempotencyKey: string,
): InputOf<'tickets.create'> {
  const { damaged = [], conditionChecked, deposit, customer, ...rest } = values;
  const condition = conditionChecked
    ? Object.fromEntries(checklist.map((key) => [key, damaged.includes(key) ? 'damaged' : 'ok'] as const))
    : {};
  return {
    ...rest,
    idempotencyKey,
    customer: { ...customer, phones: customer.phones.filter((phone) => phone && phone.trim() !== '') },
    condition,
    deposit: deposit?.amountFen ? { amountFen: deposit.amountFen, method: deposit.method ?? 'cash' } : null,
  };
}

/** Where a field the core rejected sits on this form, when it is not at the same path. */
export const formPathOf = (field: string): string => ({ condition: 'conditionChecked' })[field] ?? field;
