import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../src/lib/places/gazetteer.ts';
import { buildPlaces, localityUrl, localityUrls, placeSegment, trail } from '../../src/lib/places/places.ts';
import { REGIONS } from '../../src/lib/places/regions.ts';
import { localityOn } from '../../src/schemas/locality.ts';

const loc = (l: { province: string; district?: string; commune?: string }, date = '2022-01-01') => localityOn(l, date);

describe('regions', () => {
  it('put each of the 63 provinces in exactly one of six regions', () => {
    const codes = REGIONS.flatMap((r) => r.provinces);
    expect(REGIONS).toHaveLength(6);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(gazetteer().provinces.map((p) => p.code).sort());
  });
});

describe('place URLs', () => {
  it('are ASCII paths down the hierarchy', () => {
    const l = loc({ province: 'Quảng Ninh', district: 'Đầm Hà', commune: 'Quảng Tân' });
    expect(localityUrl(l)).toBe('/dia-phuong/quang-ninh/dam-ha/quang-tan/');
    expect(localityUrls(l)).toEqual(['/dia-phuong/quang-ninh/', '/dia-phuong/quang-ninh/dam-ha/', '/dia-phuong/quang-ninh/dam-ha/quang-tan/']);
  });

  it('keep namesake units apart with their type', () => {
    const city = loc({ province: 'Đồng Tháp', district: 'thành phố Hồng Ngự' });
    const rural = loc({ province: 'Đồng Tháp', district: 'huyện Hồng Ngự' });
    expect(localityUrl(city)).toBe('/dia-phuong/dong-thap/thanh-pho-hong-ngu/');
    expect(localityUrl(rural)).toBe('/dia-phuong/dong-thap/huyen-hong-ngu/');
    expect(placeSegment(gazetteer().byCode.get('22')!)).toBe('quang-ninh');
  });

  it('give every unit a URL of its own, also communes whose names differ only by tones', () => {
    const g = gazetteer();
    const urls = new Map<string, string>();
    for (const unit of g.byCode.values()) {
      const siblings = unit.parentCode ? g.childrenOf(unit.parentCode) : g.provinces;
      const key = `${unit.parentCode ?? ''}/${placeSegment(unit)}`;
      expect(urls.get(key), `${unit.name} (${unit.code}) and ${urls.get(key)} share ${key}`).toBeUndefined();
      urls.set(key, `${unit.name} (${unit.code})`);
      expect(siblings).toContain(unit);
    }
    // Trực Hưng and Trực Hùng (Trực Ninh, Nam Định) both slug to "truc-hung".
    const hung = localityUrl(loc({ province: 'Nam Định', district: 'Trực Ninh', commune: 'Trực Hưng' }));
    const hung2 = localityUrl(loc({ province: 'Nam Định', district: 'Trực Ninh', commune: 'Trực Hùng' }));
    expect(hung).not.toBe(hung2);
    expect(hung).toMatch(/^\/dia-phuong\/nam-dinh\/truc-ninh\/xa-truc-hung-\d+\/$/);
  });
});

describe('buildPlaces', () => {
  const a = { id: 'a', locality: loc({ province: 'Quảng Ninh', district: 'Đầm Hà' }), places: [loc({ province: 'Quảng Ninh', district: 'Đầm Hà', commune: 'Quảng Tân' })] };
  const b = { id: 'b', locality: loc({ province: 'Quảng Ninh', district: 'Hạ Long', commune: 'Hà Lầm' }) };
  const c = { id: 'c', locality: loc({ province: 'Hà Giang' }), places: [loc({ province: 'Quảng Ninh' })] };
  const tree = buildPlaces([a, b, c]);

  it('counts articles at every level above their locality', () => {
    expect(tree.get('22')!.about.map((x) => x.id)).toEqual(['a', 'b']);
    expect(tree.get('200')!.about.map((x) => x.id)).toEqual(['a']);
    expect(tree.get('06670')!.about.map((x) => x.id)).toEqual(['b']);
  });

  it('keeps mentions apart from articles about a place', () => {
    expect(tree.get('06913')!.about).toEqual([]);
    expect(tree.get('06913')!.mentions.map((x) => x.id)).toEqual(['a']);
    expect(tree.get('22')!.mentions.map((x) => x.id)).toEqual(['c']);
  });

  it('links children and parents, children in Vietnamese order', () => {
    expect(tree.get('22')!.children.map((n) => n.unit.name)).toEqual(['Đầm Hà', 'Hạ Long']);
    expect(trail(tree.get('06670')!).map((n) => n.url)).toEqual(['/dia-phuong/quang-ninh/', '/dia-phuong/quang-ninh/ha-long/', '/dia-phuong/quang-ninh/ha-long/ha-lam/']);
  });
});
