/**
 * 下发督办单 (plan office): task, one of the task's units (lead units first), what is to be done.
 * Opened empty from /notices or prefilled from a red task in the cockpit (source 'light').
 * Errors from the server are shown as they come (Chinese messages); a field error goes under
 * its field.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useErrorMessage } from '../../../components/error-message.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { useTasks } from '../../tasks/api/tasks.api.js';
import { issueNotice } from '../api/supervision.api.js';
import { useSupervisionSession } from '../hooks/use-supervision-session.js';

export interface NoticeDraft {
  taskNo?: number;
  unit?: string;
  content?: string;
  source?: 'manual' | 'light';
}

export function IssueNoticeModal({ open, draft, onClose, onIssued }: { open: boolean; draft: NoticeDraft; onClose: () => void; onIssued?: (id: number | undefined) => void }) {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSupervisionSession();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const tasks = useTasks(plan.id, {});
  const [taskNo, setTaskNo] = useState<number | undefined>(draft.taskNo);
  const [unit, setUnit] = useState<string | undefined>(draft.unit);
  const [content, setContent] = useState(draft.content ?? '');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setTaskNo(draft.taskNo);
    setUnit(draft.unit);
    setContent(draft.content ?? '');
    setFieldErrors({});
    setError(null);
  }, [open, draft]);

  const task = tasks.data?.items.find((item) => item.no === taskNo);
  const units = useMemo(() => (task ? [...task.leads.map((u) => ({ unit: u, lead: true })), ...task.cooperators.map((u) => ({ unit: u, lead: false }))] : []), [task]);
  // Default to the (first) lead unit once the task is known.
  useEffect(() => {
    if (task && (!unit || !units.some((u) => u.unit === unit))) setUnit(task.leads[0]);
  }, [task, unit, units]);

  const submit = async () => {
    setError(null);
    const missing: Record<string, string> = {};
    if (!taskNo) missing.taskNo = t('notices.form.taskRequired');
    if (!unit) missing.unit = t('notices.form.unitRequired');
    if (content.trim().length < 2) missing.content = t('notices.form.contentRequired');
    setFieldErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      const result = await issueNotice(plan.id, { taskNo: taskNo!, unit: unit!, content: content.trim(), source: draft.source ?? 'manual' }, session.csrf);
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['notices', plan.id] }), queryClient.invalidateQueries({ queryKey: ['cockpit', plan.id] })]);
      onIssued?.(result.id);
    } catch (e) {
      const details = e instanceof ApiClientError ? (e.details as { field?: string; issues?: { field: string; message: string }[] } | null) : null;
      const field = details?.field ?? details?.issues?.[0]?.field;
      if (field && ['taskNo', 'unit', 'content'].includes(field)) setFieldErrors({ [field]: e instanceof Error ? errorMessage(e) : String(e) });
      else setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  const status = (field: string) => (fieldErrors[field] ? 'error' : undefined);
  const help = (field: string) => (fieldErrors[field] ? <span data-testid={`notice-error-${field}`}>{fieldErrors[field]}</span> : undefined);

  return (
    <Modal
      open={open}
      title={t('notices.issue')}
      okText={t('notices.issueOk')}
      cancelText={t('cockpit.cancel')}
      okButtonProps={{ loading: busy, danger: draft.source === 'light', 'data-testid': 'notice-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <div data-testid="issue-notice-form">
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="notice-error" /> : null}
        <Form layout="vertical">
          <Form.Item label={t('notices.col.task')} required validateStatus={status('taskNo')} help={help('taskNo')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={taskNo}
              onChange={(value: number) => {
                setTaskNo(value);
                setUnit(undefined);
              }}
              loading={tasks.isLoading}
              placeholder={t('notices.form.taskPlaceholder')}
              data-testid="notice-task"
              options={(tasks.data?.items ?? []).map((item) => ({ value: item.no, label: t('cockpit.taskLabel', { no: item.no, title: item.title }) }))}
            />
          </Form.Item>
          <Form.Item label={t('notices.col.unit')} required validateStatus={status('unit')} help={help('unit') ?? (task ? t('notices.form.unitHint') : undefined)}>
            <Select
              value={unit}
              onChange={setUnit}
              disabled={!task}
              placeholder={t('notices.form.unitPlaceholder')}
              data-testid="notice-unit"
              options={units.map((u) => ({ value: u.unit, label: `${u.unit}（${u.lead ? t('cockpit.role.lead') : t('cockpit.role.cooperate')}）` }))}
            />
          </Form.Item>
          <Form.Item label={t('notices.col.content')} required validateStatus={status('content')} help={help('content')}>
            <Input.TextArea value={content} onChange={(e) => setContent(e.target.value)} rows={5} maxLength={2000} showCount data-testid="notice-content" placeholder={t('notices.form.contentPlaceholder')} />
          </Form.Item>
        </Form>
        <div style={{ fontSize: 12, opacity: 0.65 }}>{t('notices.form.dueHint')}</div>
      </div>
    </Modal>
  );
}
