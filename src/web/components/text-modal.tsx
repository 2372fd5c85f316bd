/**
 * A modal asking for one text (退回/更正 reasons, 督办单 反馈, 批示 落实情况, 批示 内容). Too short is
 * caught here; the server's message (Chinese, as it comes) shows under the field when it names
 * it, above otherwise. Test ids: `<testId>`, `-input`, `-error`, `-field-error`, `-ok`.
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiClientError } from '../lib/api-client.js';
import { useErrorMessage } from './error-message.js';

export interface TextModalProps {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  cancelText: string;
  /** Shown under the field when fewer than 2 characters are written. */
  tooShortText: string;
  danger?: boolean;
  rows?: number;
  /** Field name the server uses for this text (to place its error under the field). */
  field: string;
  initial?: string;
  maxLength?: number;
  /** Shown above the field (e.g. the notice being answered). */
  children?: ReactNode;
  onSubmit: (text: string) => Promise<void>;
  onClose: () => void;
  testId: string;
}

export function TextModal({ open, title, label, okText, cancelText, tooShortText, danger, rows = 5, field, initial = '', maxLength = 4000, children, onSubmit, onClose, testId }: TextModalProps) {
  const errorMessage = useErrorMessage();
  const [text, setText] = useState(initial);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    if (text.trim().length < 2) {
      setFieldError(tooShortText);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(text.trim());
      setText(initial);
      setFieldError(null);
    } catch (e) {
      const details = e instanceof ApiClientError ? (e.details as { field?: string; issues?: { field: string; message: string }[] } | null) : null;
      const onField = details?.field === field || details?.issues?.some((i) => i.field === field);
      if (onField) setFieldError(errorMessage(e as Error));
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
      cancelText={cancelText}
      okButtonProps={{ danger, loading: busy, 'data-testid': `${testId}-ok` }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <div data-testid={testId}>
        {children}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid={`${testId}-error`} /> : null}
        <Form layout="vertical">
          <Form.Item label={label} required validateStatus={fieldError ? 'error' : undefined} help={fieldError ? <span data-testid={`${testId}-field-error`}>{fieldError}</span> : undefined}>
            <Input.TextArea
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setFieldError(null);
              }}
              rows={rows}
              maxLength={maxLength}
              showCount
              autoFocus
              data-testid={`${testId}-input`}
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
