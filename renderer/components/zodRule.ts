import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

/**
 * An Ant Design form rule from a contract schema, so the form checks exactly what the core will
 * (the schema's message is a `fieldErrors` code).
 */
export const zodRule = (schema: z.ZodType, t: TFunction): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === '') return; // emptiness is the `required` rule's job
    const result = schema.safeParse(value);
    if (!result.success) {
      const code = result.error.issues[0]?.message ?? 'invalid';
      throw new Error(t(`fieldErrors.${code}`, { defaultValue: t('fieldErrors.invalid') }));
    }
  },
});
