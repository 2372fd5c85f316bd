/**
 * 考核指标库 (/assessment/indicators): the catalogue — code, name, unit, direction, source, group,
 * definition and the plan line it is drawn from; the plan office edits an indicator or adds one.
 * Derived indicators keep their source and rule.
 */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, message, Modal, Radio, Segmented, Select, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useState } from 'react';
import { AsyncContent } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { SourceLine } from '../../../components/source-line.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { createIndicator, editIndicator, useIndicators, type Indicator } from '../api/assessment.api.js';
import { AssessmentShell } from './assessment-shell.js';
import { useAssessmentSession, useRefreshAssessment } from './use-assessment.js';

const CODE_PATTERN = /^[A-Z][A-Z0-9_-]{1,39}$/;
type GroupFilter = 'all' | Indicator['group'];

interface FormValues {
  code: string;
  name: string;
  unit: string;
  direction: Indicator['direction'];
  group: Indicator['group'];
  definition: string;
  active: boolean;
}

function IndicatorDialog({ indicator, onClose }: { indicator: Indicator | null; onClose: () => void }) {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const session = useAssessmentSession();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshAssessment(plan.id);
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const creating = indicator === null;
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      if (creating) {
        await createIndicator({ code: values.code, name: values.name.trim(), unit: (values.unit ?? '').trim(), direction: values.direction, group: values.group, definition: values.definition.trim() }, session.csrf);
        void message.success(t('assessment.indicator.created', { code: values.code }));
      } else {
        await editIndicator(indicator.code, { name: values.name.trim(), unit: (values.unit ?? '').trim(), direction: values.direction, definition: values.definition.trim(), active: values.active }, session.csrf);
        void message.success(t('assessment.indicator.saved', { code: indicator.code }));
      }
      await refresh();
      onClose();
    } catch (e) {
      setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };
  const required = (field: string) => ({ required: true, whitespace: true, message: t('assessment.indicator.required', { field }) });
  return (
    <Modal
      open
      width={640}
      title={creating ? t('assessment.indicator.new') : t('assessment.indicator.editTitle', { code: indicator.code })}
      okText={t('assessment.save')}
      cancelText={t('assessment.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ loading: busy, 'data-testid': 'indicator-save' } as never}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        data-testid="indicator-form"
        initialValues={
          indicator
            ? { ...indicator }
            : { code: '', name: '', unit: '', direction: 'positive', group: 'common', definition: '', active: true }
        }
      >
        {creating ? (
          <Form.Item name="code" label={t('assessment.col.code')} extra={t('assessment.indicator.codeHint')} rules={[required(t('assessment.col.code')), { pattern: CODE_PATTERN, message: t('assessment.indicator.codeInvalid') }]}>
            <Input data-testid="indicator-code" maxLength={40} />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={t('assessment.col.name')} rules={[required(t('assessment.col.name')), { min: 2, max: 60, message: t('assessment.indicator.nameLength') }]}>
          <Input data-testid="indicator-name" maxLength={60} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="unit" label={t('assessment.col.unit')} style={{ flex: '1 1 160px' }} rules={[{ max: 20 }]}>
            <Input maxLength={20} data-testid="indicator-unit" />
          </Form.Item>
          <Form.Item name="direction" label={t('assessment.col.direction')} style={{ flex: '1 1 160px' }}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'positive', label: t('assessment.dir.positiveLong') },
                { value: 'negative', label: t('assessment.dir.negativeLong') },
              ]}
            />
          </Form.Item>
          {creating ? (
            <Form.Item name="group" label={t('assessment.col.group')} style={{ flex: '1 1 160px' }}>
              <Select options={(['common', 'core', 'bay', 'eco'] as const).map((g) => ({ value: g, label: t(`assessment.group.${g}`) }))} data-testid="indicator-group" />
            </Form.Item>
          ) : (
            <Form.Item name="active" label={t('assessment.indicator.active')} valuePropName="checked" style={{ flex: '1 1 120px' }}>
              <Switch data-testid="indicator-active" />
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="definition" label={t('assessment.col.definition')} rules={[required(t('assessment.col.definition')), { min: 2, max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="indicator-definition" />
        </Form.Item>
        {creating ? <Typography.Text type="secondary">{t('assessment.indicator.createHint')}</Typography.Text> : null}
        {indicator?.source === 'derived' ? <Typography.Text type="secondary">{t('assessment.indicator.derivedHint')}</Typography.Text> : null}
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="indicator-error" /> : null}
    </Modal>
  );
}

export function IndicatorsPage() {
  const { t } = useI18n();
  const session = useAssessmentSession();
  const indicators = useIndicators(session.can('assessment:read'));
  const [group, setGroup] = useState<GroupFilter>('all');
  const [dialog, setDialog] = useState<{ indicator: Indicator | null } | null>(null);
  const columns: ColumnsType<Indicator> = [
    { title: t('assessment.col.code'), dataIndex: 'code', width: 150, render: (code: string) => <code style={{ fontSize: 12 }}>{code}</code> },
    {
      title: t('assessment.col.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <span>
          {name}
          {!row.active ? (
            <Tag style={{ marginInlineStart: 6 }}>{t('assessment.indicator.inactive')}</Tag>
          ) : null}
        </span>
      ),
    },
    { title: t('assessment.col.unit'), dataIndex: 'unit', width: 90, render: (unit: string) => unit || '—' },
    { title: t('assessment.col.direction'), dataIndex: 'direction', width: 70, render: (d: Indicator['direction']) => <Tag color={d === 'positive' ? 'blue' : 'purple'}>{t(`assessment.dir.${d}`)}</Tag> },
    { title: t('assessment.col.source'), dataIndex: 'source', width: 120, render: (s: Indicator['source']) => <Tag color={s === 'derived' ? 'cyan' : 'default'}>{t(`assessment.source.${s}`)}</Tag> },
    { title: t('assessment.col.group'), dataIndex: 'group', width: 110, render: (g: Indicator['group']) => t(`assessment.group.${g}` as DictKey) },
    { title: t('assessment.col.definition'), dataIndex: 'definition', width: 380, render: (d: string) => <Typography.Paragraph style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2, expandable: true, symbol: t('assessment.more') }}>{d}</Typography.Paragraph> },
    { title: t('assessment.col.planLine'), dataIndex: 'planLine', width: 110, render: (line: number | null) => (line === null ? '—' : <SourceLine line={line} />) },
    ...(session.canManage
      ? [
          {
            title: '',
            key: 'actions',
            width: 70,
            render: (_: unknown, row: Indicator) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ indicator: row })} data-testid="indicator-edit">
                {t('assessment.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <AssessmentShell
      section="indicators"
      year={null}
      title={t('assessment.indicators.title')}
      subtitle={t('assessment.indicators.subtitle')}
      extra={
        session.canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ indicator: null })} data-testid="indicator-new">
            {t('assessment.indicator.new')}
          </Button>
        ) : null
      }
    >
      <AsyncContent query={indicators}>
        {(list) => (
          <Card
            size="small"
            title={
              <Segmented<GroupFilter>
                value={group}
                onChange={setGroup}
                data-testid="indicator-group-filter"
                options={(['all', 'common', 'core', 'bay', 'eco'] as const).map((g) => ({
                  value: g,
                  label: `${g === 'all' ? t('common.all') : t(`assessment.group.${g}`)} ${g === 'all' ? list.length : list.filter((i) => i.group === g).length}`,
                }))}
              />
            }
          >
            <Table<Indicator>
              size="small"
              rowKey="code"
              pagination={false}
              columns={columns}
              dataSource={group === 'all' ? list : list.filter((i) => i.group === group)}
              scroll={{ x: 'max-content' }}
              onRow={(row) => ({ 'data-testid': 'indicator-row', 'data-code': row.code }) as never}
            />
          </Card>
        )}
      </AsyncContent>
      {dialog ? <IndicatorDialog indicator={dialog.indicator} onClose={() => setDialog(null)} /> : null}
    </AssessmentShell>
  );
}
