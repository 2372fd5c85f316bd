/** Menu icons of the administration pages, in their own chunk: only administrators see them. */
import { AuditOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';

export const ADMIN_ICONS = {
  accounts: TeamOutlined,
  roles: SafetyCertificateOutlined,
  policy: SettingOutlined,
  audit: AuditOutlined,
} as const;

export type AdminIconName = keyof typeof ADMIN_ICONS;

/** The icon called `name`. */
export default function AdminIcon({ name }: { name: AdminIconName }) {
  const Icon = ADMIN_ICONS[name];
  return <Icon />;
}
