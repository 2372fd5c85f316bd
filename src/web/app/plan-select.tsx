/** Plan picker for the header, shown only when several plans exist (lazy: antd Select is large). */
import { Select } from 'antd';
import type { PlanSummary } from '../../shared/api/plan-api.js';
import { useI18n } from '../lib/i18n/i18n-context.js';

/** Select of all plans, newest first. */
export function PlanSelect({ plans, value, onChange }: { plans: PlanSummary[]; value: number; onChange: (id: number) => void }) {
  const { t } = useI18n();
  const sorted = [...plans].sort((a, b) => b.id - a.id);
  return (
    <Select
      aria-label={t('app.plan')}
      value={value}
      onChange={onChange}
      style={{ minWidth: 280, maxWidth: 560, width: '100%' }}
      options={sorted.map((p) => ({ value: p.id, label: `${p.title}（${p.code}，${t('app.planVersion', { version: p.version })}）` }))}
      data-testid="plan-select"
    />
  );
}
