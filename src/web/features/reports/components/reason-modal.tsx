/**
 * A reason is required to 退回 or 更正: a modal with a text area. A short reason is caught here;
 * the server's 400 on `reason` shows under the text area, other errors above it.
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useErrorMessage } from '../../../components/error-message.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';

export interface ReasonModalProps {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

export function ReasonModal({ open, title, label, okText, danger, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    if (reason.trim().length < 2) {
      setFieldError(t('reports.reasonTooShort'));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(reason.trim());
      setReason('');
      setFieldError(null);
    } catch (e) {
      const issues = e instanceof ApiClientError ? (e.details as { issues?: { field: string; message: string }[] } | null)?.issues : undefined;
      const onReason = issues?.find((i) => i.field === 'reason');
      if (onReason) setFieldError(onReason.message);
      else setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('reports.cancel')}
      okButtonProps={{ danger, loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="reason-error" /> : null}
      <Form layout="vertical">
        <Form.Item label={label} required validateStatus={fieldError ? 'error' : undefined} help={fieldError ? <span data-testid="reason-field-error">{fieldError}</span> : undefined}>
          <Input.TextArea
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setFieldError(null);
            }}
            rows={4}
            maxLength={1000}
            showCount
            autoFocus
            data-testid="reason-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
