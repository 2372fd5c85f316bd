/**
 * 领导批示 (/instructions): leaders' written instructions on tasks and how they were carried out.
 * A leader writes one on a task; the task's lead units answer (落实情况); the plan office closes
 * answered ones (办结). ?task=N filters to a task.
 */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Form, message, Modal, Popconfirm, Segmented, Select, Table, Tag, Input } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TaskSummary } from '../../../../shared/api/plan-api.js';
import { AsyncContent } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { PageHeader } from '../../../components/page-header.js';
import { ApiClientError } from '../../../lib/api-client.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useTasks } from '../../tasks/api/tasks.api.js';
import { closeInstruction, respondInstruction, useInstructions, writeInstruction } from '../api/supervision.api.js';
import type { Instruction, InstructionState } from '../api/types.js';
import { useSupervisionSession } from '../hooks/use-supervision-session.js';
import { instructionActions } from '../utils/supervision-rules.js';
import { PageGate } from './page-gate.js';
import { TextModal } from '../../../components/text-modal.js';

const STATE_COLORS: Record<InstructionState, string> = { issued: 'red', answered: 'gold', closed: 'default' };

function WriteModal({ tasks, initialTask, onClose, onDone }: { tasks: TaskSummary[]; initialTask?: number; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSupervisionSession();
  const errorMessage = useErrorMessage();
  const [taskNo, setTaskNo] = useState<number | undefined>(initialTask);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ task?: string; text?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const missing = { task: taskNo ? undefined : t('instructions.taskRequired'), text: text.trim().length < 2 ? t('instructions.textRequired') : undefined };
    setErrors(missing);
    if (missing.task || missing.text) return;
    setBusy(true);
    try {
      await writeInstruction(plan.id, taskNo!, text.trim(), session.csrf);
      onDone();
    } catch (e) {
      const details = e instanceof ApiClientError ? (e.details as { issues?: { field: string }[] } | null) : null;
      if (details?.issues?.some((i) => i.field === 'text')) setErrors({ text: errorMessage(e as Error) });
      else setErrors({ form: errorMessage(e as Error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('instructions.write')} okText={t('instructions.writeOk')} cancelText={t('cockpit.cancel')} onOk={() => void submit()} onCancel={onClose} okButtonProps={{ loading: busy, 'data-testid': 'instruction-submit' }} destroyOnHidden width={620}>
      <div data-testid="instruction-form">
        {errors.form ? <Alert type="error" showIcon title={errors.form} style={{ marginBottom: 12 }} data-testid="instruction-error" /> : null}
        <Form layout="vertical">
          <Form.Item label={t('instructions.col.task')} required validateStatus={errors.task ? 'error' : undefined} help={errors.task}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={taskNo}
              onChange={setTaskNo}
              data-testid="instruction-task"
              placeholder={t('notices.form.taskPlaceholder')}
              options={tasks.map((task) => ({ value: task.no, label: t('cockpit.taskLabel', { no: task.no, title: task.title }) }))}
            />
          </Form.Item>
          {taskNo ? <div style={{ marginTop: -12, marginBottom: 12, fontSize: 12, opacity: 0.7 }}>{t('instructions.leadsHint', { units: tasks.find((x) => x.no === taskNo)?.leads.join('、') ?? '' })}</div> : null}
          <Form.Item label={t('instructions.col.text')} required validateStatus={errors.text ? 'error' : undefined} help={errors.text}>
            <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={5} maxLength={2000} showCount data-testid="instruction-text" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

function InstructionsTable({ items, tasks }: { items: Instruction[]; tasks: TaskSummary[] }) {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSupervisionSession();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const taskFilter = params.get('task') && /^\d+$/.test(params.get('task')!) ? Number(params.get('task')) : undefined;
  const [state, setState] = useState<InstructionState | 'all'>('all');
  const [responding, setResponding] = useState<Instruction | null>(null);
  const byNo = useMemo(() => new Map(tasks.map((task) => [task.no, task])), [tasks]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['instructions', plan.id] });
  const scoped = items.filter((i) => taskFilter === undefined || i.taskNo === taskFilter);
  const rows = scoped.filter((i) => state === 'all' || i.state === state);

  const columns: ColumnsType<Instruction> = [
    { title: t('notices.col.id'), dataIndex: 'id', width: 64 },
    { title: t('instructions.col.state'), dataIndex: 'state', width: 90, render: (s: InstructionState) => <Tag color={STATE_COLORS[s]} data-testid="instruction-state" data-state={s}>{t(`instructions.state.${s}` as DictKey)}</Tag> },
    {
      title: t('instructions.col.task'),
      dataIndex: 'taskNo',
      width: 220,
      render: (no: number) => <Link to={`/tasks/${no}`}>{byNo.get(no) ? t('cockpit.taskLabel', { no, title: byNo.get(no)!.title }) : t('cockpit.taskNo', { no })}</Link>,
    },
    { title: t('instructions.col.text'), dataIndex: 'text', render: (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> },
    { title: t('instructions.col.author'), dataIndex: 'author', width: 130 },
    { title: t('instructions.col.createdAt'), dataIndex: 'createdAt', width: 140, render: (at: string) => formatDateTime(at) },
    { title: t('instructions.col.due'), dataIndex: 'dueDate', width: 110 },
    {
      title: t('cockpit.col.action'),
      key: 'action',
      width: 140,
      render: (_: unknown, item) => {
        const moves = instructionActions(item, byNo.get(item.taskNo)?.leads ?? [], session);
        return (
          <Flex gap={6} wrap>
            {moves.includes('respond') ? (
              <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => setResponding(item)} data-testid="instruction-respond">
                {item.state === 'answered' ? t('instructions.respondAgain') : t('instructions.respond')}
              </Button>
            ) : null}
            {moves.includes('close') ? (
              <Popconfirm
                title={t('instructions.closeConfirm')}
                okText={t('instructions.close')}
                cancelText={t('cockpit.cancel')}
                onConfirm={async () => {
                  try {
                    await closeInstruction(item.id, item.version, session.csrf);
                    void message.success(t('instructions.closed'));
                  } catch (e) {
                    void message.error(errorMessage(e as Error));
                  } finally {
                    await refresh();
                  }
                }}
              >
                <Button size="small" data-testid="instruction-close">
                  {t('instructions.close')}
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
        <Segmented<InstructionState | 'all'>
          value={state}
          onChange={setState}
          data-testid="instruction-state-filter"
          options={[
            { value: 'all', label: `${t('common.all')} ${scoped.length}` },
            ...(['issued', 'answered', 'closed'] as const).map((s) => ({ value: s, label: `${t(`instructions.state.${s}` as DictKey)} ${scoped.filter((i) => i.state === s).length}` })),
          ]}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={taskFilter}
          placeholder={t('instructions.filterTask')}
          style={{ minWidth: 280 }}
          onChange={(no?: number) =>
            setParams((prev) => {
              const copy = new URLSearchParams(prev);
              if (no) copy.set('task', String(no));
              else copy.delete('task');
              return copy;
            })
          }
          options={tasks.map((task) => ({ value: task.no, label: t('cockpit.taskLabel', { no: task.no, title: task.title }) }))}
          data-testid="instruction-task-filter"
        />
      </Flex>
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        expandable={{
          rowExpandable: (item) => !!item.response || !!item.closedAt,
          expandedRowRender: (item) => (
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'response', label: t('instructions.col.response'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{item.response ?? '—'}</span>, span: 2 },
                { key: 'by', label: t('instructions.col.respondedBy'), children: item.respondedBy ?? '—' },
                { key: 'at', label: t('instructions.col.respondedAt'), children: item.respondedAt ? formatDateTime(item.respondedAt) : '—' },
                { key: 'closed', label: t('instructions.col.closedAt'), children: item.closedAt ? formatDateTime(item.closedAt) : '—' },
              ]}
            />
          ),
        }}
        onRow={(item) => ({ 'data-testid': 'instruction-row', 'data-id': item.id }) as object}
        locale={{ emptyText: <Empty description={t('instructions.empty')} /> }}
        data-testid="instruction-table"
        scroll={{ x: 1100 }}
      />
      {responding ? (
        <TextModal
          open
          cancelText={t('cockpit.cancel')}
          tooShortText={t('cockpit.textTooShort')}
          testId="instruction-response-modal"
          title={t('instructions.respondTitle', { no: responding.taskNo })}
          label={t('instructions.col.response')}
          okText={t('instructions.respond')}
          field="response"
          initial={responding.response ?? ''}
          onClose={() => setResponding(null)}
          onSubmit={async (text) => {
            try {
              await respondInstruction(responding.id, responding.version, text, session.csrf);
              void message.success(t('instructions.responded'));
              setResponding(null);
            } finally {
              await refresh();
            }
          }}
        >
          <div style={{ whiteSpace: 'pre-wrap', marginBottom: 12, opacity: 0.8 }}>{responding.text}</div>
        </TextModal>
      ) : null}
    </>
  );
}

function Instructions() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSupervisionSession();
  const instructions = useInstructions(plan.id);
  const tasks = useTasks(plan.id, {});
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [writing, setWriting] = useState(false);
  const taskParam = params.get('task');
  return (
    <>
      <PageHeader
        title={t('nav.instructions')}
        subtitle={t('instructions.subtitle')}
        extra={
          <>
            {session.canInstruct ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setWriting(true)} data-testid="instruction-new">
                {t('instructions.write')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small">
        <AsyncContent query={instructions}>{(items) => <InstructionsTable items={items} tasks={tasks.data?.items ?? []} />}</AsyncContent>
      </Card>
      {writing ? (
        <WriteModal
          tasks={tasks.data?.items ?? []}
          initialTask={taskParam && /^\d+$/.test(taskParam) ? Number(taskParam) : undefined}
          onClose={() => setWriting(false)}
          onDone={() => {
            setWriting(false);
            void message.success(t('instructions.written'));
            void queryClient.invalidateQueries({ queryKey: ['instructions', plan.id] });
          }}
        />
      ) : null}
    </>
  );
}

/** Route `/instructions`. */
export function InstructionsPage() {
  return (
    <PageGate permission="report:read">
      <Instructions />
    </PageGate>
  );
}
