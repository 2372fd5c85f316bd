/** The plan year (2020–2022 for the bundled plan), kept in the address as ?year=. */
import { Select } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { DEFAULT_YEAR, parseYear, YEARS } from '../utils/years.js';

/** The year in the address (default 2022) and a setter that keeps other parameters. */
export function useYearParam(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year'));
  const setYear = useCallback(
    (next: number) =>
      setParams(
        (prev) => {
          const copy = new URLSearchParams(prev);
          if (next === DEFAULT_YEAR) copy.delete('year');
          else copy.set('year', String(next));
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [year, setYear];
}

export function YearSelect({ year, onChange, size }: { year: number; onChange: (year: number) => void; size?: 'middle' | 'large' }) {
  const { t } = useI18n();
  return (
    <Select
      value={year}
      onChange={onChange}
      size={size}
      style={{ width: size === 'large' ? 130 : 110 }}
      aria-label={t('cockpit.year')}
      data-testid="year-select"
      options={YEARS.map((y) => ({ value: y, label: t('common.yearSuffix', { year: y }) }))}
    />
  );
}
