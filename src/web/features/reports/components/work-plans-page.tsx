/**
 * 年度工作计划 (/work-plans): a county government's reporter opens the year's plan (三(一): each
 * 市(区) turns the city milestones of its tasks into actions and shares of the city targets);
 * the plan office finds the plans submitted to it in its messages; everyone with access goes on
 * to the coverage view.
 */
import { FolderOpenOutlined, PieChartOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorResult, Loading } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { LinkButton } from '../../../components/link-button.js';
import { PageHeader } from '../../../components/page-header.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { openWorkPlan, useInbox, workPlanKey } from '../api/reports.api.js';
import { useSession } from '../hooks/use-session.js';
import { useUnitTasks } from '../hooks/use-unit-tasks.js';
import { defaultYear, pickerYears } from './period-picker.js';

function YearSelect({ years, value, onChange, testId }: { years: number[]; value: number; onChange: (y: number) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={t('reports.pick.year')}
      value={value}
      onChange={onChange}
      options={years.map((y) => ({ value: y, label: t('common.yearSuffix', { year: y }) }))}
      style={{ width: 120 }}
      data-testid={testId}
    />
  );
}

function OpenWorkPlan({ planId, years, csrf }: { planId: number; years: number[]; csrf: string | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [year, setYear] = useState(() => defaultYear(years));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card size="small" title={t('workPlans.openTitle')} data-testid="open-work-plan">
      <Flex gap={8} align="center" wrap>
        <YearSelect years={pickerYears(years)} value={year} onChange={setYear} testId="work-plan-year" />
        <Button
          type="primary"
          icon={<FolderOpenOutlined />}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              const wp = await openWorkPlan(planId, year, csrf);
              queryClient.setQueryData(workPlanKey(wp.id), wp);
              void navigate(`/work-plans/${wp.id}`);
            } catch (e) {
              setError(errorMessage(e as Error));
            } finally {
              setBusy(false);
            }
          }}
          data-testid="work-plan-open"
        >
          {t('workPlans.open')}
        </Button>
      </Flex>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('workPlans.openHint')}
      </Typography.Paragraph>
    </Card>
  );
}

/** Work plans the plan office was told about (站内消息 carry their links). */
function SubmittedPlans() {
  const { t } = useI18n();
  const inbox = useInbox();
  const items = (inbox.data?.items ?? []).filter((i) => i.kind === 'workPlan.decide' && i.link?.startsWith('/work-plans/'));
  return (
    <Card size="small" title={t('workPlans.submittedTitle')} data-testid="submitted-work-plans">
      {inbox.isLoading ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workPlans.submittedEmpty')} />
      ) : (
        <Flex vertical gap={6}>
          {items.map((i) => (
            <Flex key={i.id} justify="space-between" gap={8}>
              <Link to={i.link!}>{i.title}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(i.createdAt)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

export function WorkPlansPage() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSession();
  const unitTasks = useUnitTasks(plan.id, session.unitName);
  const planYears = [...new Set([...unitTasks.byNo.values()].flatMap((x) => x.years))];
  const [coverageYear, setCoverageYear] = useState<number | null>(null);
  const year = coverageYear ?? defaultYear(planYears);

  if (session.loading || unitTasks.loading) return <Loading />;
  if (!session.signedIn) return <ErrorResult error={new ApiClientError(401, 'UNAUTHENTICATED', t('reports.signInFirst'))} />;
  const county = unitTasks.unit?.kind === 'countyGovernment';
  return (
    <>
      <PageHeader title={t('nav.workPlans')} subtitle={t('workPlans.subtitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {session.can('report:write') ? (
          county ? (
            <OpenWorkPlan planId={plan.id} years={planYears} csrf={session.csrf} />
          ) : (
            <Alert type="info" showIcon title={t('workPlans.countiesOnly', { unit: session.unitName ?? '' })} />
          )
        ) : null}
        {session.can('report:decide') ? <SubmittedPlans /> : null}
        <Card size="small" title={t('nav.coverage')}>
          <Flex gap={8} align="center" wrap>
            <YearSelect years={pickerYears(planYears)} value={year} onChange={setCoverageYear} testId="coverage-year-pick" />
            <LinkButton type="primary" icon={<PieChartOutlined />} to={`/work-plans/coverage?year=${year}`} data-testid="coverage-link">
              {t('workPlans.viewCoverage')}
            </LinkButton>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
            {t('workPlans.coverageHint')}
          </Typography.Paragraph>
        </Card>
      </Space>
    </>
  );
}
