import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';

/**
 * Lines must follow their published corridor, not run straight between their ends. The facts
 * below are what the cited sources publish for each route (see each record's location_source in
 * data/sources/locations/): its length, the towns it is said to pass ("经…"), and how often it
 * crosses the Yangtze. Town positions come from the embedded gazetteer (GeoNames), independent
 * of the lines' own vertices, so moving a line off its corridor fails here.
 */
interface Corridor {
  /** Published length in km, when the drawn feature is the whole published route. */
  km?: number;
  /**
   * Towns the sources say the route passes, in order. A group is a pair it passes between (穿过福田寺、
   * 分盐: one on each side), so their order is free.
   */
  via: (string | string[])[];
  /** How many times the drawn line crosses the Yangtze (the bridge the sources name). */
  yangtze: number;
}

const CORRIDORS: Record<string, Corridor> = {
  // 当阳经枝江至松滋高速公路全长76公里 … 经两河镇、半月镇、问安镇 … 百里洲长江大桥 … 老城镇东侧 … 王家桥镇
  'dang-zhi-song-shi-expressway': { km: 76, via: ['两河', '半月', '问安', '百里洲', '老城', '王家桥'], yangtze: 1 },
  // 江陵经观音寺长江大桥过江 … 起于公安县毛家港镇青羊岗村，止于松滋市南海镇
  'wusong-expressway-jiangling-songzi': { via: ['毛家港', '南海'], yangtze: 1 },
  // 仙桃至洪湖段全长47.975公里，起于仙桃西流河镇，止于洪湖市万全镇
  'wusong-expressway-honghu-xiantao': { km: 47.975, via: ['西流河', '杨林尾', '万全'], yangtze: 0 },
  // 全长约50.9km … 纪南 … 李埠镇北侧设李埠互通，经李埠镇东侧跨长江 … 经弥市镇西侧
  'g55-erguang-jingzhou-realignment': { km: 50.9, via: ['纪南', '李埠', '弥市'], yangtze: 1 },
  // 全长近62公里，起于洪湖市乌林镇水府村 … 收费站由东向西为汊河、万全、瞿家湾 … 分盐枢纽
  'jiangbei-expressway-east-extension': { km: 62, via: ['乌林', '汊河', '万全', '瞿家湾', '分盐'], yangtze: 0 },
  // 荆荆铁路全长77.479公里 … 经团林铺镇、五里铺镇 … 十里铺(沙洋西)站 … 纪山墓群
  'jingmen-jingzhou-hsr': { km: 77.479, via: ['团林铺', '五里铺', '十里铺', '纪山'], yangtze: 0 },
  // 新建线路全长约180.3km … 李埠镇 … 公铁两用大桥过江，在毛家港镇附近设荆州南站
  'jingjing-hsr-south-extension': { km: 180.3, via: ['李埠', '毛家港'], yangtze: 1 },
  // 线路全长79.156公里 … 经仙桃市彭场和杨林尾镇 … 经万全、峰口、瞿家湾镇 … 穿过福田寺、分盐至毛市镇
  'xiantao-honghu-jianli-railway': { km: 79.156, via: ['彭场', '杨林尾', '万全', '峰口', '瞿家湾', ['福田寺', '分盐'], '毛市'], yangtze: 0 },
  // 沙公高速 ends at 孟家溪; 安慈高速 starts at the 安乡 junction: both south of the river.
  'shagong-expressway-south-extension': { via: ['孟家溪', '安乡'], yangtze: 0 },
  // 监利至华容公铁两用大桥 (鄢铺 ferry, west of 监利城)
  'jianli-huarong-expressway': { via: [], yangtze: 1 },
  // 西延线 … 全长2764米
  'fuxing-avenue-high-tech-zone-section': { km: 2.764, via: [], yangtze: 0 },
  // 长湖大道全长4520米
  'changhu-avenue': { km: 4.52, via: [], yangtze: 0 },
};

/**
 * A town "on" a route: within this of the line. Sources say a route passes a township (经…镇), not
 * its seat, and seats in the plain lie 8–12 km apart, so a route through the township passes within
 * about half that of the seat.
 */
const VIA_KM = 5;
/** Drawn length against the published one: vertices every few km shorten curves a little. */
const LENGTH_TOLERANCE = 0.12;

const dataDir = path.resolve(import.meta.dirname, '../../data');
const read = <T>(p: string) => JSON.parse(fs.readFileSync(path.join(dataDir, p), 'utf8')) as T;
const features = read<GeoJSON.FeatureCollection>('projects.geojson').features;
const places = read<GeoJSON.FeatureCollection<GeoJSON.Point>>('base/places.geojson').features.filter((f) => f.properties!.kind === 'town');
const yangtze = read<GeoJSON.FeatureCollection>('sources/yangtze-centreline.geojson').features.find((f) => f.geometry.type === 'LineString') as GeoJSON.Feature<GeoJSON.LineString>;

const line = (id: string) => {
  const f = features.find((x) => x.properties!.id === id);
  if (!f || f.geometry.type !== 'LineString') throw new Error(`${id}: no LineString feature`);
  return f as GeoJSON.Feature<GeoJSON.LineString>;
};
const town = (name: string) => {
  // Two places share a name (十里铺 near 荆门 and near 武汉): the one in the region is meant.
  const p = places.find((f) => f.properties!.name === name && f.geometry.coordinates[0] < 114);
  if (!p) throw new Error(`${name}: not in data/base/places.geojson`);
  return p;
};

describe('routes follow their published corridors', () => {
  for (const [id, c] of Object.entries(CORRIDORS)) {
    it(id, () => {
      const f = line(id);
      if (c.km) {
        const km = turf.length(f);
        expect(Math.abs(km - c.km) / c.km, `${id}: drawn ${km.toFixed(1)} km, published ${c.km} km`).toBeLessThan(LENGTH_TOLERANCE);
      }
      const far = c.via.flat().map((n) => [n, turf.pointToLineDistance(town(n), f)] as const).filter(([, d]) => d > VIA_KM);
      expect(far.map(([n, d]) => `${n} ${d.toFixed(1)} km off`), id).toEqual([]);
      // The towns are met in the published order along the line.
      const along = (n: string) => turf.nearestPointOnLine(f, town(n)).properties.location!;
      const at = c.via.map((v) => (Array.isArray(v) ? v.reduce((s, n) => s + along(n), 0) / v.length : along(v)));
      const rising = at.every((v, i) => i === 0 || v >= at[i - 1]);
      const falling = at.every((v, i) => i === 0 || v <= at[i - 1]);
      expect(rising || falling, `${id}: towns out of order along the line`).toBe(true);
      expect(turf.lineIntersect(f, yangtze).features.length, `${id}: Yangtze crossings`).toBe(c.yangtze);
    });
  }

  it('a straight line between the ends would fail: the check can tell', () => {
    const f = line('xiantao-honghu-jianli-railway');
    const coords = f.geometry.coordinates;
    const straight = turf.lineString([coords[0], coords[coords.length - 1]]);
    const far = CORRIDORS['xiantao-honghu-jianli-railway'].via.flat().filter((n) => turf.pointToLineDistance(town(n), straight) > VIA_KM);
    expect(far.length).toBeGreaterThan(0);
  });
});
