/** How an error reads to the user (shared by Result pages and background toasts). */
import { useCallback } from 'react';
import { ApiClientError } from '../lib/api-client.js';
import { useI18n } from '../lib/i18n/i18n-context.js';

/** The message to show for an error: the server's Chinese message, or a localised client one. */
export function useErrorMessage(): (error: Error) => string {
  const { t } = useI18n();
  return useCallback(
    (error: Error) => {
    if (error instanceof ApiClientError) {
      if (error.code === 'network') return t('app.networkError');
      if (error.code === 'badResponse' && error.status === 0) return t('app.badResponse');
      return error.message;
    }
    return error.message;
    },
    [t],
  );
}
