/** 模拟数据: every page of a demo database says so, above the content. */
import { useQuery } from '@tanstack/react-query';
import type { Health } from '../../shared/api/plan-api.js';
import { useI18n } from '../lib/i18n/i18n-context.js';

/** GET /api/health (outside /api/v1). */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: async ({ signal }): Promise<Health> => {
      const res = await fetch('/api/health', { signal, headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return (await res.json()) as Health;
    },
    staleTime: 10 * 60_000,
  });
}

export function DemoBanner() {
  const { t } = useI18n();
  const health = useHealth();
  if (!health.data?.demo) return null;
  return (
    <div
      role="status"
      data-testid="demo-banner"
      style={{ background: '#fff7e6', borderBottom: '1px solid #ffd591', color: '#ad4e00', padding: '6px 16px', fontSize: 13, textAlign: 'center' }}
    >
      <strong style={{ marginRight: 12 }}>{t('app.demo')}</strong>
      {t('app.demoHint')}
    </div>
  );
}
