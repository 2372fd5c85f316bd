/** 「下载分工表 (Excel)」: a plain link to the server's .xlsx export, so the browser downloads it. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { divisionOfLabourUrl } from '../features/plans/api/plans.api.js';
import { useI18n } from '../lib/i18n/i18n-context.js';

/** Primary button linking to /plans/:planId/export/division-of-labour.xlsx (the server names the file). */
export function DownloadDivisionButton({ planId }: { planId: number }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('common.downloadHint')}>
      <Button type="primary" icon={<DownloadOutlined />} href={divisionOfLabourUrl(planId)} download data-testid="download-division">
        {t('common.download')}
      </Button>
    </Tooltip>
  );
}
