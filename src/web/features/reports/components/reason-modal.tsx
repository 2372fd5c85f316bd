/** A reason is required to 退回 or 更正: the shared text modal on the field `reason`. */
import { TextModal } from '../../../components/text-modal.js';
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

export function ReasonModal(props: ReasonModalProps) {
  const { t } = useI18n();
  return <TextModal {...props} cancelText={t('reports.cancel')} tooShortText={t('reports.reasonTooShort')} field="reason" rows={4} maxLength={1000} testId="reason" />;
}
