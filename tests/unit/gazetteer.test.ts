import { describe, expect, it } from 'vitest';
import { gazetteer, resolveLocality, stripTypePrefix, unitLabel } from '../../src/lib/gazetteer.ts';

const nfd = (s: string) => s.normalize('NFD');

describe('the gazetteer data', () => {
  it('has tidy names (the GSO data has stray double spaces)', () => {
    const names = [...gazetteer().byCode.values()].map((u) => u.name);
    expect(names.filter((n) => /\s{2}|^\s|\s$/.test(n))).toEqual([]);
    expect(names).toContain('Đại Ân 2');
  });

  it('has the 63 provinces and 705 districts of the GSO list', () => {
    const g = gazetteer();
    expect(g.provinces).toHaveLength(63);
    expect([...g.byCode.values()].filter((u) => u.level === 'district')).toHaveLength(705);
    expect([...g.byCode.values()].filter((u) => u.level === 'commune').length).toBeGreaterThan(10_000);
  });
});

describe('resolveLocality', () => {
  it('resolves province, district and commune with their codes', () => {
    const r = resolveLocality({ province: 'Hà Giang', district: 'Vị Xuyên', commune: 'Thượng Sơn' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.commune?.name).toBe('Thượng Sơn');
    expect(r.value.commune?.parentCode).toBe(r.value.district?.code);
    expect(r.value.district?.parentCode).toBe(r.value.province.code);
    expect(unitLabel(r.value.district!)).toBe('huyện Vị Xuyên');
  });

  it('accepts type words, NFD and tone-placement variants', () => {
    const a = resolveLocality({ province: 'tỉnh Quảng Ninh', district: 'TP Hạ Long', commune: 'phường Hà Lầm' });
    const b = resolveLocality({ province: nfd('Quảng Ninh'), district: nfd('Hạ Long'), commune: nfd('Hà Lầm') });
    expect(a.ok && b.ok && a.value.commune?.code === b.value.commune?.code).toBe(true);
    // The gazetteer itself spells some names "Hoà" and others "Hòa"; both spellings must find them.
    const g = gazetteer();
    const hoa = [...g.byCode.values()].find((u) => u.level === 'province' && u.name.startsWith('Ho') && u.name.endsWith('Bình'))!;
    for (const spelling of ['Hoà Bình', 'Hòa Bình', nfd('Hoà Bình')]) {
      const r = resolveLocality({ province: spelling });
      expect(r.ok && r.value.province.code, spelling).toBe(hoa.code);
    }
  });

  it('suggests the official name for an unknown district', () => {
    const r = resolveLocality({ province: 'Quảng Ninh', district: 'Dam Ha' });
    expect(r).toEqual({
      ok: false,
      error: { field: 'district', message: "unknown district 'Dam Ha' in Quảng Ninh — did you mean 'Đầm Hà'?" },
    });
  });

  it('suggests the official name for an unknown province and commune', () => {
    const p = resolveLocality({ province: 'Thai Binh' });
    expect(!p.ok && p.error.message).toBe("unknown province 'Thai Binh' — did you mean 'Thái Bình'?");
    const c = resolveLocality({ province: 'Thái Bình', district: 'Kiến Xương', commune: 'Vu Le' });
    expect(!c.ok && c.error).toEqual({ field: 'commune', message: "unknown commune 'Vu Le' in Kiến Xương — did you mean 'Vũ Lễ'?" });
  });

  it('says where a district really is when it is in another province', () => {
    const r = resolveLocality({ province: 'Quảng Ninh', district: 'Vị Xuyên' });
    expect(!r.ok && r.error.field).toBe('district');
    expect(!r.ok && r.error.message).toBe("district 'Vị Xuyên' is not in Quảng Ninh (there is one in Hà Giang)");
  });

  it('requires the district when a commune is given, and names it', () => {
    const r = resolveLocality({ province: 'Hà Giang', commune: 'Thượng Sơn' });
    expect(!r.ok && r.error).toEqual({
      field: 'district',
      message: "district is required when a commune is given — 'Thượng Sơn' is in 'Vị Xuyên'",
    });
  });

  it('gives no suggestion when nothing is close', () => {
    const r = resolveLocality({ province: 'Atlantis' });
    expect(!r.ok && r.error.message).toBe("unknown province 'Atlantis'");
  });
});

describe('districts that share a name', () => {
  // Đồng Tháp has both thành phố Hồng Ngự and huyện Hồng Ngự.
  it('asks which one when nothing else decides', () => {
    const r = resolveLocality({ province: 'Đồng Tháp', district: 'Hồng Ngự' });
    expect(!r.ok && r.error).toEqual({
      field: 'district',
      message: "2 districts in Đồng Tháp are called 'Hồng Ngự' — write 'thành phố Hồng Ngự' or 'huyện Hồng Ngự'",
    });
  });

  it('takes the type word', () => {
    const city = resolveLocality({ province: 'Đồng Tháp', district: 'thành phố Hồng Ngự' });
    const rural = resolveLocality({ province: 'Đồng Tháp', district: 'huyện Hồng Ngự' });
    expect(city.ok && city.value.district?.type).toBe('thanh-pho');
    expect(rural.ok && rural.value.district?.type).toBe('huyen');
  });

  it('lets the commune decide', () => {
    const g = gazetteer();
    const rural = g.provinces
      .flatMap((p) => g.childrenOf(p.code))
      .find((d) => d.name === 'Hồng Ngự' && d.type === 'huyen')!;
    const commune = g.childrenOf(rural.code)[0]!;
    const r = resolveLocality({ province: 'Đồng Tháp', district: 'Hồng Ngự', commune: commune.name });
    expect(r.ok && r.value.district?.code).toBe(rural.code);
  });

  it('asks which commune when two in a district share a name', () => {
    const r = resolveLocality({ province: 'Quảng Ninh', district: 'Đầm Hà', commune: 'Đầm Hà' });
    expect(!r.ok && r.error).toEqual({
      field: 'commune',
      message: "2 communes in Đầm Hà are called 'Đầm Hà' — write 'thị trấn Đầm Hà' or 'xã Đầm Hà'",
    });
    const town = resolveLocality({ province: 'Quảng Ninh', district: 'Đầm Hà', commune: 'thị trấn Đầm Hà' });
    expect(town.ok && town.value.commune?.type).toBe('thi-tran');
  });

  it('still suggests a misspelt commune', () => {
    const r = resolveLocality({ province: 'Đồng Tháp', district: 'Hồng Ngự', commune: 'Thuong Phuoc 1' });
    expect(!r.ok && r.error.message).toMatch(/^unknown commune 'Thuong Phuoc 1' in Hồng Ngự — did you mean 'Thường Phước 1'\?$/);
  });
});

describe('stripTypePrefix', () => {
  it.each([
    ['huyện Đầm Hà', 'Đầm Hà'],
    ['TP. Hạ Long', 'Hạ Long'],
    ['Thị xã  Quảng Yên', 'Quảng Yên'],
    ['thị trấn Đầm Hà', 'Đầm Hà'],
    ['Đầm Hà', 'Đầm Hà'],
  ])('%s → %s', (a, b) => expect(stripTypePrefix(a)).toBe(b));
});
