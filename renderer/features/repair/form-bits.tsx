import { Form, Input } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import { useTranslation } from 'react-i18next';

/** A text area that sends its form on Ctrl+Enter (Enter alone starts a new line). */
export function SendingTextArea(props: TextAreaProps) {
  const form = Form.useFormInstance();
  return (
    <Input.TextArea
      autoSize={{ minRows: 2, maxRows: 6 }}
      {...props}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          form.submit();
        }
      }}
    />
  );
}

/** The note of a step; required (with the core's own rule) where the move needs one. */
export function NoteField({ required, autoFocus }: { required?: boolean; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="note"
      label={required ? t('workflow.fields.reasonNote') : t('workflow.fields.note')}
      rules={
        required ? [{ required: true, whitespace: true, message: t('fieldErrors.reason_required') }] : []
      }
    >
      <Input maxLength={200} autoFocus={autoFocus} />
    </Form.Item>
  );
}
