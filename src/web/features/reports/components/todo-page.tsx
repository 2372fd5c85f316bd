/**
 * 我的待办 (/todo): what the user should do now, grouped — 待填报, 已逾期, 被退回, 配合反馈 (the
 * reporter), 待审核 (the unit head), 待采纳 (the plan office) — each with its deadline and a link;
 * beside it the inbox. The list covers the periods due now (computed from today); earlier periods
 * are opened from 进展报告.
 */
import { ArrowRightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Col, Empty, Flex, Row, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { AsyncContent, ErrorResult, Loading } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { LinkButton } from '../../../components/link-button.js';
import { PageHeader } from '../../../components/page-header.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { openReport, reportKey, useTodo } from '../api/reports.api.js';
import { useSession } from '../hooks/use-session.js';
import { periodText } from '../utils/period-text.js';
import { chinaToday, daysUntil, groupTodo, todoTarget, type TodoItem, type TodoKind } from '../utils/todo-groups.js';
import { InboxPanel } from './inbox-panel.js';

const KIND_COLORS: Record<TodoKind, string> = { due: 'blue', overdue: 'red', returned: 'volcano', contribution: 'purple', approve: 'cyan', decide: 'geekblue' };

function DueText({ dueDate, kind }: { dueDate: string; kind: TodoKind }) {
  const { t } = useI18n();
  const days = daysUntil(dueDate, chinaToday());
  // For reviewers the deadline is context (the report's period), not their own due date.
  const own = kind === 'due' || kind === 'overdue' || kind === 'returned' || kind === 'contribution';
  const late = own && days < 0;
  return (
    <Typography.Text type={late ? 'danger' : own && days <= 2 ? 'warning' : 'secondary'} style={{ fontSize: 13, whiteSpace: 'nowrap' }} data-testid="todo-due">
      {t('reports.dueOn', { date: dueDate })}
      {late ? ` · ${t('todo.daysLate', { n: -days })}` : own && days >= 0 ? ` · ${t('todo.daysLeft', { n: days })}` : ''}
    </Typography.Text>
  );
}

function TodoRow({ item, planId, csrf, onError }: { item: TodoItem; planId: number; csrf: string | null; onError: (m: string) => void }) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const target = todoTarget(item);
  const label = t(`todo.action.${item.kind}`);
  let action;
  if (target.kind === 'open') {
    action = (
      <Button
        type="primary"
        size="small"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            const r = await openReport(planId, target.taskNo, target.period, csrf);
            queryClient.setQueryData(reportKey(r.id), r);
            void navigate(`/reports/${r.id}`);
          } catch (e) {
            onError(errorMessage(e as Error));
          } finally {
            setBusy(false);
          }
        }}
        data-testid="todo-action"
      >
        {label}
      </Button>
    );
  } else {
    action = (
      <LinkButton to={target.to} type="primary" size="small" icon={<ArrowRightOutlined />} iconPlacement="end" data-testid="todo-action">
        {label}
      </LinkButton>
    );
  }
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ padding: '10px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }} data-testid="todo-item" data-kind={item.kind} data-task={item.taskNo}>
      <div style={{ minWidth: 0, flex: '1 1 360px' }}>
        <Flex gap={8} align="baseline" wrap>
          <Typography.Text strong>{t('reports.taskLabel', { no: item.taskNo, title: item.taskTitle })}</Typography.Text>
          <Tag>{periodText(item.period, lang)}</Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {item.message}
        </Typography.Text>
      </div>
      <Flex gap={12} align="center">
        <DueText dueDate={item.dueDate} kind={item.kind} />
        {action}
      </Flex>
    </Flex>
  );
}

export function TodoPage() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSession();
  const todo = useTodo(plan.id);
  const [error, setError] = useState<string | null>(null);

  if (session.loading) return <Loading />;
  if (!session.signedIn) return <ErrorResult error={new ApiClientError(401, 'UNAUTHENTICATED', t('reports.signInFirst'))} />;

  return (
    <>
      <PageHeader
        title={t('nav.todo')}
        subtitle={t('todo.subtitle')}
        extra={
          session.can('report:write') ? (
            <LinkButton to="/reports" data-testid="todo-open-reports">
              {t('todo.earlierPeriods')}
            </LinkButton>
          ) : null
        }
      />
      {error ? <Alert type="error" showIcon closable={{ onClose: () => setError(null) }} title={error} style={{ marginBottom: 16 }} data-testid="todo-error" /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <AsyncContent query={todo}>
            {(items) => {
              const groups = groupTodo(items);
              if (groups.length === 0) {
                return (
                  <Card size="small">
                    <Empty description={t('todo.empty')} data-testid="todo-empty" />
                  </Card>
                );
              }
              return (
                <Flex vertical gap={16}>
                  {groups.map((g) => (
                    <Card
                      key={g.kind}
                      size="small"
                      data-testid="todo-group"
                      data-kind={g.kind}
                      title={
                        <Flex gap={8} align="center">
                          <Tag color={KIND_COLORS[g.kind]} style={{ marginInlineEnd: 0 }}>
                            {t(`todo.kind.${g.kind}`)}
                          </Tag>
                          <Badge count={g.items.length} color={KIND_COLORS[g.kind] === 'red' ? 'red' : 'blue'} />
                        </Flex>
                      }
                    >
                      {g.items.map((item) => (
                        <TodoRow key={`${item.kind}-${item.taskNo}-${item.period}-${item.reportId ?? ''}`} item={item} planId={plan.id} csrf={session.csrf} onError={setError} />
                      ))}
                    </Card>
                  ))}
                </Flex>
              );
            }}
          </AsyncContent>
        </Col>
        <Col xs={24} xl={9}>
          <InboxPanel csrf={session.csrf} />
        </Col>
      </Row>
    </>
  );
}
