import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/result';
import { useErrorText } from '../../app/useErrorText';
import { showFieldErrors } from '../../components/formErrors';

/** Reports a save: a "Saved" toast, or the translated error with the rejected fields marked. */
export function useSaveMessage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  return <T>(result: Result<T>, form?: FormInstance): result is { ok: true; value: T } => {
    if (result.ok) {
      void message.success(t('settings.saved'));
      return true;
    }
    if (form) showFieldErrors(form, result.error, t);
    void message.error(errorText(result.error));
    return false;
  };
}
