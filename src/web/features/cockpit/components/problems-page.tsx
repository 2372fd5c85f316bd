/**
 * 问题台账 (/problems): the 存在问题 and 需协调事项 of accepted reports, for 市发展改革局 to follow:
 * 待协调 → 协调中 → 已解决, with who owns it and how it was resolved. Plan office and leaders read
 * it; the plan office edits. Each row links to the report it came from.
 */
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Form, Input, message, Modal, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AsyncContent } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { PageHeader } from '../../../components/page-header.js';
import { ApiClientError } from '../../../lib/api-client.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { updateProblem, useProblems } from '../api/supervision.api.js';
import type { Problem, ProblemStatus } from '../api/types.js';
import { useSupervisionSession } from '../hooks/use-supervision-session.js';
import { PROBLEM_STATUS_COLORS, PROBLEM_STATUS_ORDER } from '../utils/lights.js';
import { problemCounts, problemEditError } from '../utils/supervision-rules.js';
import { PageGate } from './page-gate.js';

const isStatus = (s: string | null): s is ProblemStatus => s === 'pending' || s === 'coordinating' || s === 'resolved';

function EditModal({ problem, onClose, onSaved }: { problem: Problem; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const session = useSupervisionSession();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<ProblemStatus>(problem.status);
  const [owner, setOwner] = useState(problem.owner ?? '');
  const [resolution, setResolution] = useState(problem.resolution ?? '');
  const [errors, setErrors] = useState<{ resolution?: string; owner?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (problemEditError({ status, resolution })) {
      setErrors({ resolution: t('problems.resolutionRequired') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await updateProblem(problem.id, { version: problem.version, status, owner: owner.trim() || null, resolution: resolution.trim() || null }, session.csrf);
      onSaved();
    } catch (e) {
      const details = e instanceof ApiClientError ? (e.details as { field?: string } | null) : null;
      if (details?.field === 'resolution' || details?.field === 'owner') setErrors({ [details.field]: errorMessage(e as Error) });
      else setErrors({ form: errorMessage(e as Error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('problems.editTitle', { id: problem.id })} okText={t('problems.save')} cancelText={t('cockpit.cancel')} onOk={() => void submit()} onCancel={onClose} okButtonProps={{ loading: busy, 'data-testid': 'problem-save' }} destroyOnHidden width={620}>
      <div data-testid="problem-form">
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {problem.unit} · {problem.period} · {t(`problems.kind.${problem.kind}` as DictKey)}：{problem.text}
        </Typography.Paragraph>
        {errors.form ? <Alert type="error" showIcon title={errors.form} style={{ marginBottom: 12 }} data-testid="problem-error" /> : null}
        <Form layout="vertical">
          <Form.Item label={t('problems.col.status')} required>
            <Segmented<ProblemStatus> value={status} onChange={setStatus} options={PROBLEM_STATUS_ORDER.map((s) => ({ value: s, label: t(`problems.status.${s}` as DictKey) }))} data-testid="problem-status" />
          </Form.Item>
          <Form.Item label={t('problems.col.owner')} validateStatus={errors.owner ? 'error' : undefined} help={errors.owner ?? t('problems.ownerHint')}>
            <Input value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={100} data-testid="problem-owner" />
          </Form.Item>
          <Form.Item label={t('problems.col.resolution')} required={status === 'resolved'} validateStatus={errors.resolution ? 'error' : undefined} help={errors.resolution ? <span data-testid="problem-resolution-error">{errors.resolution}</span> : undefined}>
            <Input.TextArea value={resolution} onChange={(e) => setResolution(e.target.value)} rows={4} maxLength={4000} showCount data-testid="problem-resolution" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

function ProblemsTable({ problems }: { problems: Problem[] }) {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSupervisionSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: ProblemStatus | 'all' = isStatus(statusParam) ? statusParam : 'all';
  const [unit, setUnit] = useState<string | undefined>();
  const [kind, setKind] = useState<Problem['kind'] | 'all'>('all');
  const [editing, setEditing] = useState<Problem | null>(null);
  const units = useMemo(() => [...new Set(problems.map((p) => p.unit))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [problems]);
  const scoped = problems.filter((p) => (!unit || p.unit === unit) && (kind === 'all' || p.kind === kind));
  const counts = problemCounts(scoped);
  const rows = scoped.filter((p) => status === 'all' || p.status === status);
  const setStatus = (next: ProblemStatus | 'all') =>
    setParams(
      (prev) => {
        const copy = new URLSearchParams(prev);
        if (next === 'all') copy.delete('status');
        else copy.set('status', next);
        return copy;
      },
      { replace: true },
    );

  const columns: ColumnsType<Problem> = [
    { title: t('notices.col.id'), dataIndex: 'id', width: 60, sorter: (a, b) => a.id - b.id },
    { title: t('problems.col.status'), dataIndex: 'status', width: 84, render: (s: ProblemStatus) => <Tag color={PROBLEM_STATUS_COLORS[s]} data-testid="problem-status-tag" data-status={s}>{t(`problems.status.${s}` as DictKey)}</Tag> },
    { title: t('problems.col.kind'), dataIndex: 'kind', width: 96, render: (k: Problem['kind']) => t(`problems.kind.${k}` as DictKey) },
    { title: t('problems.col.task'), dataIndex: 'taskNo', width: 70, render: (no: number) => <Link to={`/tasks/${no}`}>{t('cockpit.taskNo', { no })}</Link>, sorter: (a, b) => a.taskNo - b.taskNo },
    { title: t('problems.col.unit'), dataIndex: 'unit', width: 130 },
    { title: t('problems.col.period'), dataIndex: 'period', width: 84, render: (period: string, p) => <Link to={`/reports/${p.reportId}`}>{period}</Link>, sorter: (a, b) => a.period.localeCompare(b.period) },
    { title: t('problems.col.text'), dataIndex: 'text', width: 270, render: (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> },
    {
      title: t('problems.col.handling'),
      key: 'handling',
      render: (_: unknown, p: Problem) =>
        p.owner || p.resolution ? (
          <div style={{ fontSize: 13 }}>
            {p.owner ? <div><Typography.Text type="secondary">{t('problems.col.owner')}：</Typography.Text>{p.owner}</div> : null}
            {p.resolution ? <Typography.Paragraph ellipsis={{ rows: 2, tooltip: p.resolution }} style={{ marginBottom: 0 }}>{p.resolution}</Typography.Paragraph> : null}
          </div>
        ) : (
          '—'
        ),
    },
    { title: t('problems.col.updatedAt'), dataIndex: 'updatedAt', width: 96, render: (at: string) => formatDateTime(at).slice(0, 10), sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt) },
    ...(session.canSupervise
      ? [
          {
            title: t('cockpit.col.action'),
            key: 'action',
            width: 80,
            render: (_: unknown, p: Problem) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid="problem-edit">
                {t('problems.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<ProblemStatus | 'all'>
          value={status}
          onChange={setStatus}
          data-testid="problem-status-filter"
          options={[{ value: 'all', label: `${t('common.all')} ${counts.all}` }, ...PROBLEM_STATUS_ORDER.map((s) => ({ value: s, label: `${t(`problems.status.${s}` as DictKey)} ${counts[s]}` }))]}
        />
        <Segmented<Problem['kind'] | 'all'>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: t('problems.allKinds') },
            { value: 'problem', label: t('problems.kind.problem') },
            { value: 'coordination', label: t('problems.kind.coordination') },
          ]}
        />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} value={unit} onChange={setUnit} placeholder={t('problems.filterUnit')} style={{ minWidth: 220 }} options={units.map((u) => ({ value: u, label: u }))} data-testid="problem-unit-filter" />
      </Flex>
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        onRow={(p) => ({ 'data-testid': 'problem-row', 'data-id': p.id }) as object}
        locale={{ emptyText: <Empty description={t('problems.empty')} /> }}
        data-testid="problem-table"
        scroll={{ x: 1100 }}
      />
      {editing ? (
        <EditModal
          problem={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('problems.saved'));
            void queryClient.invalidateQueries({ queryKey: ['problems', plan.id] });
            void queryClient.invalidateQueries({ queryKey: ['cockpit', plan.id] });
          }}
        />
      ) : null}
    </>
  );
}

function Problems() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const problems = useProblems(plan.id);
  return (
    <>
      <PageHeader title={t('nav.problems')} subtitle={t('problems.subtitle')} />
      <Card size="small">
        <AsyncContent query={problems}>{(items) => <ProblemsTable problems={items} />}</AsyncContent>
      </Card>
    </>
  );
}

/** Route `/problems`. */
export function ProblemsPage() {
  return (
    <PageGate permission="supervision:read">
      <Problems />
    </PageGate>
  );
}
