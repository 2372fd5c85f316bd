/**
 * 督办单 (/notices): every notice with its level (蓝/黄/红 — it escalates when unanswered past its
 * working-day deadline) and state (下发 → 签收 → 反馈 → 办结). The plan office issues notices and
 * closes answered ones; the unit receives and answers its own. ?task=N filters to a task;
 * ?issue=N opens the issue form for that task.
 */
import { CheckOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Flex, message, Popconfirm, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AsyncContent } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { PageHeader } from '../../../components/page-header.js';
import { chinaDate } from '../../../../shared/domain/periods.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useTasks } from '../../tasks/api/tasks.api.js';
import { moveNotice, useNotices } from '../api/supervision.api.js';
import type { Notice, NoticeLevel, NoticeState } from '../api/types.js';
import { useSupervisionSession } from '../hooks/use-supervision-session.js';
import { NOTICE_LEVEL_ORDER } from '../utils/lights.js';
import { filterNotices, isOverdue, noticeActions } from '../utils/supervision-rules.js';
import { NoticeLevelTag, NoticeStateTag } from './drill-drawer.js';
import { IssueNoticeModal, type NoticeDraft } from './issue-notice-modal.js';
import { PageGate } from './page-gate.js';
import { TextModal } from '../../../components/text-modal.js';

const STATES: readonly NoticeState[] = ['issued', 'received', 'answered', 'closed'];
type StateFilter = 'open' | 'all' | NoticeState;

function NoticeDetail({ notice }: { notice: Notice }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={2}
      data-testid="notice-detail"
      items={[
        { key: 'title', label: t('notices.col.title'), children: notice.title, span: 2 },
        { key: 'content', label: t('notices.col.content'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{notice.content}</span>, span: 2 },
        { key: 'source', label: t('notices.col.source'), children: t(notice.source === 'light' ? 'notices.source.light' : 'notices.source.manual') },
        { key: 'issuedAt', label: t('notices.col.issuedAt'), children: formatDateTime(notice.issuedAt) },
        { key: 'receivedAt', label: t('notices.col.receivedAt'), children: notice.receivedAt ? formatDateTime(notice.receivedAt) : '—' },
        { key: 'answeredAt', label: t('notices.col.answeredAt'), children: notice.answeredAt ? formatDateTime(notice.answeredAt) : '—' },
        { key: 'answer', label: t('notices.col.answer'), children: notice.answer ? <span style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-answer">{notice.answer}</span> : '—', span: 2 },
        { key: 'closedAt', label: t('notices.col.closedAt'), children: notice.closedAt ? formatDateTime(notice.closedAt) : '—' },
      ]}
    />
  );
}

function NoticesTable({ notices, planId }: { notices: Notice[]; planId: number }) {
  const { t } = useI18n();
  const session = useSupervisionSession();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const tasks = useTasks(planId, {});
  const titles = useMemo(() => new Map((tasks.data?.items ?? []).map((task) => [task.no, task.title])), [tasks.data]);
  const [params, setParams] = useSearchParams();
  const taskFilter = params.get('task') && /^\d+$/.test(params.get('task')!) ? Number(params.get('task')) : undefined;
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const [levelFilter, setLevelFilter] = useState<NoticeLevel | 'all'>('all');
  const [answering, setAnswering] = useState<Notice | null>(null);
  const today = chinaDate(new Date());

  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['notices', planId] }), queryClient.invalidateQueries({ queryKey: ['cockpit', planId] })]);
  const run = async (notice: Notice, move: 'receive' | 'close', done: DictKey) => {
    try {
      await moveNotice(notice.id, move, { version: notice.version }, session.csrf);
      void message.success(t(done));
    } catch (e) {
      void message.error(errorMessage(e as Error));
    } finally {
      await refresh();
    }
  };

  const rows = filterNotices(notices, {
    level: levelFilter === 'all' ? undefined : levelFilter,
    state: stateFilter === 'all' || stateFilter === 'open' ? undefined : stateFilter,
    open: stateFilter === 'open',
    taskNo: taskFilter,
  });
  const count = (filter: Parameters<typeof filterNotices>[1]) => filterNotices(notices, { taskNo: taskFilter, ...filter }).length;

  const columns: ColumnsType<Notice> = [
    { title: t('notices.col.id'), dataIndex: 'id', width: 70, sorter: (a, b) => a.id - b.id },
    { title: t('notices.col.level'), dataIndex: 'level', width: 100, render: (level: NoticeLevel) => <NoticeLevelTag level={level} />, sorter: (a, b) => NOTICE_LEVEL_ORDER.indexOf(a.level) - NOTICE_LEVEL_ORDER.indexOf(b.level) },
    { title: t('notices.col.state'), dataIndex: 'state', width: 90, render: (state: NoticeState) => <NoticeStateTag state={state} /> },
    {
      title: t('notices.col.task'),
      dataIndex: 'taskNo',
      width: 220,
      render: (no: number) => <Link to={`/tasks/${no}`}>{titles.get(no) ? t('cockpit.taskLabel', { no, title: titles.get(no)! }) : t('cockpit.taskNo', { no })}</Link>,
    },
    { title: t('notices.col.unit'), dataIndex: 'unit', width: 160 },
    { title: t('notices.col.content'), dataIndex: 'content', ellipsis: true, render: (content: string) => <Tooltip title={content}>{content}</Tooltip> },
    {
      title: t('notices.col.due'),
      dataIndex: 'dueDate',
      width: 130,
      sorter: (a, b) => a.dueDate.localeCompare(b.dueDate),
      render: (due: string, notice) => (
        <span>
          {due}
          {isOverdue(notice, today) ? (
            <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="notice-overdue">
              {t('notices.overdue')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: t('cockpit.col.action'),
      key: 'action',
      width: 170,
      render: (_: unknown, notice) => {
        const moves = noticeActions(notice, session);
        if (!moves.length) return null;
        return (
          <Flex gap={6} wrap>
            {moves.includes('receive') ? (
              <Button size="small" icon={<CheckOutlined />} onClick={() => void run(notice, 'receive', 'notices.received')} data-testid="notice-receive">
                {t('notices.receive')}
              </Button>
            ) : null}
            {moves.includes('answer') ? (
              <Button size="small" type="primary" icon={<SendOutlined />} onClick={() => setAnswering(notice)} data-testid="notice-answer-button">
                {t('notices.answer')}
              </Button>
            ) : null}
            {moves.includes('close') ? (
              <Popconfirm title={t('notices.closeConfirm')} okText={t('notices.close')} cancelText={t('cockpit.cancel')} onConfirm={() => run(notice, 'close', 'notices.closed')}>
                <Button size="small" type="primary" data-testid="notice-close">
                  {t('notices.close')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        );
      },
    },
  ];

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<StateFilter>
          value={stateFilter}
          onChange={setStateFilter}
          data-testid="notice-state-filter"
          options={[
            { value: 'all', label: `${t('common.all')} ${count({})}` },
            { value: 'open', label: `${t('notices.open')} ${count({ open: true })}` },
            ...STATES.map((state) => ({ value: state, label: `${t(`notices.state.${state}` as DictKey)} ${count({ state })}` })),
          ]}
        />
        <Segmented<NoticeLevel | 'all'>
          value={levelFilter}
          onChange={setLevelFilter}
          data-testid="notice-level-filter"
          options={[{ value: 'all', label: t('notices.allLevels') }, ...NOTICE_LEVEL_ORDER.map((level) => ({ value: level, label: `${t(`notices.level.${level}` as DictKey)} ${count({ level })}` }))]}
        />
        {taskFilter ? (
          <Tag
            closable
            onClose={() =>
              setParams((prev) => {
                const copy = new URLSearchParams(prev);
                copy.delete('task');
                return copy;
              })
            }
          >
            {t('cockpit.taskNo', { no: taskFilter })}
          </Tag>
        ) : null}
      </Flex>
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        expandable={{ expandedRowRender: (notice) => <NoticeDetail notice={notice} /> }}
        onRow={(notice) => ({ 'data-testid': 'notice-row', 'data-id': notice.id }) as object}
        locale={{ emptyText: <Empty description={t('notices.empty')} /> }}
        data-testid="notice-table"
        scroll={{ x: 1100 }}
      />
      {answering ? (
        <TextModal
          open
          cancelText={t('cockpit.cancel')}
          tooShortText={t('cockpit.textTooShort')}
          testId="notice-answer-modal"
          title={t('notices.answerTitle', { id: answering.id })}
          label={t('notices.answerLabel')}
          okText={t('notices.answer')}
          field="answer"
          onClose={() => setAnswering(null)}
          onSubmit={async (text) => {
            try {
              await moveNotice(answering.id, 'answer', { version: answering.version, answer: text }, session.csrf);
              void message.success(t('notices.answered'));
              setAnswering(null);
            } finally {
              await refresh();
            }
          }}
        >
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {answering.content}
          </Typography.Paragraph>
        </TextModal>
      ) : null}
    </>
  );
}

function Notices() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSupervisionSession();
  const notices = useNotices(plan.id);
  const [params, setParams] = useSearchParams();
  const issueParam = params.get('issue');
  const [draft, setDraft] = useState<NoticeDraft | null>(() => (session.canSupervise && issueParam && /^\d+$/.test(issueParam) ? { taskNo: Number(issueParam) } : null));
  const closeDraft = () => {
    setDraft(null);
    if (issueParam)
      setParams(
        (prev) => {
          const copy = new URLSearchParams(prev);
          copy.delete('issue');
          return copy;
        },
        { replace: true },
      );
  };
  const subtitle = session.canSupervise ? t('notices.subtitleOffice') : session.canRespond ? t('notices.subtitleUnit', { unit: session.unitName ?? '' }) : t('notices.subtitle');
  return (
    <>
      <PageHeader
        title={t('nav.notices')}
        subtitle={subtitle}
        extra={
          <>
            {session.canSupervise ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraft({})} data-testid="notice-new">
                {t('notices.issue')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small">
        <AsyncContent query={notices}>{(items) => <NoticesTable notices={items} planId={plan.id} />}</AsyncContent>
      </Card>
      {draft ? (
        <IssueNoticeModal
          open
          draft={draft}
          onClose={closeDraft}
          onIssued={() => {
            closeDraft();
            void message.success(t('notices.issued'));
          }}
        />
      ) : null}
    </>
  );
}

/** Route `/notices`. */
export function NoticesPage() {
  return (
    <PageGate permission="report:read">
      <Notices />
    </PageGate>
  );
}
