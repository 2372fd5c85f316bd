/** React Query defaults: plan data changes only on import, so cache generously; never retry 4xx. */
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiClientError } from './api-client.js';

type BackgroundErrorListener = (error: Error) => void;
let backgroundErrorListener: BackgroundErrorListener | null = null;

/** The layout registers a listener that shows failed background refreshes with antd `message`. */
export function onBackgroundQueryError(listener: BackgroundErrorListener | null): void {
  backgroundErrorListener = listener;
}

/** A QueryClient with the app's defaults. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // First loads show an antd Result in the page; only refreshes of shown data need a toast.
        if (query.state.data !== undefined) backgroundErrorListener?.(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(error instanceof ApiClientError && error.isClientError) && failureCount < 2,
      },
    },
  });
}
