/**
 * The frame of every assessment page: sign-in / permission gate, title with the 模拟数据 badge,
 * the year (from /years) and the section tabs 考核结果 · 考核方案 · 考核数据 · 指标库.
 */
import { Flex, Segmented, Select, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { DemoBadge } from '../../cockpit/components/demo-badge.js';
import { PageGate } from '../../cockpit/components/page-gate.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useAssessmentYears } from '../api/assessment.api.js';

export type Section = 'results' | 'scheme' | 'values' | 'indicators';

/** Where a section lives for a year. */
export function sectionPath(section: Section, year: number | null): string {
  if (section === 'indicators') return '/assessment/indicators';
  if (section === 'results' || year === null) return year === null ? '/assessment' : `/assessment?year=${year}`;
  return `/assessment/${year}/${section}`;
}

function SectionTabs({ section, year }: { section: Section; year: number | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Segmented<Section>
      value={section}
      data-testid="assessment-tabs"
      onChange={(next) => void navigate(sectionPath(next, year))}
      options={[
        { value: 'results', label: t('assessment.tab.results') },
        { value: 'scheme', label: t('assessment.tab.scheme') },
        { value: 'values', label: t('assessment.tab.values') },
        { value: 'indicators', label: t('assessment.tab.indicators') },
      ]}
    />
  );
}

/** Year picker fed by /years; a year's status shows beside it. */
export function AssessmentYearSelect({ year, onChange }: { year: number | null; onChange: (year: number) => void }) {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const years = useAssessmentYears(plan.id);
  const items = years.data ?? (year === null ? [] : [{ year, status: 'none' as const, version: 0, values: 0 }]);
  const current = items.find((i) => i.year === year);
  return (
    <Flex gap={8} align="center">
      <Select
        value={year ?? undefined}
        onChange={onChange}
        loading={years.isLoading}
        style={{ width: 110 }}
        aria-label={t('assessment.year')}
        data-testid="assessment-year"
        options={items.map((i) => ({ value: i.year, label: t('common.yearSuffix', { year: i.year }) }))}
      />
      {current?.status === 'published' ? (
        <Tag color="green" data-testid="year-status">
          {t('assessment.status.published')}
        </Tag>
      ) : current?.status === 'draft' ? (
        <Tag color="blue" data-testid="year-status">
          {t('assessment.status.draft')}
        </Tag>
      ) : null}
    </Flex>
  );
}

export function AssessmentShell({
  section,
  year,
  onYear,
  title,
  subtitle,
  extra,
  children,
  permission = 'assessment:read',
  testId,
}: {
  section: Section;
  year: number | null;
  /** Absent: the page has no year (指标库). */
  onYear?: (year: number) => void;
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  permission?: 'assessment:read' | 'assessment:manage';
  /** data-testid of the page (default assessment-<section>-page). */
  testId?: string;
}) {
  return (
    <PageGate permission={permission}>
      <div data-testid={testId ?? `assessment-${section}-page`}>
        <PageHeader
          title={
            <Flex gap={10} align="center" wrap>
              <span>{title}</span>
              <DemoBadge />
            </Flex>
          }
          subtitle={subtitle}
          extra={extra}
        >
          <Flex gap={12} align="center" wrap style={{ marginTop: 12 }}>
            <SectionTabs section={section} year={year} />
            {onYear ? <AssessmentYearSelect year={year} onChange={onYear} /> : null}
          </Flex>
        </PageHeader>
        {children}
      </div>
    </PageGate>
  );
}
