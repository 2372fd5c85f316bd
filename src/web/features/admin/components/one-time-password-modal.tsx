/**
 * The one-time password of a new or reset account, shown exactly once: the server keeps only its
 * hash, so closing this dialog loses it. It closes only through its button.
 */
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import type { Account } from '../../../../shared/api/auth-api.js';
import { Fields } from '../../../components/ui/panel.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { CopyButton } from '../../auth/components/copy-button.js';

export interface OneTimePasswordShown {
  kind: 'created' | 'reset';
  account: Account;
  oneTimePassword: string;
}

/** Dialog with the password, a copy button and what the holder must do with it. */
export function OneTimePasswordModal({ shown, onClose }: { shown: OneTimePasswordShown | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={shown !== null}
      title={shown?.kind === 'reset' ? t('admin.otp.resetTitle') : t('admin.otp.createdTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="otp-close">
          {t('admin.otp.close')}
        </Button>
      }
    >
      {shown ? (
        <div data-testid="otp-modal">
          <Fields
            items={[
              { key: 'login', label: t('admin.col.login'), value: <Typography.Text strong>{shown.account.login}</Typography.Text> },
              { key: 'name', label: t('admin.col.name'), value: shown.account.displayName },
            ]}
          />
          <div style={{ margin: '16px 0 8px', color: 'rgba(0,0,0,0.45)' }}>{t('admin.otp.password')}</div>
          <Flex align="center" gap={12} wrap>
            <span
              data-testid="one-time-password"
              style={{
                fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
                fontSize: 22,
                fontWeight: 600,
                letterSpacing: 1,
                padding: '4px 12px',
                background: '#f5f7fa',
                border: '1px solid #e5e8ef',
                borderRadius: 6,
                userSelect: 'all',
              }}
            >
              {shown.oneTimePassword}
            </span>
            <CopyButton text={shown.oneTimePassword} data-testid="otp-copy" />
          </Flex>
          <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('admin.otp.once')} description={t('admin.otp.instruction')} />
          {shown.kind === 'created' && shown.account.roles.length === 0 ? <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('admin.otp.noRoles')} /> : null}
        </div>
      ) : null}
    </Modal>
  );
}
