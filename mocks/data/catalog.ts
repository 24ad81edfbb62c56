/**
 * The district's indicator catalog and rules (methodology §11), as the mock
 * backend serves them. 2025 added ORG-05 (new-employment-form workers); 2024
 * ran without it, so the app must read the catalog, not assume it.
 */
import type { Methodology } from '../../src/api/schemas';

type IndicatorRow = Methodology['indicators'][number];
const D = 'district';
const T = 'town';
const G = 'grassroots';

const ind = (
  id: string,
  categoryId: string,
  zh: string,
  en: string,
  unit: string,
  scoring: IndicatorRow['scoring'],
  tiers: string[],
  weight: number,
  penalty?: number,
): IndicatorRow => ({ id, categoryId, name: { zh, en }, unit, scoring, weight, tiers, ...(penalty !== undefined ? { penalty } : {}) });

export const categories2025: Methodology['categories'] = [
  { id: 'ORG', name: { zh: '组织建设', en: 'Organisation' }, weight: 0.25 },
  { id: 'DEM', name: { zh: '民主管理', en: 'Democratic management' }, weight: 0.2 },
  { id: 'SRV', name: { zh: '维权服务', en: 'Rights and services' }, weight: 0.25 },
  { id: 'DEV', name: { zh: '建功立业', en: 'Skills and achievement' }, weight: 0.15 },
  { id: 'BAS', name: { zh: '基础保障', en: 'Foundations' }, weight: 0.15 },
];

export const indicators2025: IndicatorRow[] = [
  ind('ORG-01', 'ORG', '工会组建率', 'Union establishment rate', '%', 'ratio', [D, T], 0.25),
  ind('ORG-02', 'ORG', '职工入会率', 'Worker membership rate', '%', 'ratio', [D, T, G], 0.25),
  ind('ORG-03', 'ORG', '会员实名制录入率', 'Real-name member registration', '%', 'ratio', [D, T, G], 0.15),
  ind('ORG-04', 'ORG', '按期换届', 'On-time re-election', '', 'binary', [T, G], 0.15),
  ind('ORG-05', 'ORG', '新就业形态劳动者入会', 'New-employment-form workers enrolled', '人', 'ratio', [D, T], 0.2),
  ind('DEM-01', 'DEM', '职代会召开', "Workers' congress held", '', 'binary', [T, G], 0.3),
  ind('DEM-02', 'DEM', '厂务公开实施率', 'Open-affairs implementation', '%', 'ratio', [D, T, G], 0.2),
  ind('DEM-03', 'DEM', '集体合同覆盖率', 'Collective-contract coverage', '%', 'ratio', [D, T, G], 0.3),
  ind('DEM-04', 'DEM', '会员评家满意度', 'Member appraisal satisfaction', '分', 'rating', [D, T, G], 0.2),
  ind('SRV-01', 'SRV', '困难职工帮扶率', 'Eligible hardship cases assisted', '%', 'ratio', [D, T], 0.25),
  ind('SRV-02', 'SRV', '送温暖慰问人次', 'Assistance visits', '人次', 'ratio', [D, T, G], 0.2),
  ind('SRV-03', 'SRV', '法律援助满意度', 'Legal-aid satisfaction', '分', 'rating', [D, T], 0.15),
  ind('SRV-04', 'SRV', '职工诉求按期办结率', 'Worker appeals closed on time', '%', 'ratio', [D, T, G], 0.2),
  ind('SRV-05', 'SRV', '群体性劳动纠纷', 'Collective labour disputes', '起', 'inverse', [D, T, G], 0.2, 20),
  ind('DEV-01', 'DEV', '劳动竞赛技能比武', 'Labour and skill competitions', '场', 'ratio', [D, T, G], 0.3),
  ind('DEV-02', 'DEV', '工匠及创新工作室', 'Craftsmen and innovation studios', '个', 'ratio', [D, T], 0.25),
  ind('DEV-03', 'DEV', '职工疗休养人数', 'Workers on recuperation trips', '人', 'ratio', [D, T, G], 0.25),
  ind('DEV-04', 'DEV', '文体活动次数', 'Cultural and sports events', '次', 'ratio', [T, G], 0.2),
  ind('BAS-01', 'BAS', '工会经费收缴完成率', 'Union fund collection vs plan', '%', 'ratio', [D, T, G], 0.25),
  ind('BAS-02', 'BAS', '经费审查', 'Annual fund audit', '', 'binary', [T, G], 0.15),
  ind('BAS-03', 'BAS', '服务阵地新建', 'New service sites (worker stations, reading rooms, nursing rooms)', '个', 'ratio', [D, T], 0.2),
  ind('BAS-04', 'BAS', '工会干部培训完成率', 'Union cadre training completion', '%', 'ratio', [D, T, G], 0.2),
  ind('BAS-05', 'BAS', '任务反馈及时率', 'On-time task feedback', '%', 'ratio', [D, T, G], 0.2),
];

const rules = {
  grades: [
    { grade: '5A', min: 90 },
    { grade: '4A', min: 80 },
    { grade: '3A', min: 70 },
    { grade: '2A', min: 60 },
    { grade: '1A', min: 50 },
  ],
  rollup: { ownWeight: 0.4, childWeighting: 'equal' as const },
  alerts: { remindDays: 7, superviseDays: 15, interviewDays: 30, pace: { remind: 10, warn: 20, supervise: 30 } },
};

/** The topics of 需求上报 and the response times the district sets (methodology §12, contract v1.1). */
export const demandConfig: NonNullable<Methodology['demands']> = {
  topics: [
    { id: 'WAGE', name: { zh: '工资待遇', en: 'Pay' } },
    { id: 'SAFETY', name: { zh: '安全生产', en: 'Workplace safety' } },
    { id: 'SITE', name: { zh: '阵地建设', en: 'Service sites' } },
    { id: 'RIGHTS', name: { zh: '维权帮扶', en: 'Rights protection' } },
    { id: 'SKILL', name: { zh: '技能培训', en: 'Skills training' } },
    { id: 'CARE', name: { zh: '困难帮扶', en: 'Hardship assistance' } },
  ],
  triageDays: 5,
  resolveDays: 30,
};

export function methodologyFor(year: number): Methodology {
  const indicators = year >= 2025 ? indicators2025 : indicators2025.filter((i) => i.id !== 'ORG-05');
  return { year, categories: categories2025, indicators, ...rules, demands: demandConfig };
}
