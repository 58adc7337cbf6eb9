/**
 * The report's eight themes and the ordered status stages, the vocabulary every other module shares.
 * Theme headings are verbatim from the report; colours are the Okabe–Ito set (colour-blind safe),
 * with two shades adjusted for contrast on the light base map.
 */

export const THEME_KEYS = ['urban', 'industry', 'innovation', 'regional', 'rural', 'opening', 'ecology', 'livelihood'] as const;
export type ThemeKey = (typeof THEME_KEYS)[number];

export interface ThemeInfo {
  key: ThemeKey;
  /** The heading as the report prints it (after its block: see docs/architecture.md). */
  heading: string;
  zh: string;
  en: string;
  /** sRGB colour for map symbols and charts. */
  color: [number, number, number];
}

export const THEMES: readonly ThemeInfo[] = [
  { key: 'urban', heading: '聚焦宜居宜业宜游，着力打造长江中游两湖平原中心城市', zh: '中心城市', en: 'Central city', color: [230, 159, 0] },
  { key: 'industry', heading: '聚焦大抓工业抓大工业，着力推进产业集群发展', zh: '产业集群', en: 'Industry clusters', color: [0, 114, 178] },
  { key: 'innovation', heading: '聚焦提升科技创新能力，着力构建创新创业新高地', zh: '科技创新', en: 'Innovation', color: [204, 121, 167] },
  { key: 'regional', heading: '聚焦长江经济带发展战略，着力统筹区域协调发展', zh: '区域协调', en: 'Regional links', color: [213, 94, 0] },
  { key: 'rural', heading: '聚焦实施乡村振兴战略，着力推进农业农村现代化', zh: '乡村振兴', en: 'Rural revival', color: [184, 162, 0] },
  { key: 'opening', heading: '聚焦大力度改革开放，着力激发市场主体活力', zh: '改革开放', en: 'Reform & opening', color: [86, 180, 233] },
  { key: 'ecology', heading: '聚焦环境保护与修复，着力抓好生态文明建设', zh: '生态文明', en: 'Ecology', color: [0, 158, 115] },
  { key: 'livelihood', heading: '聚焦增进民生福祉，着力提升人民群众的生活品质', zh: '民生福祉', en: 'Livelihood', color: [136, 34, 85] },
];

export const themeInfo = (key: ThemeKey): ThemeInfo => THEMES.find((t) => t.key === key)!;

/**
 * Status stages, in the order a project moves through them; `programme` (ongoing programmes and
 * designations) stands apart at the end. data/README.md lists which of the report's verbs map here.
 */
export const STATUS_KEYS = ['planning', 'preliminary', 'start', 'ongoing', 'complete', 'in_service', 'programme'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

export interface StatusInfo {
  key: StatusKey;
  zh: string;
  en: string;
  /** Drawn hollow/dashed: the project has not broken ground. */
  notStarted: boolean;
  /** Drawn with a completion mark. */
  done: boolean;
}

export const STATUSES: readonly StatusInfo[] = [
  { key: 'planning', zh: '谋划', en: 'Conceived', notStarted: true, done: false },
  { key: 'preliminary', zh: '前期工作', en: 'Preliminary work', notStarted: true, done: false },
  { key: 'start', zh: '新开工', en: 'Breaking ground', notStarted: false, done: false },
  { key: 'ongoing', zh: '续建', en: 'Under construction', notStarted: false, done: false },
  { key: 'complete', zh: '建成', en: 'Completed in 2021', notStarted: false, done: true },
  { key: 'in_service', zh: '投用', en: 'In service', notStarted: false, done: true },
  { key: 'programme', zh: '持续推进', en: 'Ongoing programme', notStarted: false, done: false },
];

export const statusInfo = (key: StatusKey): StatusInfo => STATUSES.find((s) => s.key === key)!;

/** The eight county-level units of 荆州市, current names (监利 became 监利市 in 2020). */
export const COUNTIES = ['荆州区', '沙市区', '江陵县', '松滋市', '公安县', '石首市', '监利市', '洪湖市'] as const;
export type County = (typeof COUNTIES)[number];

export const COUNTY_EN: Record<County, string> = {
  荆州区: 'Jingzhou District', 沙市区: 'Shashi District', 江陵县: 'Jiangling', 松滋市: 'Songzi',
  公安县: "Gong'an", 石首市: 'Shishou', 监利市: 'Jianli', 洪湖市: 'Honghu',
};

export type GeomKind = 'point' | 'line' | 'area';
export const GEOM_KINDS: readonly GeomKind[] = ['point', 'line', 'area'];
