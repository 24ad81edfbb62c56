/**
 * Strings for what the app says when something goes wrong (issue 8): a view
 * that failed to render, a year that failed to load, an unknown page, the demo
 * data notice, the data-quality dialog's summary and paging, and the rule names
 * the record-level validation reports. The rule texts match the API stream's
 * (same keys, same words), so whichever copy wins a merge reads the same.
 */
export const zh = {
  'robust.viewFailed': '此页面显示出错',
  'robust.viewFailedBody': '页眉和导航仍可使用，可以重试或打开其他页面。错误信息：',
  'robust.appFailed': '建家指数无法显示',
  'robust.reload': '重新加载页面',
  'robust.yearFailed': '{year} 年数据加载失败',
  'robust.yearFailedBody': '页面上没有显示 {year} 年的数据。可以重试，或查看其他年度：',
  'robust.yearOption': '查看 {year} 年',
  'robust.yearLoading': '正在加载 {year} 年数据…',
  'robust.notFound': '页面不存在',
  'robust.notFoundBody': '地址 {path} 没有对应的页面。',
  'robust.home': '返回总览',
  'robust.demo': '示例数据',
  'robust.demoTitle': '当前显示的是内置的合成示例区数据，并非真实数据。',
  'robust.truncated': '…（已截断，共 {n} 个字符）',
  'robust.crumbsHidden': '省略了 {n} 级',
  'robust.qualityByRule': '按规则统计',
  'robust.qualityAllRules': '全部规则',
  'robust.qualityRows': '第 {from}–{to} 条，共 {n} 条',
  'robust.qualityField': '{rule}：{field}',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'robust.viewFailed': 'This page could not be shown',
  'robust.viewFailedBody': 'The header and navigation still work: retry, or open another page. The error:',
  'robust.appFailed': 'The Jianjia index could not be shown',
  'robust.reload': 'Reload the page',
  'robust.yearFailed': 'Could not load the data for {year}',
  'robust.yearFailedBody': 'Nothing on this page is data for {year}. Retry, or open another year:',
  'robust.yearOption': 'Open {year}',
  'robust.yearLoading': 'Loading {year}…',
  'robust.notFound': 'Page not found',
  'robust.notFoundBody': 'There is no page at {path}.',
  'robust.home': 'Back to the overview',
  'robust.demo': 'Demo data',
  'robust.demoTitle': 'This is the built-in synthetic demo district, not real data.',
  'robust.truncated': '… (truncated, {n} characters in all)',
  'robust.crumbsHidden': '{n} levels hidden',
  'robust.qualityByRule': 'By rule',
  'robust.qualityAllRules': 'All rules',
  'robust.qualityRows': 'Rows {from}–{to} of {n}',
  'robust.qualityField': '{rule}: {field}',
};
