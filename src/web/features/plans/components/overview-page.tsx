/**
 * 规划概览 (/): document header, counts, 总体目标 by horizon year, categories with their tasks.
 * This is the initial route, so it is built from light elements (components/ui) rather than
 * antd Card/Typography to keep the first load small.
 */
import { Col, Flex, Row } from 'antd';
import { Link } from 'react-router';
import type { PlanDetail } from '../../../../shared/api/plan-api.js';
import { AsyncContent } from '../../../components/async-content.js';
import { DownloadDivisionButton } from '../../../components/download-button.js';
import { PageHeader } from '../../../components/page-header.js';
import { SourceLine } from '../../../components/source-line.js';
import { Chip, Fields, Figure, Muted, Panel, SectionTitle } from '../../../components/ui/panel.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { usePlanDetail } from '../api/plans.api.js';
import { useCurrentPlan } from '../hooks/current-plan.js';

const GOAL_COLORS = ['#1d5fbf', '#08979c', '#d46b08', '#531dab'];

function Counts({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const c = plan.counts;
  const diagnosticsTotal = c.diagnostics.error + c.diagnostics.warning + c.diagnostics.info;
  const items: { key: string; title: string; value: number; to: string; extra?: string }[] = [
    { key: 'tasks', title: t('overview.count.tasks'), value: c.tasks, to: '/tasks' },
    { key: 'milestones', title: t('overview.count.milestones'), value: c.milestones, to: '/tasks' },
    { key: 'targets', title: t('overview.count.targets'), value: c.targets, to: '/tasks' },
    { key: 'units', title: t('overview.count.units'), value: c.units, to: '/matrix' },
    { key: 'counties', title: t('overview.count.counties'), value: c.counties, to: '/zones' },
    { key: 'towns', title: t('overview.count.towns'), value: c.towns, to: '/zones' },
    {
      key: 'diagnostics',
      title: t('overview.count.diagnostics'),
      value: diagnosticsTotal,
      to: '/diagnostics',
      extra: t('overview.diagnosticsBreakdown', c.diagnostics),
    },
  ];
  return (
    <Flex wrap gap={12}>
      {items.map((item) => (
        <Link key={item.key} to={item.to} style={{ flex: '1 1 150px', color: 'inherit' }} className="count-card" data-testid={`count-${item.key}`}>
          <Panel style={{ height: '100%' }} bodyStyle={{ padding: '12px 16px' }}>
            <Figure label={item.title} value={item.value} note={item.extra} />
          </Panel>
        </Link>
      ))}
    </Flex>
  );
}

function Overview({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const goals = [...plan.goals].sort((a, b) => a.year - b.year);
  return (
    <>
      <PageHeader
        title={<span data-testid="plan-title">{plan.title}</span>}
        subtitle={
          <Flex gap={8} wrap align="center" component="span">
            <span>
              {plan.code} · {plan.issuer} · {plan.issuedOn}
            </span>
            <SourceLine line={plan.titleLine} />
          </Flex>
        }
        extra={<DownloadDivisionButton planId={plan.id} />}
      />
      <Panel style={{ marginBottom: 8 }}>
        <Fields
          items={[
            { key: 'code', label: t('overview.docNumber'), value: <strong data-testid="plan-code">{plan.code}</strong> },
            { key: 'issuer', label: t('overview.issuer'), value: plan.issuer },
            { key: 'issuedOn', label: t('overview.issuedOn'), value: plan.issuedOn },
            { key: 'version', label: t('overview.version'), value: plan.version },
            { key: 'importedAt', label: t('overview.importedAt'), value: formatDateTime(plan.importedAt) },
            {
              key: 'sha',
              label: t('overview.sha256'),
              value: (
                <code title={plan.sha256} style={{ fontSize: 12 }}>
                  {plan.sha256.slice(0, 16)}…
                </code>
              ),
            },
            {
              key: 'notice',
              label: t('overview.notice'),
              wide: true,
              value: (
                <div>
                  <strong>{plan.noticeTitle}</strong>
                  <Muted style={{ display: 'block', whiteSpace: 'pre-line', marginTop: 4 }}>{plan.noticeText}</Muted>
                </div>
              ),
            },
          ]}
        />
      </Panel>

      <SectionTitle>{t('overview.counts')}</SectionTitle>
      <Counts plan={plan} />

      <SectionTitle>{t('overview.goals')}</SectionTitle>
      <Row gutter={[16, 16]}>
        {goals.map((goal, i) => (
          <Col key={goal.year} xs={24} lg={8}>
            <Panel
              data-testid={`goal-${goal.year}`}
              accent={GOAL_COLORS[i % GOAL_COLORS.length]}
              title={<span style={{ color: GOAL_COLORS[i % GOAL_COLORS.length] }}>{t('overview.goalYear', { year: goal.year })}</span>}
              extra={<SourceLine line={goal.line} />}
              style={{ height: '100%' }}
              bodyStyle={{ lineHeight: 1.8 }}
            >
              {goal.text}
            </Panel>
          </Col>
        ))}
      </Row>

      <SectionTitle>{t('overview.categories')}</SectionTitle>
      <Row gutter={[16, 16]}>
        {plan.categories.map((category) => (
          <Col key={category.no} xs={24} lg={12} xxl={8}>
            <Panel
              data-testid={`category-${category.no}`}
              title={
                <Flex gap={8} align="center">
                  <Chip>{category.numeral}</Chip>
                  <Link to={`/tasks?category=${category.no}`}>{category.title}</Link>
                </Flex>
              }
              extra={
                <>
                  <Muted>{t('overview.categoryTasks', { n: category.tasks.length })}</Muted>
                  <SourceLine line={category.line} />
                </>
              }
              style={{ height: '100%' }}
            >
              <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {category.tasks.map((task) => (
                  <li key={task.no} style={{ padding: '3px 0' }}>
                    <Link to={`/tasks/${task.no}`} data-testid={`overview-task-${task.no}`}>
                      <Muted style={{ display: 'inline-block', minWidth: 28 }}>{task.no}.</Muted>
                      {task.title}
                    </Link>
                  </li>
                ))}
              </ol>
            </Panel>
          </Col>
        ))}
      </Row>
    </>
  );
}

/** Route `/`. */
export function OverviewPage() {
  const { plan } = useCurrentPlan();
  const detail = usePlanDetail(plan.id);
  return <AsyncContent query={detail}>{(data) => <Overview plan={data} />}</AsyncContent>;
}
