/**
 * Year + reporting period selects (GET /plans/:planId/periods?year=). Each period shows its
 * working-day deadline; periods past their lock date are marked — opening one needs the plan
 * office to grant the unit an exception (补报).
 */
import { Flex, Select, Tag } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { usePeriods } from '../api/reports.api.js';
import { endedPeriods, periodText } from '../utils/period-text.js';
import { chinaToday } from '../utils/todo-groups.js';

export interface PeriodValue {
  year: number;
  period: string | null;
}

/** Years a picker offers: the given years and the current one, ascending. */
export function pickerYears(years: readonly number[], today = chinaToday()): number[] {
  const current = Number(today.slice(0, 4));
  return [...new Set([...years, current])].sort((a, b) => a - b);
}

/** The year to start on: the latest of `years` not after this year (the plan's content years end in 2022). */
export function defaultYear(years: readonly number[], today = chinaToday()): number {
  const current = Number(today.slice(0, 4));
  const past = years.filter((y) => y <= current);
  return past.length ? Math.max(...past) : current;
}

export function PeriodPicker({ planId, years, value, onChange, disabled }: { planId: number; years: number[]; value: PeriodValue; onChange: (v: PeriodValue) => void; disabled?: boolean }) {
  const { t, lang } = useI18n();
  const periods = usePeriods(planId, value.year);
  const today = chinaToday();
  const items = periods.data?.items ?? [];

  // Start on the latest period that has ended (the one due now), once the year's periods arrive.
  useEffect(() => {
    if (value.period !== null || items.length === 0) return;
    const ended = endedPeriods(items, today);
    onChange({ year: value.year, period: (ended.at(-1) ?? items[0]!).code });
  }, [items, value, onChange, today]);

  return (
    <Flex gap={8} wrap>
      <Select
        aria-label={t('reports.pick.year')}
        value={value.year}
        onChange={(year: number) => onChange({ year, period: null })}
        options={years.map((y) => ({ value: y, label: t('common.yearSuffix', { year: y }) }))}
        style={{ width: 120 }}
        disabled={disabled}
        data-testid="pick-year"
      />
      <Select
        aria-label={t('reports.pick.period')}
        value={value.period ?? undefined}
        loading={periods.isLoading}
        onChange={(period: string) => onChange({ year: value.year, period })}
        style={{ width: 300 }}
        disabled={disabled}
        data-testid="pick-period"
        optionLabelProp="title"
        options={items.map((p) => ({
          value: p.code,
          title: periodText(p.code, lang),
          label: (
            <Flex justify="space-between" gap={8}>
              <span>{periodText(p.code, lang)}</span>
              <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
                {t('reports.dueOn', { date: p.dueDate })}
                {p.lockDate < today ? (
                  <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0 }} variant="filled">
                    {t('reports.locked')}
                  </Tag>
                ) : null}
              </span>
            </Flex>
          ),
        }))}
      />
    </Flex>
  );
}
