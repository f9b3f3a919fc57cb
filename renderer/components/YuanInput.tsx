import { Input } from 'antd';
import { useState } from 'react';
import { parseYuan } from '../../shared/money';
import { plainYuan } from '../app/money';

type Props = {
  value?: number | null;
  onChange?: (fen: number | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
};

/**
 * Typed as yuan ("300", "12.5"), held as integer fen: the form's value is what the contract wants.
 * Text that is not an amount gives NaN, which the form's rule reports.
 */
export function YuanInput({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(value == null ? '' : plainYuan(value));
  return (
    <Input
      {...rest}
      prefix="¥"
      inputMode="decimal"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const trimmed = event.target.value.trim();
        onChange?.(trimmed === '' ? null : (parseYuan(trimmed) ?? Number.NaN));
      }}
    />
  );
}

export const yuanRule = (message: string) => ({
  validator: async (_rule: unknown, value: number | null | undefined) => {
    if (value !== null && value !== undefined && Number.isNaN(value)) throw new Error(message);
  },
});
