import { Input, type InputRef } from 'antd';
import { forwardRef, type ComponentProps } from 'react';

/** A masked, digits-only PIN field (numeric keypad on touch screens, no browser autofill). */
export const PinInput = forwardRef<InputRef, ComponentProps<typeof Input.Password>>(
  function PinInput(props, ref) {
    return <Input.Password ref={ref} inputMode="numeric" autoComplete="off" maxLength={8} {...props} />;
  },
);
