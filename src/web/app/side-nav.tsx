/**
 * Side navigation generated from the route table. A light list of router links in antd's
 * menu style (antd Menu with its overflow and popup machinery is ~15 KiB gzip, too much for
 * five entries on the initial route); when collapsed only icons show, with tooltips.
 */
import { theme, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface SideNavItem {
  key: string;
  to: string;
  icon: ReactNode;
  label: string;
  /** Shown after the label (e.g. a lock for pages that need signing in). */
  suffix?: ReactNode;
}

/** Vertical navigation; `selectedKey` is highlighted. */
export function SideNav({ items, selectedKey, collapsed, ariaLabel }: { items: SideNavItem[]; selectedKey?: string; collapsed: boolean; ariaLabel: string }) {
  const { token } = theme.useToken();
  return (
    <nav aria-label={ariaLabel} data-testid="side-menu" style={{ padding: '8px 4px' }}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => {
          const selected = item.key === selectedKey;
          const link = (
            <Link
              to={item.to}
              aria-current={selected ? 'page' : undefined}
              className={`side-nav-link${selected ? ' side-nav-link-selected' : ''}`}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 10,
                height: 40,
                margin: '4px 0',
                paddingInline: collapsed ? 0 : 20,
                justifyContent: collapsed ? 'center' : 'flex-start',
                borderRadius: token.borderRadiusLG,
                color: selected ? token.colorPrimary : token.colorText,
                background: selected ? token.controlItemBgActive : undefined,
                fontWeight: selected ? 500 : 400,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
              }}
            >
              <span style={{ fontSize: 16, display: 'inline-flex' }}>{item.icon}</span>
              {collapsed ? null : <span>{item.label}</span>}
              {collapsed || !item.suffix ? null : <span style={{ marginInlineStart: 'auto', color: token.colorTextTertiary }}>{item.suffix}</span>}
            </Link>
          );
          return (
            <li key={item.key}>
              {collapsed ? (
                <Tooltip title={item.label} placement="right">
                  {link}
                </Tooltip>
              ) : (
                link
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
