/** Page title block (ProLayout-style PageContainer header): title, subtitle, actions. */
import { Flex, theme } from 'antd';
import type { ReactNode } from 'react';

/** Title row of a page with optional subtitle and right-aligned actions. */
export function PageHeader({ title, subtitle, extra, children }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode; children?: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div className="page-header" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <h1 style={{ margin: 0, fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3, fontWeight: 600, color: token.colorTextHeading }}>{title}</h1>
          {subtitle ? <div style={{ margin: '4px 0 0', color: token.colorTextSecondary }}>{subtitle}</div> : null}
        </div>
        {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
      </Flex>
      {children}
    </div>
  );
}
