/** Status and lateness tags of reports, contributions and work plans (one colour per status everywhere). */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReportStatus } from '../../../../shared/api/report-api.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';

const REPORT_COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'cyan',
  accepted: 'success',
  returned: 'error',
};

/** 草稿 / 已提交 / 单位已审核 / 已采纳 / 已退回. */
export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={REPORT_COLORS[status]} data-testid="report-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`reports.status.${status}`)}
    </Tag>
  );
}

export type WorkPlanStatus = 'draft' | 'submitted' | 'accepted' | 'returned';
const WORK_PLAN_COLORS: Record<WorkPlanStatus, string> = { draft: 'default', submitted: 'processing', accepted: 'success', returned: 'error' };

/** 草稿 / 已提交 / 已采纳 / 已退回 of a county work plan. */
export function WorkPlanStatusTag({ status }: { status: WorkPlanStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={WORK_PLAN_COLORS[status]} data-testid="work-plan-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`reports.status.${status}`)}
    </Tag>
  );
}

/** 逾期: submitted after the deadline. */
export function LateTag() {
  const { t } = useI18n();
  return (
    <Tag color="warning" icon={<ClockCircleOutlined />} data-testid="late-tag" style={{ marginInlineEnd: 0 }}>
      {t('reports.late')}
    </Tag>
  );
}
