/** How a field's problem reads: our own check (translated) or the server's message as it came. */
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import type { FieldIssue } from '../utils/report-draft.js';

/** Form.Item props for a field with (or without) an issue. */
export function useFieldHelp(): (issue: FieldIssue | undefined, testId: string) => { validateStatus?: 'error'; help?: React.ReactNode } {
  const { t } = useI18n();
  return (issue, testId) => {
    if (!issue) return {};
    const text = issue.source === 'server' ? issue.message : t(`reports.problem.${issue.problem}`, { unit: issue.unit ?? '' });
    return {
      validateStatus: 'error',
      help: (
        <span data-testid={testId} data-source={issue.source}>
          {text}
        </span>
      ),
    };
  };
}
