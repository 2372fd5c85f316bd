/** Filter bar of /tasks; every control writes to the URL query string via useTaskFilters. */
import { ClearOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { PlanDetail, TaskQuery, UnitView, ZonesResponse } from '../../../../shared/api/plan-api.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { countTaskFilters } from '../utils/task-filters.js';

const UNIT_KINDS = ['municipalDepartment', 'partyBody', 'countyGovernment', 'other'] as const;

export interface TaskFilterOptions {
  plan?: PlanDetail;
  zones?: ZonesResponse;
  units?: UnitView[];
  years: number[];
}

/** Category, zone, county, unit (+ role), year and text search. */
export function TaskFilters({
  filters,
  onChange,
  onReset,
  options,
}: {
  filters: TaskQuery;
  onChange: (change: Partial<TaskQuery>) => void;
  onReset: () => void;
  options: TaskFilterOptions;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);

  const selectStyle = { width: 130 };
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="task-filters">
      <Select
        allowClear
        style={{ width: 200 }}
        placeholder={t('tasks.filter.category')}
        aria-label={t('tasks.filter.category')}
        value={filters.category}
        onChange={(category?: number) => onChange({ category })}
        options={options.plan?.categories.map((c) => ({ value: c.no, label: `${c.numeral}、${c.title}` }))}
        data-testid="filter-category"
      />
      <Select
        allowClear
        style={selectStyle}
        placeholder={t('tasks.filter.zone')}
        aria-label={t('tasks.filter.zone')}
        value={filters.zone}
        onChange={(zone?: TaskQuery['zone']) => onChange({ zone })}
        options={options.zones?.zones.map((z) => ({ value: z.code, label: z.name }))}
        data-testid="filter-zone"
      />
      <Select
        allowClear
        style={{ width: 110 }}
        placeholder={t('tasks.filter.county')}
        aria-label={t('tasks.filter.county')}
        value={filters.county}
        onChange={(county?: string) => onChange({ county })}
        options={options.zones?.counties.map((c) => ({ value: c.name, label: c.name }))}
        data-testid="filter-county"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 190 }}
        popupMatchSelectWidth={260}
        placeholder={t('tasks.filter.unit')}
        aria-label={t('tasks.filter.unit')}
        value={filters.unit}
        onChange={(unit?: string) => onChange({ unit })}
        options={UNIT_KINDS.map((kind) => ({
          label: t(`unitKind.${kind}`),
          title: t(`unitKind.${kind}`),
          options: (options.units ?? []).filter((u) => u.kind === kind).map((u) => ({ value: u.name, label: u.name })),
        })).filter((group) => group.options.length > 0)}
        data-testid="filter-unit"
      />
      <Select
        allowClear
        style={{ width: 104 }}
        placeholder={t('tasks.filter.role')}
        aria-label={t('tasks.filter.role')}
        title={!filters.unit && !filters.county ? t('tasks.filter.roleHint') : undefined}
        disabled={!filters.unit && !filters.county}
        value={filters.role}
        onChange={(role?: TaskQuery['role']) => onChange({ role })}
        options={[
          { value: 'lead', label: t('role.lead') },
          { value: 'cooperate', label: t('role.cooperate') },
        ]}
        data-testid="filter-role"
      />
      <Select
        allowClear
        style={{ width: 96 }}
        placeholder={t('tasks.filter.year')}
        aria-label={t('tasks.filter.year')}
        value={filters.year}
        onChange={(year?: number) => onChange({ year })}
        options={options.years.map((year) => ({ value: year, label: String(year) }))}
        data-testid="filter-year"
      />
      <Input.Search
        allowClear
        style={{ width: 240 }}
        placeholder={t('tasks.filter.q')}
        aria-label={t('tasks.filter.q')}
        value={text}
        maxLength={100}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        data-testid="filter-q"
      />
      {countTaskFilters(filters) > 0 ? (
        <Button icon={<ClearOutlined />} onClick={onReset} data-testid="filter-reset">
          {t('tasks.filter.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
