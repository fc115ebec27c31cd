// Splits an API error into messages under the form's fields and one general message at the top
// (for errors that name no field of this form, e.g. a lost connection or a refused permission).
import { ApiError } from '../../api/client';
import { useErrorText, useLang } from '../../i18n';

export interface FormErrors {
  field(key: string): string | undefined;
  general: string | null;
}

const matches = (path: string, key: string) => path === key || path.endsWith(`.${key}`);

export function useFormErrors(error: unknown, shownFields: readonly string[]): FormErrors {
  const { lang } = useLang();
  const errorText = useErrorText();
  if (!error) return { field: () => undefined, general: null };
  const apiError = error instanceof ApiError ? error : null;
  const issues = apiError?.payload.issues ?? [];
  const uncovered = issues.filter((issue) => !shownFields.some((key) => matches(issue.field, key)));
  const general =
    issues.length === 0
      ? errorText(error)
      : uncovered.length
        ? uncovered.map((issue) => (lang === 'zh' ? issue.message : issue.messageEn)).join(lang === 'zh' ? '；' : '; ')
        : null;
  return { field: (key) => apiError?.fieldMessage(key, lang), general };
}
