/** Strings of the phone layout and the fast first screen (summary, cached year, loading progress). */
export const zh = {
  'phone.menu': '设置',
  'phone.menuClose': '收起',
  'load.progressBytes': '已加载 {loaded}',
  'load.summaryOnly': '总览已显示，完整数据加载中…',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'phone.menu': 'Settings',
  'phone.menuClose': 'Close',
  'load.progressBytes': '{loaded} loaded',
  'load.summaryOnly': 'Overview shown; loading the full data…',
};
