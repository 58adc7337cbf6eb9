/**
 * Every UI string the page needs from the start, Chinese first. One table, so a missing
 * translation is a type error. Parts fetched later keep their own words ({@link withStrings}).
 */
export type Lang = 'zh' | 'en';

const STRINGS = {
  title: ['荆州重点项目地图', 'Jingzhou Works Map'],
  subtitle: ['2021年政府工作报告', '2021 Government Work Report'],
  map: ['荆州市重点项目地图', 'Map of Jingzhou key projects'],
  zoomIn: ['放大', 'Zoom in'],
  zoomOut: ['缩小', 'Zoom out'],
  compass: ['指北（重置方向）', 'Reset bearing to north'],
  loadFailed: ['数据文件无法加载', 'A data file could not be loaded'],
  layersFailed: ['地图图层程序未能加载：报告项目仍可查看，导入数据、附近范围和标注需刷新页面后显示', 'The map layer code could not be loaded: the report\'s projects still show; reload the page for imports, near-me and drawings'],
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
  downloadGeoJson: ['下载筛选结果 GeoJSON', 'Download the shown projects (GeoJSON)'],
  downloadCsv: ['下载 CSV', 'Download CSV'],
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
  area: ['面积', 'Area'],
  nearest: ['附近项目', 'Nearest projects'],
  legend: ['图例', 'Legend'],
  sheetToggle: ['展开或收起面板', 'Expand or collapse the panel'],
  legendNotStarted: ['空心／虚线：尚未开工', 'Hollow / dashed: not yet started'],
  legendBuilding: ['实心：建设中', 'Solid: under construction'],
  legendDone: ['白色外圈：建成或投用', 'White ring: completed or in service'],
  legendLink: ['虚线：区域合作', 'Dashed: regional cooperation'],
  legendPrecision: ['选中地点外的圆：位置精度范围', 'Circle round a chosen site: how precise its location is'],
  targets2021: ['2021年预期目标', '2021 targets'],
  goals145: ['“十四五”发展目标', '14th Five-Year Plan goals'],
  rejected: ['{n} 条数据被拒绝：', '{n} records were rejected:'],
  tabNear: ['附近', 'Near me'],
  nearHere: ['所选位置', 'Chosen place'],
  listSeparator: ['、', ', '],
  sidebar: ['项目面板', 'Project panel'],
  moreRows: ['另有 {n} 个，请缩小筛选范围', '{n} more: narrow the filters to see them'],
  myLocation: ['我的位置', 'My location'],
  present: ['演示', 'Present'],
  presentLabel: ['进入演示模式（P）', 'Enter presentation mode (P)'],
  exitPresent: ['退出演示（Esc）', 'Leave presentation (Esc)'],
  // publish (issue 14): export image, embed, print
  exportImage: ['导出图片', 'Export image'],
  exportImageLabel: ['导出图片（PNG 或 PDF，含图例、比例尺和来源）', 'Export image (PNG or PDF with legend, scale and sources)'],
  publishNoFilter: ['全部项目（未筛选）', 'All projects (no filter)'],
  publishNone: ['（无）', '(none)'],
  publishSearch: ['搜索：“{q}”', 'Search: “{q}”'],
  publishChosen: ['选中：{name}', 'Chosen: {name}'],
  publishMadeWith: ['制图：荆州重点项目地图 {date}', 'Made with Jingzhou Works Map, {date}'],
  embed: ['嵌入', 'Embed'],
  embedLabel: ['嵌入：获取在其他网页中显示此地图的代码', 'Embed: get the code to show this map in another page'],
  embedOpenFull: ['在完整应用中打开', 'Open the full app'],
  // — Base maps (src/basemaps/): the 底图 control, keys, custom URLs, failures —
  basemap: ['底图', 'Base map'],
  basemapLabel: ['底图 · 选择街道地图', 'Base map: choose a street map'],
  basemapEmbedded: ['内置离线地图（默认）', 'Embedded offline map (default)'],
  basemapEmbeddedNote: ['不联网，无街道', 'no network, no streets'],
  basemapShifted: ['{crs}：叠加图层随底图偏移对齐', '{crs}: overlays shifted to line up'],
  basemapNeedsKey: ['需要密钥', 'needs a key'],
  basemapKey: ['{label} 密钥', '{label} key'],
  basemapKeyUse: ['使用此密钥', 'Use this key'],
  basemapKeyNote: ['密钥只保存在本浏览器中，不会写入链接。', 'The key stays in this browser; it is never put in links.'],
  basemapKeyBad: ['密钥只能含字母、数字、_ 和 -。', 'A key may only hold letters, digits, _ and -.'],
  basemapCustom: ['自定义底图…', 'Custom base map…'],
  basemapCustomKind: ['类型', 'Kind'],
  basemapCustomXyz: ['XYZ 瓦片模板（含 {z} {x} {y}）', 'XYZ tile template (with {z} {x} {y})'],
  basemapCustomStyle: ['MapLibre 样式 JSON 网址', 'MapLibre style JSON URL'],
  basemapCustomUrl: ['网址', 'URL'],
  basemapCustomCrs: ['坐标系', 'Coordinate system'],
  basemapCustomWarn: ['此网址只用于获取地图瓦片和样式。仅在信任该服务器时确认。', 'This address is used only to fetch map tiles and the style. Confirm only if you trust the server.'],
  basemapCustomConfirm: ['确认使用', 'Confirm and use'],
  basemapCustomOff: ['本站未允许自定义底图。', 'This site does not allow custom base maps.'],
  basemapConfigBad: ['底图配置有误，已忽略：', 'Base-map configuration problem, ignored:'],
  basemapFailed: ['{name} 无法加载：{reason} 已切换回内置离线地图。', '{name} could not be loaded: {reason} Back on the embedded offline map.'],
  basemapWhyNoKey: ['需要 {label} 密钥，请在「底图」面板中输入。', 'it needs a {label} key: enter it in the Base map panel.'],
  basemapWhyForbidden: ['服务器拒绝（HTTP {status}）：密钥无效、未授权本网站，或无访问权限。', 'the server refused (HTTP {status}): the key is wrong or not allowed for this site, or access is restricted.'],
  basemapWhyNotFound: ['瓦片或文件不存在（HTTP 404），请检查网址。', 'tiles or file not found (HTTP 404): check the URL.'],
  basemapWhyHttp: ['服务器返回错误（HTTP {status}）。', 'the server answered with an error (HTTP {status}).'],
  basemapWhyUnreachable: ['无法连接服务器（网络不通、服务器未开启，或被浏览器拦截）。', 'the server cannot be reached (no network, server down, or blocked by the browser).'],
  basemapWhyOffline: ['设备处于离线状态。', 'this device is offline.'],
  basemapWhyTimeout: ['{s} 秒内没有收到任何瓦片（超时）。', 'no tile arrived within {s} s (timed out).'],
  basemapWhyStyle: ['样式无法使用（{detail}）。', 'the style cannot be used ({detail}).'],
  basemapWhyUnlisted: ['本站没有配置这个底图（{id}）。', 'this site has no base map "{id}".'],
  basemapApproval: ['审图号', 'Map approval no.'],
  // Draw: measure, sketch, correct a location (src/draw/, issue 13)
  drawTools: ['测量与标注', 'Measure and sketch'],
  measure: ['测量', 'Measure'],
  measureLabel: ['测量距离或面积', 'Measure a distance or an area'],
  measureDistance: ['距离', 'Distance'],
  measureArea: ['面积', 'Area'],
  measureHintLine: ['在地图上点击或轻点添加点；点最后一点、按 Enter 或“完成”结束；Esc 取消。', 'Click or tap the map to add points; click the last point again, press Enter or Finish to end; Esc cancels.'],
  measureHintArea: ['在地图上点击或轻点添加角点；点第一个点、按 Enter 或“完成”闭合；Esc 取消。', 'Click or tap the map to add corners; click the first point, press Enter or Finish to close; Esc cancels.'],
  measureResult: ['测量结果', 'Measurement'],
  finish: ['完成', 'Finish'],
  restart: ['重新开始', 'Start again'],
  closeTool: ['关闭（Esc）', 'Close (Esc)'],
  sketch: ['标注', 'Sketch'],
  sketchLabel: ['我的标注：画点、线、面', 'My sketches: draw points, lines, areas'],
  mySketches: ['我的标注', 'My sketches'],
  sketchesEdit: ['编辑标注', 'Edit sketches'],
  sketchPoint: ['画点', 'Point'],
  sketchLine: ['画线', 'Line'],
  sketchPolygon: ['画面', 'Area'],
  sketchHint: ['选择点、线或面，然后在地图上绘制。', 'Choose point, line or area, then draw on the map.'],
  sketchHintPoint: ['在地图上点击或轻点放置点；Esc 取消。', 'Click or tap the map to place the point; Esc cancels.'],
  sketchName: ['名称', 'Name'],
  sketchNote: ['备注', 'Note'],
  save: ['保存', 'Save'],
  cancel: ['取消', 'Cancel'],
  edit: ['编辑', 'Edit'],
  editShape: ['拖动点或顶点修改形状，然后保存。', 'Drag the point or the vertices to change the shape, then save.'],
  remove: ['删除', 'Delete'],
  downloadSketches: ['下载我的标注 GeoJSON', 'Download my sketches (GeoJSON)'],
  confirmDelete: ['删除标注“{name}”？', 'Delete the sketch "{name}"?'],
  noSketches: ['还没有标注。', 'No sketches yet.'],
  nameRequired: ['请填写名称。', 'Please give it a name.'],
  saveFailed: ['无法保存到本机浏览器（存储不可用）：本次页面内仍保留，请下载备份。', 'Could not save in this browser (storage unavailable): kept on this page; download a copy.'],
  correct: ['修正位置', 'Correct location'],
  sourceRequired: ['请说明位置来源（至少 16 个字符），审核人员需要据此核对。', 'Say where the location comes from (at least 16 characters): the reviewer checks it.'],
  precisionRequired: ['请填写一个正数的精度（米）。', 'Give the precision as a positive number of metres.'],
  noChange: ['位置尚未改动：请先在地图上拖动或重画。', 'The location has not changed: drag or redraw it on the map first.'],
  // ── Import and layers (import-ui): the dialog, the report after an import, the layer list ──
  importButton: ['导入数据', 'Import data'],
  // The accessible name says what it does; no format names in it (they would match other buttons' names, e.g. the GeoJSON download).
  importButtonLabel: ['导入数据文件', 'Import a data file'],
  importDrop: ['松开鼠标即可导入', 'Drop to import'],
  importLine: ['第 {n} 行', 'Line {n}'],
  importApprox: ['大致位置', 'approximate place'],
  importReport: ['“{name}”：读取 {read} 行，添加 {added} 个要素，其中 {approx} 个为大致位置，拒绝 {rejected} 行。', '“{name}”: {read} rows read, {added} features added, {approx} placed approximately, {rejected} rejected.'],
  importRejectedTitle: ['被拒绝的行', 'Rejected rows'],
  importRejectedMore: ['另有 {n} 行未列出，请下载查看。', '{n} more not listed: download them.'],
  importDownloadRejected: ['下载被拒绝的行（CSV）', 'Download rejected rows (CSV)'],
  importFlagsTitle: ['可能有误的行', 'Rows that look wrong'],
  importFixSwap: ['交换经纬度', 'Swap lon/lat'],
  importFixAll: ['全部交换（{n} 行）', 'Swap all ({n} rows)'],
  importShowRow: ['在地图上查看', 'Show on map'],
  importFlagsMore: ['另有 {n} 行。', '{n} more.'],
  importCloseReport: ['关闭导入报告', 'Close the import report'],
  importNotes: ['说明', 'Notes'],
  storageQuota: ['存储空间已满：图层“{name}”只保留到关闭本页为止。请移除旧图层或释放磁盘空间。', 'Storage is full: layer “{name}” is kept only until this page closes. Remove old layers or free disk space.'],
  storageUnavailable: ['浏览器存储不可用（被禁用或处于隐私模式）：图层“{name}”只保留到关闭本页为止。', 'Browser storage is unavailable (blocked or private mode): layer “{name}” is kept only until this page closes.'],
  storageLoadFailed: ['无法读取已保存的图层：浏览器存储不可用。', 'Saved layers could not be read: browser storage is unavailable.'],
  storageSkipped: ['已保存的图层已损坏，未能恢复：{names}', 'Saved layers were damaged and not restored: {names}'],
  tabLayers: ['图层', 'Layers'],
  layersTitle: ['图层', 'Layers'],
  layerReport: ['政府工作报告项目', 'Work report projects'],
  layerCount: ['{n} 个要素', '{n} features'],
  layerSession: ['仅本次会话（未保存）', 'this session only (not saved)'],
  layerVisible: ['显示图层“{name}”', 'Show layer “{name}”'],
  layerRename: ['重命名', 'Rename'],
  layerColourLabel: ['图层“{name}”的颜色', 'Colour of layer “{name}”'],
  layerRenameLabel: ['图层“{name}”的新名称', 'New name for layer “{name}”'],
  layerZoom: ['缩放至', 'Zoom to'],
  layerZoomLabel: ['缩放至图层“{name}”', 'Zoom to layer “{name}”'],
  layerRemove: ['移除', 'Remove'],
  layerRemoveLabel: ['移除图层“{name}”', 'Remove layer “{name}”'],
  layerNone: ['还没有导入的图层。', 'No imported layer yet.'],
  legendImported: ['导入的图层', 'Imported layers'],
  legendMoreLayers: ['另有 {n} 个图层（见“图层”）', '{n} more layers (see Layers)'],
  legendApprox: ['空心圆：按地名大致放置', 'Hollow circle: placed approximately from a place name'],
  shownFeatures: ['显示 {n} / {total} 个要素', '{n} of {total} features shown'],
  // Reliability (issue 15): faults, context loss, no WebGL, offline, updates.
  panelFailed: ['此部分出错，其余功能仍可使用。', 'This part failed; the rest of the app still works.'],
  panelRetry: ['重试', 'Try again'],
  pageError: ['页面出现错误', 'Something went wrong on this page'],
  pageErrorHint: ['地图和其他部分可能仍可使用；如有异常请刷新页面。', 'The map and the other parts may still work; reload the page if something looks wrong.'],
  contextLost: ['地图绘制暂时中断（图形处理器已重置），正在恢复…', 'Map drawing paused (the graphics processor was reset); restoring…'],
  contextRestored: ['地图已恢复。', 'The map is back.'],
  noWebgl: ['此设备无法绘制地图（浏览器未启用 WebGL）。项目列表、搜索、筛选、详情、全市事项、导入和下载仍可使用。', 'This device cannot draw the map (WebGL is not available in this browser). The list, search, filters, details, citywide figures, import and downloads still work.'],
  updateReady: ['新版本已就绪，下次打开时生效。', 'A new version is ready; it loads on your next visit.'],
  updateNow: ['立即更新', 'Update now'],
  offlineReady: ['已可离线使用。', 'Ready to work offline.'],
  mapCanvas: ['地图画面：方向键平移，加减号缩放', 'Map view: arrow keys pan, plus and minus zoom'],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

type Vars = Record<string, string | number>;
const fill = (s: string, vars: Vars) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));

/** The string for `key` in `lang`, with {name} placeholders filled in. */
export function t(lang: Lang, key: StringKey, vars: Vars = {}): string {
  return fill(STRINGS[key][lang === 'zh' ? 0 : 1], vars);
}

/**
 * The lookup for a part of the app fetched on first use (the import dialog, exporting, near-me…):
 * its own words, kept beside its code so they are not in the first load, and the common ones.
 * Its table is checked like this one (every entry has both languages), and may not reuse a
 * common key: one key, one text.
 */
export function withStrings<P extends Record<string, readonly [string, string]> & { [K in StringKey]?: never }>(own: P): (lang: Lang, key: StringKey | (keyof P & string), vars?: Vars) => string {
  return (lang, key, vars = {}) => fill((Object.hasOwn(own, key) ? (own[key] as readonly [string, string]) : STRINGS[key as StringKey])[lang === 'zh' ? 0 : 1], vars);
}

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'en';
}

// One formatter per language, made once: the first Chinese number format loads ICU's locale data,
// ~200 ms of a throttled phone's thread, which app.warm() spends while nobody waits.
const counters = new Map<Lang, Intl.NumberFormat>();
/** A count with the language's digit grouping (12,345 in both). */
export function formatCount(n: number, lang: Lang): string {
  let f = counters.get(lang);
  if (!f) counters.set(lang, (f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en')));
  return f.format(n);
}
