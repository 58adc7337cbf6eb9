/** Every UI string, Chinese first. One table, so a missing translation is a type error. */
export type Lang = 'zh' | 'en';

const STRINGS = {
  title: ['荆州重点项目地图', 'Jingzhou Works Map'],
  subtitle: ['2021年政府工作报告', '2021 Government Work Report'],
  map: ['荆州市重点项目地图', 'Map of Jingzhou key projects'],
  zoomIn: ['放大', 'Zoom in'],
  zoomOut: ['缩小', 'Zoom out'],
  compass: ['指北（重置方向）', 'Reset bearing to north'],
  loading: ['正在加载地图…', 'Loading the map…'],
  loadFailed: ['数据文件无法加载', 'A data file could not be loaded'],
  language: ['English', '中文'],
  languageLabel: ['切换到英文', 'Switch to Chinese'],
  tabProjects: ['项目', 'Projects'],
  tabCitywide: ['全市事项', 'Citywide'],
  tabStats: ['统计', 'Statistics'],
  filterTheme: ['主题', 'Theme'],
  filterStatus: ['进度', 'Status'],
  filterCounty: ['县市区', 'County'],
  filterKind: ['类型', 'Kind'],
  kind_point: ['点', 'Point'],
  kind_line: ['线', 'Line'],
  kind_area: ['面', 'Area'],
  search: ['搜索名称或报告原文', 'Search names or the report'],
  reset: ['重置筛选', 'Reset filters'],
  shown: ['显示 {n} / {total} 个项目', '{n} of {total} projects shown'],
  noMatch: ['没有符合条件的项目。', 'No project matches these filters.'],
  listLabel: ['项目列表', 'Project list'],
  close: ['关闭', 'Close'],
  theme: ['主题', 'Theme'],
  status: ['进度', 'Status'],
  quote: ['报告原文', 'The report says'],
  county: ['所在县市区', 'County'],
  precision: ['位置精度', 'Location precision'],
  precisionValue: ['约 ±{m}', 'about ±{m}'],
  source: ['位置来源', 'Location source'],
  note: ['说明', 'Note'],
  length: ['长度', 'Length'],
  area: ['面积', 'Area'],
  nearest: ['附近项目', 'Nearest projects'],
  legend: ['图例', 'Legend'],
  legendNotStarted: ['空心／虚线：尚未开工', 'Hollow / dashed: not yet started'],
  legendBuilding: ['实心：建设中', 'Solid: under construction'],
  legendDone: ['白色外圈：建成或投用', 'White ring: completed or in service'],
  legendLink: ['虚线：区域合作', 'Dashed: regional cooperation'],
  targets2021: ['2021年预期目标', '2021 targets'],
  goals145: ['“十四五”发展目标', '14th Five-Year Plan goals'],
  byThemeStatus: ['按主题与进度', 'By theme and status'],
  byCounty: ['按县市区', 'By county'],
  rejected: ['{n} 条数据被拒绝：', '{n} records were rejected:'],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

/** The string for `key` in `lang`, with {name} placeholders filled in. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  const s: string = STRINGS[key][lang === 'zh' ? 0 : 1];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'en';
}
