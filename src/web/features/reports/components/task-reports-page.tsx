/**
 * 任务报告记录 (/tasks/:no/reports): every report on a task the user may see, across periods and
 * units — newest period first, revisions in order — with status and dates.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useParams } from 'react-router';
import { AsyncContent, ErrorResult } from '../../../components/async-content.js';
import { LinkButton } from '../../../components/link-button.js';
import { PageHeader } from '../../../components/page-header.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useTask } from '../../tasks/api/tasks.api.js';
import { useReports } from '../api/reports.api.js';
import { useSession } from '../hooks/use-session.js';
import { sortTimeline } from '../utils/timeline.js';
import { ReportTable } from './report-table.js';

export function TaskReportsPage() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSession();
  const params = useParams();
  const no = /^\d+$/.test(params.no ?? '') ? Number(params.no) : NaN;
  const valid = Number.isSafeInteger(no) && no > 0;
  const task = useTask(plan.id, valid ? no : 0, valid);
  const reports = useReports(plan.id, { taskNo: valid ? no : undefined }, valid);
  if (!valid) return <ErrorResult error={new ApiClientError(404, 'notFound', `任务编号“${params.no ?? ''}”无效`)} />;
  const title = task.data ? t('reports.taskLabel', { no, title: task.data.title }) : t('reports.taskNo', { no });
  return (
    <>
      <PageHeader
        title={<span data-testid="task-reports-title">{t('taskReports.title', { task: title })}</span>}
        subtitle={session.can('report:decide') || !session.unitName ? t('taskReports.subtitleAll') : t('taskReports.subtitleUnit', { unit: session.unitName })}
        extra={
          <LinkButton to={`/tasks/${no}`} icon={<ArrowLeftOutlined />}>
            {t('taskReports.backToTask')}
          </LinkButton>
        }
      />
      <Card size="small">
        <AsyncContent query={reports}>
          {(rows) => <ReportTable rows={sortTimeline(rows)} columns={['period', 'unit', 'revision', 'status', 'percent', 'submittedAt', 'updatedAt']} testId="task-reports-table" emptyText={t('taskReports.empty')} />}
        </AsyncContent>
      </Card>
    </>
  );
}
