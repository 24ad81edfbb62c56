/**
 * A seeded, deterministic Fuyang district (富阳区) for the mock backend, the
 * tests and the benchmarks: the district federation, its 24 towns and streets
 * plus district-level system unions, about 1,800 grassroots unions, and a
 * year of assignments with progress reports.
 *
 * The data tells a story on purpose: towns clearly ahead (银湖, 东洲) and
 * behind (湖源, 上官, 渔山), strong organisation work and weak skills work,
 * a bottom-heavy grade distribution, late milestones and breached limits.
 */
import type { Assignment, Demand, Meta, Methodology, Org } from '../../src/api/schemas';
import { methodologyFor } from './catalog';
import { Random, hashSeed } from './random';

export interface MockDistrict {
  meta: Meta;
  methodology: Methodology;
  orgs: Org[];
  assignments: Assignment[];
  /** 需求上报 of the year up to its as-of date (methodology §12). */
  demands: Demand[];
}

export const DISTRICT_ID = '330111';
export const YEARS = [2024, 2025];
/** 2025 is complete to June 30; 2024 to year end. */
export const AS_OF: Record<number, string> = { 2024: '2024-12-31', 2025: '2025-06-30' };

interface TownSpec {
  id: string;
  name: string;
  kind: 'street' | 'town' | 'township' | 'system';
  /** Economic weight: share of grassroots unions. */
  size: number;
  /** How well the town runs its work, roughly −1 … +1. */
  form: number;
}

export const TOWNS: TownSpec[] = [
  { id: 'T-YINHU', name: '银湖街道', kind: 'street', size: 175, form: 0.75 },
  { id: 'T-FUCHUN', name: '富春街道', kind: 'street', size: 165, form: 0.45 },
  { id: 'T-DONGZHOU', name: '东洲街道', kind: 'street', size: 135, form: 0.65 },
  { id: 'T-CHUNJIANG', name: '春江街道', kind: 'street', size: 95, form: 0.25 },
  { id: 'T-LUSHAN', name: '鹿山街道', kind: 'street', size: 80, form: 0.15 },
  { id: 'T-XINDENG', name: '新登镇', kind: 'town', size: 145, form: 0.3 },
  { id: 'T-WANSHI', name: '万市镇', kind: 'town', size: 45, form: -0.25 },
  { id: 'T-DONGQIAO', name: '洞桥镇', kind: 'town', size: 40, form: -0.35 },
  { id: 'T-LUZHU', name: '渌渚镇', kind: 'town', size: 48, form: -0.05 },
  { id: 'T-YONGCHANG', name: '永昌镇', kind: 'town', size: 55, form: 0.05 },
  { id: 'T-LISHAN', name: '里山镇', kind: 'town', size: 42, form: -0.2 },
  { id: 'T-CHANGLV', name: '常绿镇', kind: 'town', size: 36, form: -0.1 },
  { id: 'T-CHANGKOU', name: '场口镇', kind: 'town', size: 78, form: 0.2 },
  { id: 'T-CHANGAN', name: '常安镇', kind: 'town', size: 50, form: -0.15 },
  { id: 'T-LONGMEN', name: '龙门镇', kind: 'town', size: 44, form: 0.1 },
  { id: 'T-XUKOU', name: '胥口镇', kind: 'town', size: 40, form: -0.3 },
  { id: 'T-DAYUAN', name: '大源镇', kind: 'town', size: 72, form: 0.35 },
  { id: 'T-LINGQIAO', name: '灵桥镇', kind: 'town', size: 70, form: 0.0 },
  { id: 'T-XINTONG', name: '新桐乡', kind: 'township', size: 30, form: -0.35 },
  { id: 'T-SHANGGUAN', name: '上官乡', kind: 'township', size: 17, form: -0.8 },
  { id: 'T-HUANSHAN', name: '环山乡', kind: 'township', size: 30, form: -0.25 },
  { id: 'T-HUYUAN', name: '湖源乡', kind: 'township', size: 17, form: -0.9 },
  { id: 'T-CHUNJIAN', name: '春建乡', kind: 'township', size: 24, form: -0.55 },
  { id: 'T-YUSHAN', name: '渔山乡', kind: 'township', size: 27, form: -0.65 },
  { id: 'S-JIGUAN', name: '区直机关工会委员会', kind: 'system', size: 40, form: 0.55 },
  { id: 'S-JIAOYU', name: '区教育工会', kind: 'system', size: 45, form: 0.4 },
  { id: 'S-WEIJIAN', name: '区卫生健康系统工会', kind: 'system', size: 22, form: 0.2 },
  { id: 'S-CHANYE', name: '区产业工会联合会', kind: 'system', size: 25, form: -0.05 },
];

/** Organisation work is the district's strength, skills work (建功立业) its weakness. */
const CATEGORY_FORM: Record<string, number> = { ORG: 0.9, DEM: -0.1, SRV: 0.2, DEV: -0.35, BAS: 0.1 };

/** Grassroots unions in the Fuyang mock. */
export const FUYANG_GRASSROOTS = 1790;

// ---------------------------------------------------------------- names

const COMPANY_CORES = [
  '华盛',
  '永泰',
  '金鑫',
  '恒达',
  '东方',
  '宏远',
  '新华',
  '天成',
  '富豪',
  '春江',
  '鼎盛',
  '瑞丰',
  '明辉',
  '嘉和',
  '汇丰',
  '正泰',
  '海川',
  '双溪',
  '万润',
  '国泰',
  '景华',
  '信达',
  '兴隆',
  '顺发',
  '远洋',
  '中天',
  '博远',
  '凯越',
  '祥和',
  '长城',
  '鸿运',
  '星光',
  '盛世',
  '旭日',
  '银河',
  '绿源',
  '同创',
  '安吉',
  '百川',
  '立信',
  '卓越',
  '振兴',
  '胜达',
  '金马',
  '润泽',
  '泰昌',
  '德力',
  '神州',
  '大洋',
  '新光',
  '亚太',
  '江南',
  '山水',
  '恒丰',
  '金桥',
  '众合',
];
const INDUSTRIES = [
  '纸业',
  '造纸',
  '服饰',
  '机械',
  '电子',
  '建材',
  '光电',
  '新材料',
  '医疗器械',
  '印务',
  '包装',
  '五金',
  '化纤',
  '环保科技',
  '食品',
  '茶业',
  '物流',
  '汽车部件',
  '电器',
  '针织',
  '家居',
  '铜业',
  '精密机械',
  '智能科技',
  '生物科技',
  '塑业',
  '竹木制品',
  '酒店管理',
  '建设',
  '农业开发',
];
const PLACE_WORDS = [
  '东',
  '西',
  '南',
  '北',
  '新',
  '中',
  '上',
  '下',
  '大',
  '小',
  '龙',
  '凤',
  '桥',
  '山',
  '溪',
  '湖',
  '塘',
  '岭',
  '坞',
  '源',
];
const PLACE_TAILS = ['村', '社区'];
const SCHOOL_KINDS = ['小学', '中学', '初级中学', '幼儿园', '中心小学', '中心幼儿园'];
const JOINT_KINDS = [
  '小微企业联合工会',
  '商会联合工会',
  '园区联合工会',
  '快递物流行业联合工会',
  '餐饮行业联合工会',
  '家政服务行业联合工会',
  '楼宇联合工会',
  '货运司机联合工会',
];
const DISTRICT_BODIES = [
  '财政局',
  '人力社保局',
  '发展和改革局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '商务局',
  '文化和广电旅游体育局',
  '民政局',
  '司法局',
  '自然资源和规划分局',
  '生态环境分局',
  '市场监督管理局',
  '应急管理局',
  '统计局',
  '医疗保障分局',
  '人民法院',
  '人民检察院',
  '公安分局',
  '税务局',
  '供销合作社',
  '融媒体中心',
  '档案馆',
  '图书馆',
  '总工会机关',
  '机关事务服务中心',
  '城市管理局',
  '水利水电局',
  '经济和信息化局',
  '退役军人事务局',
  '审计局',
  '科学技术局',
  '数据资源局',
  '信访局',
  '科协',
  '妇联',
  '团区委',
  '残联',
  '红十字会',
  '党校',
  '行政服务中心',
  '卫生监督所',
];
const HOSPITALS = ['第一人民医院', '第二人民医院', '中医骨伤医院', '妇幼保健院', '疾病预防控制中心', '中医院', '第三人民医院', '急救中心'];

function place(rng: Random): string {
  return rng.pick(PLACE_WORDS) + rng.pick(PLACE_WORDS);
}

type GrassrootsKind = 'enterprise' | 'institution' | 'community' | 'joint';

function grassrootsName(rng: Random, town: TownSpec, kind: GrassrootsKind): string {
  const short = town.name.replace(/(街道|镇|乡)$/, '');
  switch (kind) {
    case 'enterprise': {
      const prefix = rng.pick(['杭州', '杭州富阳', '富阳', '浙江', '杭州']);
      return `${prefix}${rng.pick(COMPANY_CORES)}${rng.pick(INDUSTRIES)}有限公司工会`;
    }
    case 'institution':
      if (town.id === 'S-WEIJIAN') return `富阳区${rng.chance(0.5) ? rng.pick(HOSPITALS) : `${place(rng)}卫生院`}工会`;
      if (town.id === 'S-JIGUAN') return `富阳区${rng.pick(DISTRICT_BODIES)}工会`;
      return `富阳区${short}${rng.chance(0.3) ? '' : place(rng)}${rng.pick(SCHOOL_KINDS)}工会`;
    case 'community':
      return `${short}${place(rng)}${rng.pick(PLACE_TAILS)}工会`;
    case 'joint':
      return rng.chance(0.5) ? `${short}${rng.pick(JOINT_KINDS)}` : `${short}${place(rng)}村联合工会`;
  }
}

function kindFor(rng: Random, town: TownSpec): GrassrootsKind {
  if (town.id === 'S-JIGUAN' || town.id === 'S-JIAOYU' || town.id === 'S-WEIJIAN') return 'institution';
  if (town.id === 'S-CHANYE') return rng.chance(0.8) ? 'enterprise' : 'joint';
  const r = rng.next();
  if (town.kind === 'township') return r < 0.35 ? 'enterprise' : r < 0.5 ? 'institution' : r < 0.8 ? 'community' : 'joint';
  return r < 0.62 ? 'enterprise' : r < 0.72 ? 'institution' : r < 0.84 ? 'community' : 'joint';
}

function membersFor(rng: Random, kind: GrassrootsKind): number {
  const ln = (median: number, sd: number, lo: number, hi: number) =>
    Math.max(lo, Math.min(hi, Math.round(median * Math.exp(rng.normal(0, sd)))));
  switch (kind) {
    case 'enterprise':
      return ln(65, 0.95, 8, 3200);
    case 'institution':
      return ln(60, 0.6, 12, 900);
    case 'community':
      return ln(22, 0.5, 5, 120);
    case 'joint':
      return ln(150, 0.7, 25, 1500);
  }
}

// ---------------------------------------------------------------- tree

interface OrgDraft {
  org: Org;
  /** Latent performance, roughly −2 … +2. */
  form: number;
  town: TownSpec | null;
}

function buildTree(rng: Random, year: number, grassrootsTotal: number): OrgDraft[] {
  const drafts: OrgDraft[] = [];
  const district: Org = { id: DISTRICT_ID, name: '富阳区总工会', tier: 'district', parentId: null, members: 0 };
  drafts.push({ org: district, form: 0.35, town: null });
  const totalSize = TOWNS.reduce((s, t) => s + t.size, 0);
  const names = new Set<string>();
  let serial = 0;
  // the tree changes a little from year to year: a few unions are founded or closed
  const yearRng = new Random(hashSeed(`churn-${year}`));
  for (const town of TOWNS) {
    const townOrg: Org = {
      id: town.id,
      name: town.kind === 'system' ? town.name : `${town.name}总工会`,
      tier: 'town',
      parentId: DISTRICT_ID,
      members: 0,
      kind: town.kind,
    };
    drafts.push({ org: townOrg, form: town.form, town });
    const count = Math.round((town.size / totalSize) * grassrootsTotal);
    for (let k = 0; k < count; k++) {
      serial++;
      const kind = kindFor(rng, town);
      let name = grassrootsName(rng, town, kind);
      for (let attempt = 0; names.has(name) && attempt < 5; attempt++) name = grassrootsName(rng, town, kind);
      if (names.has(name)) name = name.replace(/工会$/, `第${serial}分会工会`);
      const members = membersFor(rng, kind);
      const form =
        town.form * 1.2 +
        rng.normal(0, 1.0) -
        (rng.chance(0.4) ? rng.between(0.5, 2) : 0) +
        (members > 300 ? 0.25 : 0) +
        (kind === 'community' ? -0.2 : 0);
      names.add(name);
      // ~1% of unions exist in only one of the two years
      if (yearRng.chance(0.012) && (year === 2024) === (serial % 2 === 0)) continue;
      const org: Org = {
        id: `G-${String(serial).padStart(4, '0')}`,
        name,
        tier: 'grassroots',
        parentId: town.id,
        members,
        kind,
      };
      townOrg.members += members;
      drafts.push({ org, form, town });
    }
    district.members += townOrg.members;
  }
  return drafts;
}

// ---------------------------------------------------------------- assignments

const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoCache = new Map<number, string>();
function toIso(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) isoCache.set(day, (iso = new Date(day * DAY).toISOString().slice(0, 10)));
  return iso;
}

interface TargetRule {
  /** Which grassroots kinds are issued it (others: all kinds). */
  kinds?: GrassrootsKind[];
  /** Share of eligible grassroots unions issued it. */
  share?: number;
  target: (tier: string, members: number, rng: Random) => number;
  /** Due date as month-day within the year. */
  due: string;
  /** Rate indicators (%) start near a baseline; counts start from 0. */
  rate?: boolean;
}

const sizeScaled = (perMember: number, min: number) => (members: number) => Math.max(min, Math.round(members * perMember));

const TARGETS: Record<string, TargetRule> = {
  'ORG-01': { target: (t) => (t === 'district' ? 92 : 90), due: '12-31', rate: true },
  'ORG-02': { target: (t, _m, r) => (t === 'grassroots' ? r.pick([90, 92, 95, 95, 98]) : 95), due: '12-31', rate: true },
  'ORG-03': { target: (t) => (t === 'grassroots' ? 95 : 98), due: '12-31', rate: true },
  'ORG-04': { share: 0.3, target: () => 1, due: '05-31' },
  'ORG-05': { target: (t, m) => (t === 'district' ? 3000 : sizeScaled(0.012, 30)(m)), due: '12-31' },
  'DEM-01': { kinds: ['enterprise', 'institution', 'joint'], target: () => 1, due: '06-15' },
  'DEM-02': { kinds: ['enterprise', 'institution', 'joint'], target: (t) => (t === 'grassroots' ? 85 : 90), due: '12-31', rate: true },
  'DEM-03': { kinds: ['enterprise', 'joint'], target: (t) => (t === 'district' ? 96 : t === 'town' ? 92 : 90), due: '12-31', rate: true },
  'DEM-04': { target: () => 85, due: '12-20' },
  'SRV-01': { target: () => 100, due: '12-31', rate: true },
  'SRV-02': {
    target: (t, m) => (t === 'district' ? 12000 : t === 'town' ? sizeScaled(0.05, 120)(m) : sizeScaled(0.08, 3)(m)),
    due: '12-31',
  },
  'SRV-03': { target: () => 95, due: '12-20' },
  'SRV-04': { target: () => 95, due: '12-31', rate: true },
  'SRV-05': { target: (t) => (t === 'district' ? 3 : t === 'town' ? 1 : 0), due: '12-31' },
  'DEV-01': {
    kinds: ['enterprise', 'joint', 'institution'],
    target: (t, m) => (t === 'district' ? 60 : t === 'town' ? sizeScaled(0.001, 8)(m) : m > 300 ? 4 : m > 80 ? 2 : 1),
    due: '11-30',
  },
  'DEV-02': { target: (t, m) => (t === 'district' ? 30 : sizeScaled(0.0002, 1)(m)), due: '11-30' },
  'DEV-03': { kinds: ['enterprise', 'institution'], target: (t, m) => (t === 'district' ? 5000 : sizeScaled(0.05, 2)(m)), due: '11-30' },
  'DEV-04': { target: (t) => (t === 'town' ? 24 : 4), due: '12-31' },
  'BAS-01': { target: () => 100, due: '12-31', rate: true },
  'BAS-02': { target: () => 1, due: '04-30' },
  'BAS-03': { target: (t, m) => (t === 'district' ? 40 : sizeScaled(0.0003, 2)(m)), due: '12-31' },
  'BAS-04': { target: (t) => (t === 'grassroots' ? 95 : 100), due: '12-31', rate: true },
  'BAS-05': { target: () => 95, due: '12-31', rate: true },
};

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round1 = (x: number) => Math.round(x * 10) / 10;

const monthEndCache = new Map<number, number[]>();
/** Day numbers of the twelve month ends of a year. */
function monthEnds(year: number): number[] {
  let ends = monthEndCache.get(year);
  if (!ends) monthEndCache.set(year, (ends = Array.from({ length: 12 }, (_, m) => Date.UTC(year, m + 1, 0) / DAY)));
  return ends;
}

/** Month ends and mid-months on which unions report (not daily). */
function reportDays(rng: Random, year: number, from: number, to: number): number[] {
  const days: number[] = [];
  for (const monthEnd of monthEnds(year)) {
    if (monthEnd > to) break;
    if (monthEnd < from) continue;
    if (rng.chance(0.5)) days.push(monthEnd - (rng.chance(0.5) ? rng.int(0, 12) : 0));
  }
  return days.filter((d) => d > from && d <= to).sort((a, b) => a - b);
}

function assignmentFor(
  rng: Random,
  year: number,
  asOfDay: number,
  draft: OrgDraft,
  indicator: Methodology['indicators'][number],
): Assignment {
  const rule = TARGETS[indicator.id];
  const tier = draft.org.tier;
  const members = draft.org.members || 20000;
  const target = rule.target(tier, tier === 'district' ? 200000 : members, rng);
  const issued = toDay(`${year}-01-06`) + rng.int(0, 14) + (indicator.id === 'ORG-05' ? 45 : 0);
  const due = toDay(`${year}-${rule.due}`);
  // how well this union does this indicator: 0 … 1
  const p = sigmoid((year === 2024 ? -0.9 : -0.35) + draft.form + CATEGORY_FORM[indicator.categoryId] + rng.normal(0, 0.6));
  const idle = p < 0.2 && rng.chance(0.5); // never gets going

  const claimed = idle && rng.chance(0.6) ? null : issued + Math.round(2 + (1 - p) * rng.between(0, 40));
  const events: { date: string; value: number }[] = [];
  const horizon = Math.min(asOfDay, due + 45);
  let completedDay: number | null = null;

  if (claimed !== null && claimed <= asOfDay && !idle) {
    switch (indicator.scoring) {
      case 'ratio': {
        // reach `final` of target by the due date, following the calendar with some drag
        const final = target * Math.min(1.12, 0.45 + 0.68 * p + rng.normal(0, 0.05));
        const base = rule.rate ? target * Math.min(0.97, 0.55 + 0.35 * p) : 0;
        const drag = 0.55 + 0.8 * (1 - p); // >1: back-loaded
        for (const d of reportDays(rng, year, claimed, Math.min(horizon, due))) {
          const share = Math.min(1, Math.max(0, (d - issued) / (due - issued)));
          const v = base + (Math.max(final, base) - base) * Math.pow(share, drag);
          events.push({ date: toIso(d), value: rule.rate ? round1(v) : Math.round(v) });
        }
        break;
      }
      case 'binary': {
        const lateness = Math.round((0.55 - p) * 80 + rng.normal(0, 15));
        const day = due + lateness;
        if (day <= horizon && day > claimed) {
          events.push({ date: toIso(day), value: 1 });
          completedDay = day;
        }
        break;
      }
      case 'rating': {
        // a mid-year survey, then the year-end evaluation
        const score = Math.max(55, Math.min(100, round1(68 + 30 * p + rng.normal(0, 3))));
        const survey = toDay(`${year}-05-20`) + rng.int(0, 30);
        if (survey <= horizon && survey > claimed) events.push({ date: toIso(survey), value: round1(score - rng.between(0, 4)) });
        const final = due - rng.int(0, 15);
        if (final <= horizon && final > claimed) {
          events.push({ date: toIso(final), value: score });
          completedDay = final;
        }
        break;
      }
      case 'inverse': {
        // disputes are rare; weak unions breach their limit more often
        const breaches = rng.chance(0.04 + 0.18 * (1 - p) * (1 - p))
          ? target + rng.int(1, tier === 'grassroots' ? 2 : 3)
          : rng.int(0, target);
        if (breaches > 0) {
          const when = claimed + rng.int(10, Math.max(11, horizon - claimed));
          if (when <= horizon) events.push({ date: toIso(when), value: breaches });
        }
        break;
      }
    }
  }
  const last = events.length ? toDay(events[events.length - 1].date) : null;
  const reported = last !== null && (indicator.scoring !== 'inverse' || events.length > 0) ? last : null;
  const closes = indicator.scoring === 'binary' || indicator.scoring === 'rating' ? completedDay : last;
  const evaluated =
    closes !== null && (closes >= due - 20 || indicator.scoring === 'binary') && rng.chance(0.85) ? closes + rng.int(3, 25) : null;
  const exempt = rng.chance(0.008) ? issued + rng.int(20, 120) : null;
  const cap = (d: number | null) => (d !== null && d <= asOfDay ? toIso(d) : null);
  return {
    orgId: draft.org.id,
    indicatorId: indicator.id,
    target,
    due: toIso(due),
    issuedAt: toIso(issued),
    claimedAt: cap(claimed),
    reportedAt: cap(reported),
    evaluatedAt: cap(evaluated),
    exemptAt: cap(exempt),
    progress: events,
  };
}

function buildAssignments(rng: Random, year: number, methodology: Methodology, drafts: OrgDraft[]): Assignment[] {
  const asOfDay = toDay(AS_OF[year] ?? `${year}-12-31`);
  const out: Assignment[] = [];
  for (const draft of drafts) {
    const { tier, kind } = draft.org;
    for (const indicator of methodology.indicators) {
      if (!indicator.tiers.includes(tier)) continue;
      const rule = TARGETS[indicator.id];
      if (tier === 'grassroots') {
        if (rule.kinds && !rule.kinds.includes(kind as GrassrootsKind)) continue;
        if (rule.share !== undefined && !rng.chance(rule.share)) continue;
      }
      out.push(assignmentFor(rng, year, asOfDay, draft, indicator));
    }
  }
  return out;
}

// ---------------------------------------------------------------- demands

/** What each kind of union reports about (topic weights), for a plausible topic × town picture. */
const TOPIC_MIX: Record<GrassrootsKind | 'town', Record<string, number>> = {
  enterprise: { WAGE: 30, SAFETY: 22, RIGHTS: 18, SKILL: 15, CARE: 8, SITE: 7 },
  institution: { SKILL: 25, CARE: 20, SITE: 20, WAGE: 15, RIGHTS: 10, SAFETY: 10 },
  community: { CARE: 30, SITE: 25, RIGHTS: 15, WAGE: 10, SKILL: 10, SAFETY: 10 },
  joint: { WAGE: 30, RIGHTS: 25, SITE: 15, CARE: 12, SAFETY: 10, SKILL: 8 },
  town: { SITE: 30, CARE: 20, WAGE: 15, RIGHTS: 15, SKILL: 10, SAFETY: 10 },
};

/** Share of resolutions that change a policy (政策调整), by topic; site and pay questions often need one. */
const POLICY_SHARE: Record<string, number> = { SITE: 0.14, WAGE: 0.11, CARE: 0.09, SKILL: 0.08, SAFETY: 0.06, RIGHTS: 0.06 };

const DEMAND_TITLES: Record<string, string[]> = {
  WAGE: [
    '夏季高温补贴发放不到位',
    '加班费计算标准不清',
    '年终奖延迟发放',
    '最低工资标准执行不到位',
    '计件单价调整未经协商',
    '工资集体协商推进缓慢',
    '新就业形态劳动者报酬结算周期过长',
  ],
  SAFETY: [
    '车间通风条件差',
    '劳动防护用品配发不足',
    '夜班安全巡查缺位',
    '高温作业防暑措施不够',
    '特种作业人员培训不足',
    '厂区消防通道被占用',
  ],
  SITE: [
    '园区缺少职工驿站',
    '职工书屋图书陈旧',
    '母婴室建设缺少场地',
    '户外劳动者服务站点不足',
    '职工之家活动场地狭小',
    '快递小哥缺少休息点',
  ],
  RIGHTS: ['劳动合同签订不规范', '职工因病被辞退求助', '社保缴纳基数偏低', '劳务派遣同工不同酬', '工伤认定协助申请', '欠薪维权法律援助'],
  SKILL: [
    '希望增设数控技能培训班',
    '电商直播技能培训需求',
    '技能等级认定渠道不畅',
    '青年职工学历提升补助',
    '师带徒补贴标准偏低',
    '新能源汽车维修培训需求',
  ],
  CARE: ['困难职工子女助学申请', '大病职工医疗救助', '单亲职工家庭帮扶', '外地职工春节返乡补助', '职工家属失业帮扶', '低收入职工住房困难'],
};

/** Knuth's Poisson draw (small means). */
function poisson(rng: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/**
 * A year of 需求上报 up to the year's as-of date, from a random stream of its
 * own (the orgs' and assignments' streams are untouched). Grassroots unions
 * report a few a year (larger ones more), towns some of their own; how fast a
 * demand is triaged and resolved follows its town's form, so weak towns carry
 * the overdue ones. About one resolution in ten is a policy change.
 */
function buildDemands(rng: Random, year: number, drafts: OrgDraft[]): Demand[] {
  const first = toDay(`${year}-01-03`);
  const asOfDay = toDay(AS_OF[year] ?? `${year}-12-31`);
  const share = (asOfDay - toDay(`${year}-01-01`) + 1) / 365;
  const febFirst = toDay(`${year}-02-01`);
  const febLast = toDay(`${year}-03-01`);
  const drafted: (Omit<Demand, 'id'> & { day: number })[] = [];
  for (const draft of drafts) {
    const { org, town } = draft;
    if (org.tier === 'district' || town === null) continue;
    const isTown = org.tier === 'town';
    const yearly = isTown ? 10 : 4.4 * Math.min(2, Math.max(0.4, 0.6 + 0.25 * Math.log(Math.max(org.members, 1) / 40)));
    const count = poisson(rng, yearly * share * (year === 2024 ? 0.85 : 1));
    const mix = TOPIC_MIX[isTown ? 'town' : ((org.kind as GrassrootsKind | undefined) ?? 'enterprise')];
    const topics = Object.keys(mix);
    // a town's form sets how fast its demands move: strong towns triage in ~2 days, weak ones in a week or more
    const pace = Math.exp(-0.7 * town.form) * (year === 2024 ? 1.15 : 1);
    for (let k = 0; k < count; k++) {
      let day = first + rng.int(0, asOfDay - first);
      if (day >= febFirst && day < febLast && rng.chance(0.5)) day = first + rng.int(0, asOfDay - first); // fewer over the Spring Festival
      const topicId = rng.weighted(topics, (t) => mix[t]);
      const title = rng.pick(DEMAND_TITLES[topicId]);
      const stuckTriage = rng.chance(town.form < -0.3 ? 0.05 : 0.01);
      const triageDelay = Math.max(0, Math.round(2.5 * pace * Math.exp(rng.normal(0, 0.7))));
      const roll = rng.next();
      const outcome: Demand['outcome'] =
        roll < POLICY_SHARE[topicId] ? 'policy' : roll < POLICY_SHARE[topicId] + 0.14 ? 'declined' : 'service';
      const stuckAnalysis = rng.chance(town.form < -0.3 ? 0.06 : 0.02);
      const resolveDelay = Math.max(
        1,
        Math.round(14 * Math.sqrt(pace) * (outcome === 'policy' ? 1.9 : outcome === 'declined' ? 0.7 : 1) * Math.exp(rng.normal(0, 0.6))),
      );
      const triaged = stuckTriage ? null : day + triageDelay;
      const resolved = triaged === null || stuckAnalysis ? null : triaged + resolveDelay;
      const triagedAt = triaged !== null && triaged <= asOfDay ? toIso(triaged) : null;
      const resolvedAt = triagedAt !== null && resolved !== null && resolved <= asOfDay ? toIso(resolved) : null;
      drafted.push({
        day,
        orgId: org.id,
        topicId,
        title,
        reportedAt: toIso(day),
        triagedAt,
        resolvedAt,
        outcome: resolvedAt === null ? null : outcome,
      });
    }
  }
  drafted.sort((a, b) => a.day - b.day);
  return drafted.map(({ day: _day, ...d }, k) => ({ id: `Q-${year}-${String(k + 1).padStart(5, '0')}`, ...d }));
}

// ---------------------------------------------------------------- district

const cache = new Map<number, MockDistrict>();

export function mockMeta(): Meta {
  return {
    district: { id: DISTRICT_ID, name: '富阳区总工会' },
    tiers: [
      { id: 'district', name: { zh: '区总工会', en: 'District federation' } },
      { id: 'town', name: { zh: '镇街工会', en: 'Town / street federation' } },
      { id: 'grassroots', name: { zh: '基层工会', en: 'Grassroots union' } },
    ],
    years: YEARS,
    defaultYear: 2025,
    asOf: AS_OF[2025],
    generatedAt: '2025-06-30T18:00:00+08:00',
  };
}

/**
 * Generate a district for a year with `grassroots` unions spread over the towns
 * by economic weight. The tree is seeded by the district, not the year, so
 * unions keep their ids and names across years.
 */
export function generateDistrict(year: number, grassroots = FUYANG_GRASSROOTS): MockDistrict {
  const rng = new Random(hashSeed(`fuyang-${year}-${grassroots}`));
  const methodology = methodologyFor(year);
  const drafts = buildTree(new Random(hashSeed(`fuyang-tree-${grassroots}`)), year, grassroots);
  const assignments = buildAssignments(rng, year, methodology, drafts);
  // demands draw from a stream of their own, so adding them changed no org or assignment
  const demands = buildDemands(new Random(hashSeed(`fuyang-demands-${year}-${grassroots}`)), year, drafts);
  return { meta: mockMeta(), methodology, orgs: drafts.map((x) => x.org), assignments, demands };
}

/** The mock Fuyang district for a year (2024 or 2025), generated once and cached. */
export function mockDistrict(year: number): MockDistrict {
  let d = cache.get(year);
  if (!d) cache.set(year, (d = generateDistrict(year)));
  return d;
}
