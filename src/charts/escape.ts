/**
 * Org names are data, never markup: every tooltip formatter goes through this. Its own module (the same five
 * characters as echarts' format.encodeHTML) so option builders do not pull ECharts into the first bundle.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
