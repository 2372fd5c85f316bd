/**
 * The password change form, used at first login (inside the login card) and on 修改密码. The
 * server judges the new password against the security policy; its refusal is shown as it comes,
 * with the policy problems listed one per line, or under the field it concerns.
 */
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useErrorMessage } from '../../../components/error-message.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { changePassword } from '../api/auth.api.js';
import { passwordErrorView, type PasswordErrorView } from '../utils/password-errors.js';

interface ChangeValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = new Set(['currentPassword', 'newPassword']);

/** Current + new + confirm; `onDone` after the server accepted the change. */
export function ChangePasswordForm({ csrfToken, initialCurrent, submitLabel, onDone }: { csrfToken: string | null; initialCurrent?: string; submitLabel: string; onDone: () => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<ChangeValues>();
  const [error, setError] = useState<PasswordErrorView | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: ChangeValues) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }, csrfToken);
      form.resetFields();
      onDone();
    } catch (e) {
      const view = e instanceof ApiClientError ? passwordErrorView(e) : { title: errorMessage(e as Error), problems: [], field: null };
      if (view.field && FIELDS.has(view.field) && view.problems.length === 0) {
        // A single-field refusal (当前密码不正确, 不能与最近N次相同) reads best under the field.
        form.setFields([{ name: view.field as keyof ChangeValues, errors: [view.title] }]);
      } else {
        setError(view);
        if (view.field && FIELDS.has(view.field)) form.setFields([{ name: view.field as keyof ChangeValues, errors: [] }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<ChangeValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ currentPassword: initialCurrent }} requiredMark={false} data-testid="change-password-form">
      {error ? (
        <Alert
          type="error"
          showIcon
          title={<span data-testid="password-error">{error.title}</span>}
          description={
            error.problems.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="password-problems">
                {error.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('auth.required', { field: t('auth.currentPassword') }) }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('auth.newPassword')} extra={t('account.password.rules')} rules={[{ required: true, message: t('auth.required', { field: t('auth.newPassword') }) }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('auth.required', { field: t('auth.confirmPassword') }) },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('auth.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="change-password-submit">
        {submitLabel}
      </Button>
    </Form>
  );
}
