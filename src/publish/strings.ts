import { withStrings } from '../i18n';

/** Words only exporting and embedding uses: fetched with that code, not with the page. Common words are looked up too. */
export const t = withStrings({
  exportTitle: ['标题', 'Title'],
  exportFormat: ['格式', 'Format'],
  exportPaper: ['纸张', 'Paper'],
  exportOrientation: ['方向', 'Orientation'],
  exportLandscape: ['横向', 'Landscape'],
  exportPortrait: ['纵向', 'Portrait'],
  exportTarget: ['用途', 'For'],
  exportPrint: ['打印 300 dpi', 'Print, 300 dpi'],
  exportSlide: ['幻灯片 4K（3840 像素宽）', 'Slides, 4K (3840 px wide)'],
  exportGo: ['导出', 'Export'],
  exportCancel: ['取消', 'Cancel'],
  exportWorking: ['正在以打印分辨率绘制地图…', 'Drawing the map at print resolution…'],
  exportDone: ['已导出 {file}（{w} × {h} 像素）', 'Exported {file} ({w} × {h} px)'],
  exportFailed: ['导出失败：{why}。请换小一些的纸张或幻灯片尺寸重试。', 'Export failed: {why}. Try a smaller paper size or the slide size.'],
  exportCapped: ['显卡最大只能绘制 {max} 像素，地图部分以 {dpi} dpi 输出。', 'This graphics card draws at most {max} px: the map part is at {dpi} dpi.'],
  publishLegend: ['图例', 'Legend'],
  publishFilters: ['筛选条件', 'Filters'],
  publishSources: ['来源与许可', 'Sources and licences'],
  publishData: ['项目：荆州市2021年政府工作报告（公开文件），位置据公开资料考证，各项目注明来源', 'Projects: Jingzhou 2021 government work report (public document); locations researched from public pages, each project names its source'],
  publishScaleNote: ['比例尺 1:{n}（图幅中心）', 'Scale 1:{n} (at the centre)'],
  publishDatasets: ['导入的图层', 'Imported layers'],
  embedIntro: ['把下面的代码粘贴到网页中，即可显示当前视图（筛选、选中项目、位置）。', 'Paste this code into a web page to show the current view (filters, chosen project, position).'],
  embedWidth: ['宽度', 'Width'],
  embedHeight: ['高度', 'Height'],
  embedCode: ['嵌入代码', 'Embed code'],
  embedCopy: ['复制代码', 'Copy code'],
  embedCopied: ['已复制', 'Copied'],
});

export type PartStringKey = Parameters<typeof t>[1];
