/**
 * 审核 (/reviews): the unit head's queue (the unit's submitted reports, to approve or return) and
 * the plan office's (reports approved by their units, to accept or return).
 */
import { Card, Flex } from 'antd';
import { AsyncContent, ErrorResult, Loading, StatusResult } from '../../../components/async-content.js';
import { PageHeader } from '../../../components/page-header.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useReports } from '../api/reports.api.js';
import { useSession } from '../hooks/use-session.js';
import { ReportTable } from './report-table.js';

export function ReviewsPage() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSession();
  const head = session.can('report:approve');
  const office = session.can('report:decide');
  const submitted = useReports(plan.id, { status: 'submitted' }, head);
  const approved = useReports(plan.id, { status: 'approved' }, office);

  if (session.loading) return <Loading />;
  if (!session.signedIn) return <ErrorResult error={new ApiClientError(401, 'UNAUTHENTICATED', t('reports.signInFirst'))} />;
  return (
    <>
      <PageHeader title={t('nav.reviews')} subtitle={t('reviews.subtitle')} />
      {!head && !office ? <StatusResult status="info" title={t('reviews.none')} /> : null}
      <Flex vertical gap={16}>
        {head ? (
          <Card size="small" title={t('reviews.head', { unit: session.unitName ?? '' })} data-testid="review-queue-head">
            <AsyncContent query={submitted}>
              {(rows) => <ReportTable rows={rows} columns={['task', 'period', 'revision', 'status', 'percent', 'submittedAt']} actionKey="reports.review" testId="review-table-head" emptyText={t('reviews.emptyHead')} />}
            </AsyncContent>
          </Card>
        ) : null}
        {office ? (
          <Card size="small" title={t('reviews.office')} data-testid="review-queue-office">
            <AsyncContent query={approved}>
              {(rows) => <ReportTable rows={rows} columns={['task', 'unit', 'period', 'revision', 'status', 'percent', 'submittedAt']} actionKey="reports.decide" testId="review-table-office" emptyText={t('reviews.emptyOffice')} />}
            </AsyncContent>
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
