/** UI strings of the reporting pages (merged into the app dictionary). Chinese first; English covers the same keys. */
export const zh = {
  'nav.todo': '我的待办',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'nav.todo': 'My to-do',
};
