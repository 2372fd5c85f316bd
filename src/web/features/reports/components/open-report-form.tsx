/**
 * 「新建/打开报告」: the reporter picks one of the tasks the unit leads and a period; the server
 * opens the unit's report (a new draft when there is none) and the form opens. The to-do list
 * only covers the periods due now, so this is how earlier periods (e.g. 2022's, after the plan
 * office opened them) are reached.
 */
import { FolderOpenOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Form, Select } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TaskSummary } from '../../../../shared/api/plan-api.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { openReport, reportKey } from '../api/reports.api.js';
import { defaultYear, PeriodPicker, pickerYears, type PeriodValue } from './period-picker.js';

export function OpenReportForm({ planId, tasks, csrf, initialTask }: { planId: number; tasks: TaskSummary[]; csrf: string | null; initialTask?: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [taskNo, setTaskNo] = useState<number | undefined>(initialTask && tasks.some((x) => x.no === initialTask) ? initialTask : tasks[0]?.no);
  const task = tasks.find((x) => x.no === taskNo);
  const [period, setPeriod] = useState<PeriodValue>(() => ({ year: defaultYear(task?.years ?? []), period: null }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onPeriod = useCallback((v: PeriodValue) => setPeriod(v), []);

  if (tasks.length === 0) {
    return (
      <Card size="small" title={t('reports.open.title')}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.open.noTasks')} />
      </Card>
    );
  }

  const open = async () => {
    if (!taskNo || !period.period) return;
    setBusy(true);
    setError(null);
    try {
      const report = await openReport(planId, taskNo, period.period, csrf);
      queryClient.setQueryData(reportKey(report.id), report);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      void navigate(`/reports/${report.id}`);
    } catch (e) {
      setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('reports.open.title')} data-testid="open-report-form">
      <Form layout="vertical" requiredMark={false}>
        <Flex gap={16} wrap align="flex-end">
          <Form.Item label={t('reports.open.task')} style={{ marginBottom: 8, minWidth: 320, flex: '1 1 320px' }}>
            <Select
              value={taskNo}
              onChange={(no: number) => {
                setTaskNo(no);
                const next = tasks.find((x) => x.no === no);
                setPeriod({ year: defaultYear(next?.years ?? []), period: null });
              }}
              showSearch={{ optionFilterProp: 'label' }}
              options={tasks.map((x) => ({ value: x.no, label: t('reports.taskLabel', { no: x.no, title: x.title }) }))}
              data-testid="pick-task"
            />
          </Form.Item>
          <Form.Item label={t('reports.pick.periodLabel')} style={{ marginBottom: 8 }}>
            <PeriodPicker planId={planId} years={pickerYears(task?.years ?? [])} value={period} onChange={onPeriod} />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" icon={<FolderOpenOutlined />} onClick={() => void open()} loading={busy} disabled={!period.period} data-testid="open-report">
              {t('reports.open.submit')}
            </Button>
          </Form.Item>
        </Flex>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="open-report-error" style={{ marginTop: 8 }} /> : null}
      <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, marginTop: 4 }}>{t('reports.open.hint')}</div>
    </Card>
  );
}
