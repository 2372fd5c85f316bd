/** 新建账户 and 停用账户 dialogs of 账户管理; server refusals are shown under the field they concern or above the form. */
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Account } from '../../../../shared/api/auth-api.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { createAccount, disableAccount, type NewAccountInput, type OneTimePasswordResult } from '../api/accounts.api.js';

const LOGIN = /^[a-z][a-z0-9_.-]{2,31}$/;
const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const FIELDS = new Set(['login', 'displayName', 'unitName', 'phone']);

const fieldOf = (e: unknown): string | null => {
  if (!(e instanceof ApiClientError)) return null;
  const details = e.details as { field?: unknown } | undefined;
  return typeof details?.field === 'string' && FIELDS.has(details.field) ? details.field : null;
};

/** 新建账户: login, name, unit, phone → the account and its one-time password. */
export function CreateAccountModal({ open, csrf, onClose, onCreated }: { open: boolean; csrf: string | null; onClose: () => void; onCreated: (result: OneTimePasswordResult) => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<NewAccountInput>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const result = await createAccount(
        { login: values.login.trim(), displayName: values.displayName.trim(), unitName: values.unitName?.trim() || null, phone: values.phone?.trim() || null },
        csrf,
      );
      form.resetFields();
      onCreated(result);
    } catch (e) {
      const field = fieldOf(e);
      if (field) form.setFields([{ name: field as keyof NewAccountInput, errors: [errorMessage(e as Error)] }]);
      else setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('admin.create.title')}
      okText={t('admin.create.submit')}
      cancelText={t('account.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      confirmLoading={busy}
      okButtonProps={{ ...{ 'data-testid': 'create-submit' } }}
      forceRender
    >
      {error ? <Alert type="error" showIcon title={<span data-testid="create-error">{error}</span>} style={{ marginBottom: 16 }} /> : null}
      <Form<NewAccountInput> form={form} layout="vertical" requiredMark data-testid="create-form" onFinish={() => void submit()}>
        <Form.Item
          name="login"
          label={t('admin.col.login')}
          extra={t('admin.create.loginHint')}
          rules={[
            { required: true, whitespace: true, message: t('auth.required', { field: t('admin.col.login') }) },
            { pattern: LOGIN, message: t('admin.create.loginHint') },
          ]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.col.name')} rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('admin.col.name') }) }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="unitName" label={t('admin.col.unit')}>
          <Input maxLength={50} placeholder={t('admin.create.unitPlaceholder')} />
        </Form.Item>
        <Form.Item name="phone" label={t('admin.col.phone')} extra={t('admin.create.phoneHint')} rules={[{ pattern: PHONE, message: t('admin.create.phoneHint') }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

/** 停用账户, with an optional reason (the server records 管理员停用 without one). */
export function DisableAccountModal({ account, csrf, onClose, onDisabled }: { account: Account | null; csrf: string | null; onClose: () => void; onDisabled: (account: Account) => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!account) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await disableAccount(account.id, reason.trim() || undefined, csrf);
      setReason('');
      onDisabled(updated);
    } catch (e) {
      setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={account !== null}
      title={account ? t('admin.disable.title', { name: account.displayName, login: account.login }) : ''}
      okText={t('admin.action.disable')}
      okButtonProps={{ danger: true, ...{ 'data-testid': 'disable-submit' } }}
      cancelText={t('account.cancel')}
      onOk={() => void submit()}
      onCancel={close}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={<span data-testid="disable-error">{error}</span>} style={{ marginBottom: 16 }} /> : null}
      <p style={{ marginTop: 0 }}>{t('admin.disable.hint')}</p>
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={100}
        showCount
        rows={2}
        placeholder={t('admin.disable.reasonPlaceholder')}
        aria-label={t('admin.disable.reason')}
        data-testid="disable-reason"
      />
    </Modal>
  );
}
