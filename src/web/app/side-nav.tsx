/**
 * Side navigation generated from the route table. A light list of router links in antd's
 * menu style (antd Menu with its overflow and popup machinery is ~15 KiB gzip, too much for
 * a handful of entries on the initial route); when collapsed only icons show, with tooltips.
 * Items may belong to a titled group (系统管理): the group shows its title above its entries,
 * or a thin rule when collapsed.
 */
import { theme, Tooltip } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface SideNavItem {
  key: string;
  to: string;
  icon: ReactNode;
  label: string;
  /** Shown after the label (e.g. a lock for pages that need signing in). */
  suffix?: ReactNode;
}

export interface SideNavGroup {
  key: string;
  /** Group title; the ungrouped entries come first and have none. */
  title?: string;
  items: SideNavItem[];
}

function NavLink({ item, selected, collapsed }: { item: SideNavItem; selected: boolean; collapsed: boolean }) {
  const { token } = theme.useToken();
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
  return collapsed ? (
    <Tooltip title={item.label} placement="right">
      {link}
    </Tooltip>
  ) : (
    link
  );
}

/** Vertical navigation in groups; `selectedKey` is highlighted. Empty groups are not shown. */
export function SideNav({ groups, selectedKey, collapsed, ariaLabel }: { groups: SideNavGroup[]; selectedKey?: string; collapsed: boolean; ariaLabel: string }) {
  const { token } = theme.useToken();
  const list = (items: SideNavItem[]) =>
    items.map((item) => (
      <li key={item.key}>
        <NavLink item={item} selected={item.key === selectedKey} collapsed={collapsed} />
      </li>
    ));
  return (
    <nav aria-label={ariaLabel} data-testid="side-menu" style={{ padding: '8px 4px' }}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {groups
          .filter((group) => group.items.length > 0)
          .map((group) =>
            group.title ? (
              <li key={group.key} data-testid={`side-menu-group-${group.key}`}>
                {collapsed ? (
                  <div role="separator" aria-label={group.title} style={{ height: 1, background: token.colorSplit, margin: '8px 12px' }} />
                ) : (
                  <div
                    id={`side-nav-group-${group.key}`}
                    style={{ padding: '12px 20px 4px', fontSize: 12, color: token.colorTextTertiary, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                  >
                    {group.title}
                  </div>
                )}
                <ul aria-labelledby={collapsed ? undefined : `side-nav-group-${group.key}`} aria-label={collapsed ? group.title : undefined} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {list(group.items)}
                </ul>
              </li>
            ) : (
              <Fragment key={group.key}>{list(group.items)}</Fragment>
            ),
          )}
      </ul>
    </nav>
  );
}
