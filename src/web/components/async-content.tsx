/** Loading / error states of a query, shown the same way on every page (antd Spin / Result). */
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentProps, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n-context.js';

const LazyErrorResult = lazy(() => import('./error-result.js').then((m) => ({ default: m.ErrorResult })));
const LazyStatusResult = lazy(() => import('./error-result.js').then((m) => ({ default: m.StatusResult })));

/** Error Result (lazy chunk). */
export function ErrorResult(props: ComponentProps<typeof LazyErrorResult>) {
  return (
    <Suspense fallback={null}>
      <LazyErrorResult {...props} />
    </Suspense>
  );
}

/** Generic Result (lazy chunk). */
export function StatusResult(props: ComponentProps<typeof LazyStatusResult>) {
  return (
    <Suspense fallback={null}>
      <LazyStatusResult {...props} />
    </Suspense>
  );
}

/** A centred spinner with "加载中…". */
export function Loading() {
  const { t } = useI18n();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin size="large" />
      <div style={{ marginTop: 12, color: 'rgba(0,0,0,0.45)' }}>{t('app.loading')}</div>
    </div>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: Error | null;
  refetch: () => unknown;
}

/** Renders `children(data)` once the query has data; a spinner or an error Result before that. */
export function AsyncContent<T>({ query, children }: { query: QueryLike<T>; children: (data: T) => ReactNode }) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ErrorResult error={query.error} onRetry={query.refetch} />;
  return <Loading />;
}
