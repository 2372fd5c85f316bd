/**
 * 进展报告 (/reports): open a report (task the unit leads + period), go to the contribution
 * form for tasks the unit cooperates on, and the list of reports the user may see — the unit's
 * own, or for the plan office and leaders every report past draft.
 */
import { TeamOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ReportStatus } from '../../../../shared/api/report-api.js';
import { AsyncContent, ErrorResult, Loading } from '../../../components/async-content.js';
import { LinkButton } from '../../../components/link-button.js';
import { PageHeader } from '../../../components/page-header.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useReports } from '../api/reports.api.js';
import { useSession } from '../hooks/use-session.js';
import { useUnitTasks } from '../hooks/use-unit-tasks.js';
import { OpenReportForm } from './open-report-form.js';
import { OfflineExcelCard } from './offline-excel-card.js';
import { ReportTable } from './report-table.js';

const STATUSES: ReportStatus[] = ['draft', 'submitted', 'approved', 'accepted', 'returned'];

/** 离线填报 opens on demand, so the page shows one period picker at a time. */
function OfflineExcel({ planId, csrf }: { planId: number; csrf: string | null }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return open ? (
    <OfflineExcelCard planId={planId} csrf={csrf} />
  ) : (
    <Button onClick={() => setOpen(true)} data-testid="offline-open">
      {t('reports.offline.title')}
    </Button>
  );
}

export function ReportsPage() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const unitTasks = useUnitTasks(plan.id, session.unitName);
  const reports = useReports(plan.id, { status }, session.signedIn);

  if (session.loading) return <Loading />;
  if (!session.signedIn) return <ErrorResult error={new ApiClientError(401, 'UNAUTHENTICATED', t('reports.signInFirst'))} />;
  const writer = session.can('report:write') && !!session.unitName;
  const initialTask = Number(params.get('task')) || undefined;

  return (
    <>
      <PageHeader
        title={t('nav.reports')}
        subtitle={session.unitName ? t('reports.subtitleUnit', { unit: session.unitName }) : t('reports.subtitle')}
        extra={
          writer && unitTasks.cooperates.length ? (
            <LinkButton to="/contributions" icon={<TeamOutlined />} data-testid="contribution-link">
              {t('nav.contribution')}
            </LinkButton>
          ) : null
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {writer ? (
          unitTasks.loading ? (
            <Loading />
          ) : (
            <OpenReportForm planId={plan.id} tasks={unitTasks.leads} csrf={session.csrf} initialTask={initialTask} />
          )
        ) : null}
        {writer ? <OfflineExcel planId={plan.id} csrf={session.csrf} /> : null}
        <Card
          size="small"
          title={t('reports.list')}
          extra={
            <Flex gap={8} align="center">
              <Select
                allowClear
                placeholder={t('reports.col.status')}
                value={status}
                onChange={(v: ReportStatus | undefined) => {
                  const next = new URLSearchParams(params);
                  if (v) next.set('status', v);
                  else next.delete('status');
                  setParams(next, { replace: true });
                }}
                options={STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))}
                style={{ width: 150 }}
                data-testid="status-filter"
              />
            </Flex>
          }
        >
          <AsyncContent query={reports}>{(rows) => <ReportTable rows={rows} emptyText={t('reports.none')} />}</AsyncContent>
        </Card>
      </Space>
    </>
  );
}
