/** UI strings of the administration pages (merged into the app dictionary). Chinese first; English covers the same keys. */
export const zh = {
  'nav.admin': '系统管理',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'nav.admin': 'Administration',
};
