import { afterEach, describe, expect, it } from 'vitest';
import { render, type Rendered } from '../test/render.js';
import { SideNav, type SideNavGroup } from './side-nav.js';

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

const item = (key: string, label: string) => ({ key, to: key, icon: <span />, label });

describe('SideNav', () => {
  const groups: SideNavGroup[] = [
    { key: 'plan', items: [item('/', '规划概览'), item('/tasks', '重点任务')] },
    { key: 'admin', title: '系统管理', items: [item('/admin/accounts', '账户管理')] },
  ];

  it('lists ungrouped entries first, then each titled group under its title', async () => {
    view = await render(<SideNav groups={groups} selectedKey="/admin/accounts" collapsed={false} ariaLabel="nav" />);
    const links = [...view.container.querySelectorAll('a')].map((a) => a.textContent);
    expect(links).toEqual(['规划概览', '重点任务', '账户管理']);
    const group = view.container.querySelector('[data-testid="side-menu-group-admin"]')!;
    expect(group.textContent).toBe('系统管理账户管理');
    expect(group.querySelector('ul')!.getAttribute('aria-labelledby')).toBe('side-nav-group-admin');
    expect(view.container.querySelector('a[aria-current="page"]')!.textContent).toBe('账户管理');
  });

  it('hides a group without entries (an account without administration roles)', async () => {
    view = await render(<SideNav groups={[groups[0]!, { ...groups[1]!, items: [] }]} collapsed={false} ariaLabel="nav" />);
    expect(view.container.querySelector('[data-testid="side-menu-group-admin"]')).toBeNull();
    expect(view.container.textContent).not.toContain('系统管理');
  });

  it('shows only a separator for the group when collapsed', async () => {
    view = await render(<SideNav groups={groups} collapsed ariaLabel="nav" />);
    const separator = view.container.querySelector('[role="separator"]')!;
    expect(separator.getAttribute('aria-label')).toBe('系统管理');
    expect(view.container.textContent).not.toContain('账户管理');
  });
});
