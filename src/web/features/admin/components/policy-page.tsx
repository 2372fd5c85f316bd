/**
 * 安全策略 (/admin/policy, 安全管理员): password, lock-out, session, inactivity and TOTP rules
 * (GET/PUT /admin/policy; every change is audited with before/after). Bounds are the server's;
 * each field says its unit.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, InputNumber, message, Row, Switch } from 'antd';
import { useState } from 'react';
import { Loading } from '../../../components/async-content.js';
import { PageHeader } from '../../../components/page-header.js';
import { useErrorMessage } from '../../../components/error-message.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { ME_KEY, useCsrfToken } from '../../auth/api/auth.api.js';
import { AccessGate, PageError } from '../../auth/components/access-gate.js';
import { POLICY_BOUNDS, POLICY_KEY, savePolicy, usePolicy, type NumericPolicyField, type SecurityPolicy } from '../api/policy.api.js';

type Unit = 'days' | 'minutes' | 'hours' | 'times' | 'chars' | 'classes';

/** Sections and fields, in reading order, with their unit. */
const SECTIONS: { title: DictKey; fields: [NumericPolicyField, Unit][] }[] = [
  {
    title: 'admin.policy.section.password',
    fields: [
      ['passwordMinLength', 'chars'],
      ['passwordMinClasses', 'classes'],
      ['passwordMaxAgeDays', 'days'],
      ['passwordHistory', 'times'],
    ],
  },
  {
    title: 'admin.policy.section.lockout',
    fields: [
      ['lockoutThreshold', 'times'],
      ['lockoutMinutes', 'minutes'],
    ],
  },
  {
    title: 'admin.policy.section.session',
    fields: [
      ['idleTimeoutMinutes', 'minutes'],
      ['adminIdleTimeoutMinutes', 'minutes'],
      ['absoluteSessionHours', 'hours'],
    ],
  },
  { title: 'admin.policy.section.account', fields: [['inactiveAccountDays', 'days']] },
];

function Policy({ policy }: { policy: SecurityPolicy }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const csrf = useCsrfToken();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SecurityPolicy>();
  const [messageApi, messageHolder] = message.useMessage();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const totpOn = Form.useWatch('totpRequired', form);

  const save = async (values: SecurityPolicy) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await savePolicy({ ...policy, ...values }, csrf);
      queryClient.setQueryData(POLICY_KEY, saved);
      form.setFieldsValue(saved);
      setDirty(false);
      void messageApi.success(t('admin.policy.saved'));
      // The policy can change what this very session must do first (TOTP): ask the server.
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    } catch (e) {
      setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {messageHolder}
      <PageHeader title={t('nav.admin.policy')} subtitle={t('admin.policy.subtitle')} />
      <Form<SecurityPolicy>
        form={form}
        layout="vertical"
        initialValues={policy}
        onFinish={(values) => void save(values)}
        onValuesChange={() => setDirty(true)}
        requiredMark={false}
        data-testid="policy-form"
        style={{ maxWidth: 960 }}
      >
        {error ? <Alert type="error" showIcon title={<span data-testid="policy-error">{error}</span>} style={{ marginBottom: 16 }} /> : null}
        {SECTIONS.map((section) => (
          <Card key={section.title} size="small" title={t(section.title)} style={{ marginBottom: 16 }}>
            <Row gutter={24}>
              {section.fields.map(([field, unit]) => {
                const { min, max } = POLICY_BOUNDS[field];
                const range = t('admin.policy.range', { min, max, unit: t(`admin.unit.${unit}`) });
                return (
                  <Col key={field} xs={24} md={12}>
                    <Form.Item
                      name={field}
                      label={t(`admin.policy.${field}`)}
                      extra={range}
                      rules={[
                        { required: true, message: t('admin.policy.required') },
                        { type: 'integer', min, max, message: range },
                      ]}
                    >
                      <InputNumber min={min} max={max} precision={0} suffix={t(`admin.unit.${unit}`)} style={{ width: 200 }} data-testid={`policy-${field}`} />
                    </Form.Item>
                  </Col>
                );
              })}
            </Row>
          </Card>
        ))}
        <Card size="small" title={t('admin.policy.section.totp')} style={{ marginBottom: 16 }}>
          <Form.Item name="totpRequired" label={t('admin.policy.totpRequired')} valuePropName="checked" extra={t('admin.policy.totpRequired.hint')}>
            <Switch checkedChildren={t('admin.policy.on')} unCheckedChildren={t('admin.policy.off')} data-testid="policy-totpRequired" />
          </Form.Item>
          {totpOn && !policy.totpRequired ? <Alert type="warning" showIcon title={t('admin.policy.totpWarning')} /> : null}
        </Card>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!dirty} data-testid="policy-save">
            {t('admin.policy.save')}
          </Button>
          <Button
            disabled={!dirty}
            onClick={() => {
              form.resetFields();
              setDirty(false);
              setError(null);
            }}
          >
            {t('admin.policy.revert')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}

function PolicyLoader() {
  const policy = usePolicy();
  if (policy.error && !policy.data) return <PageError error={policy.error} onRetry={policy.refetch} />;
  if (!policy.data) return <Loading />;
  return <Policy policy={policy.data} />;
}

/** Route `/admin/policy`. */
export function PolicyPage() {
  return (
    <AccessGate permission="policy:edit">
      <PolicyLoader />
    </AccessGate>
  );
}
