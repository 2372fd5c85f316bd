/**
 * 配合单位反馈 (/contributions?task=&period=): a cooperating unit (配合) tells the lead unit what
 * it did on a task in a period. 保存 keeps a draft only the unit sees; 提交 hands it to the lead,
 * whose report then shows it read-only.
 */
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, Select, Space, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorResult, Loading } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { PageHeader } from '../../../components/page-header.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { saveContribution, type Contribution } from '../api/reports.api.js';
import { useSession } from '../hooks/use-session.js';
import { useUnitTasks } from '../hooks/use-unit-tasks.js';
import { periodText } from '../utils/period-text.js';
import { defaultYear, PeriodPicker, pickerYears, type PeriodValue } from './period-picker.js';

export function ContributionPage() {
  const { t, lang } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useSession();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const unitTasks = useUnitTasks(plan.id, session.unitName);
  const askedTask = Number(params.get('task')) || undefined;
  const askedPeriod = params.get('period');
  const [taskNo, setTaskNo] = useState<number | undefined>(askedTask);
  const [period, setPeriod] = useState<PeriodValue | null>(askedPeriod ? { year: Number(askedPeriod.slice(0, 4)), period: askedPeriod } : null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Contribution | null>(null);
  const onPeriod = useCallback((v: PeriodValue) => {
    setPeriod(v);
    setSaved(null);
  }, []);

  if (session.loading || unitTasks.loading) return <Loading />;
  if (!session.signedIn) return <ErrorResult error={new ApiClientError(401, 'UNAUTHENTICATED', t('reports.signInFirst'))} />;
  if (!session.can('report:write') || !session.unitName) return <ErrorResult error={new ApiClientError(403, 'FORBIDDEN', t('contribution.writersOnly'))} />;

  const tasks = unitTasks.cooperates;
  const currentNo = taskNo ?? tasks[0]?.no;
  const task = tasks.find((x) => x.no === currentNo);
  const value = period ?? { year: defaultYear(task?.years ?? []), period: null };

  const send = async (submit: boolean) => {
    if (!currentNo || !value.period) return;
    setError(null);
    if (!text.trim()) {
      setFieldError(t('contribution.required'));
      return;
    }
    setBusy(submit ? 'submit' : 'save');
    try {
      setSaved(await saveContribution(plan.id, currentNo, { period: value.period, text, submit }, session.csrf));
      setFieldError(null);
    } catch (e) {
      const issues = e instanceof ApiClientError ? (e.details as { issues?: { field: string; message: string }[] } | null)?.issues : undefined;
      const onText = issues?.find((i) => i.field === 'text');
      if (onText) setFieldError(onText.message);
      else setError(errorMessage(e as Error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title={t('nav.contribution')} subtitle={t('contribution.subtitle', { unit: session.unitName })} />
      {tasks.length === 0 ? (
        <Card size="small">
          <Empty description={t('contribution.noTasks')} />
        </Card>
      ) : (
        <Card size="small" data-testid="contribution-form">
          <Form layout="vertical" component="div">
            <Flex gap={16} wrap>
              <Form.Item label={t('contribution.task')} style={{ minWidth: 320, flex: '1 1 320px' }}>
                <Select
                  value={currentNo}
                  onChange={(no: number) => {
                    setTaskNo(no);
                    setPeriod(null);
                    setSaved(null);
                  }}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={tasks.map((x) => ({ value: x.no, label: t('reports.taskLabel', { no: x.no, title: x.title }) }))}
                  data-testid="contribution-task"
                />
              </Form.Item>
              <Form.Item label={t('reports.pick.periodLabel')}>
                <PeriodPicker planId={plan.id} years={pickerYears(task?.years ?? [])} value={value} onChange={onPeriod} />
              </Form.Item>
            </Flex>
            {task ? (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('contribution.leadIs', { leads: task.leads.join('、') })} />
            ) : null}
            <Form.Item label={t('contribution.text')} required validateStatus={fieldError ? 'error' : undefined} help={fieldError ? <span data-testid="contribution-text-error">{fieldError}</span> : undefined}>
              <Input.TextArea
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setFieldError(null);
                }}
                autoSize={{ minRows: 5, maxRows: 14 }}
                maxLength={4000}
                showCount
                data-testid="contribution-text"
              />
            </Form.Item>
            {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="contribution-error" /> : null}
            {saved ? (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="contribution-saved"
                title={
                  <Space wrap>
                    <span>{t(saved.status === 'submitted' ? 'contribution.submitted' : 'contribution.savedDraft', { period: periodText(saved.period, lang) })}</span>
                    <Tag color={saved.status === 'submitted' ? 'success' : 'default'}>{t(`reports.status.${saved.status}`)}</Tag>
                    <span>{formatDateTime(saved.updatedAt)}</span>
                  </Space>
                }
              />
            ) : null}
            <Flex gap={8} justify="flex-end">
              <Button icon={<SaveOutlined />} onClick={() => void send(false)} loading={busy === 'save'} disabled={!value.period} data-testid="contribution-save">
                {t('contribution.save')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} onClick={() => void send(true)} loading={busy === 'submit'} disabled={!value.period} data-testid="contribution-submit">
                {t('contribution.submit')}
              </Button>
            </Flex>
          </Form>
        </Card>
      )}
    </>
  );
}
