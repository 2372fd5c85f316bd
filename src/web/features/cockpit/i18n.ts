/** UI strings of the cockpit and supervision pages (merged into the app dictionary). Chinese first; English covers the same keys. */
export const zh = {
  'nav.cockpit': '驾驶舱',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'nav.cockpit': 'Cockpit',
};
