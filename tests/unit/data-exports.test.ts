import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFigureExports } from '../../src/integrations/derived-files.ts';
import { citeApa, citeKey, citeVietnamese, toBibtex, toCslJson, toRis, type Citable } from '../../src/lib/data/citations.ts';
import { csvField, toCsv } from '../../src/lib/data/csv.ts';
import { parseArticleDate } from '../../src/lib/text/dates.ts';
import { articleRecords, FIGURE_COLUMNS, figureFileText, figureRows } from '../../src/lib/data/figures-data.ts';
import { currentLabel, formerProvinces, gazetteer, todayOf } from '../../src/lib/places/gazetteer.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { parseCsv } from '../support/csv-parse.ts';

// The 63 → 34 provinces as Nghị quyết 202/2025/QH15 lists them (GSO codes of the old provinces,
// the first giving the new one's name), written down before the registry data was used: the
// gazetteer's mapping comes from the registry, and this checks it against the resolution.
const RESOLUTION_202: Record<string, string[]> = {
  'Hà Nội': ['01'], Huế: ['46'], 'Lai Châu': ['12'], 'Điện Biên': ['11'], 'Sơn La': ['14'], 'Lạng Sơn': ['20'],
  'Quảng Ninh': ['22'], 'Thanh Hóa': ['38'], 'Nghệ An': ['40'], 'Hà Tĩnh': ['42'], 'Cao Bằng': ['04'],
  'Tuyên Quang': ['08', '02'], 'Lào Cai': ['10', '15'], 'Thái Nguyên': ['19', '06'], 'Phú Thọ': ['25', '26', '17'],
  'Bắc Ninh': ['27', '24'], 'Hưng Yên': ['33', '34'], 'Hải Phòng': ['31', '30'], 'Ninh Bình': ['37', '35', '36'],
  'Quảng Trị': ['45', '44'], 'Đà Nẵng': ['48', '49'], 'Quảng Ngãi': ['51', '62'], 'Gia Lai': ['64', '52'],
  'Khánh Hòa': ['56', '58'], 'Lâm Đồng': ['68', '67', '60'], 'Đắk Lắk': ['66', '54'], 'Hồ Chí Minh': ['79', '74', '77'],
  'Đồng Nai': ['75', '70'], 'Tây Ninh': ['72', '80'], 'Cần Thơ': ['92', '94', '93'], 'Vĩnh Long': ['86', '83', '84'],
  'Đồng Tháp': ['87', '82'], 'Cà Mau': ['96', '95'], 'An Giang': ['89', '91'],
};

describe('the 2025 reorganisation', () => {
  it('maps each of the 63 provinces to the one of 34 the resolution names, and reaches all 34', () => {
    const g = gazetteer();
    expect(g.provinces2025).toHaveLength(34);
    const fromData = Object.fromEntries(g.provinces2025.map((p) => [p.name, formerProvinces(p).map((u) => u.code).sort()]));
    const fromResolution = Object.fromEntries(Object.entries(RESOLUTION_202).map(([name, codes]) => [name, [...codes].sort()]));
    expect(fromData).toEqual(fromResolution);
    // The new province keeps the code of one of those it was formed from.
    for (const p of g.provinces2025) expect(RESOLUTION_202[p.name]).toContain(p.code);
    expect(g.provinces2025.filter((p) => p.type === 'thanh-pho').map((p) => p.name).sort()).toEqual(['Cần Thơ', 'Huế', 'Hà Nội', 'Hải Phòng', 'Hồ Chí Minh', 'Đà Nẵng'].sort());
  });

  it('knows where the reports’ provinces went', () => {
    const today = (code: string) => currentLabel(todayOf(gazetteer().byCode.get(code)!).province);
    expect(today('02')).toBe('tỉnh Tuyên Quang'); // Hà Giang
    expect(today('34')).toBe('tỉnh Hưng Yên'); // Thái Bình
    expect(today('22')).toBe('tỉnh Quảng Ninh');
    expect(today('10')).toBe('tỉnh Lào Cai');
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and starts with a BOM', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('nói "Đảng mạnh"')).toBe('"nói ""Đảng mạnh"""');
    expect(csvField(null)).toBe('');
    const text = toCsv(['a', 'b'], [{ a: 1, b: 'x' }]);
    expect(text.startsWith('\uFEFFa,b\r\n1,x\r\n')).toBe(true);
  });

  it('never starts a text cell with what a spreadsheet runs as a formula (OWASP)', () => {
    const attacks = ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const [, ...rows] = parseCsv(toCsv(['title', 'value'], attacks.map((title) => ({ title, value: -5 }))).slice(1));
    for (const [cell, value] of rows) {
      expect(cell!.startsWith("'"), cell).toBe(true);
      expect(value).toBe('-5');
    }
    expect(rows.map((r) => r[0]!.slice(1))).toEqual(attacks);
    expect(csvField('Đảng viên')).toBe('Đảng viên');
  });

  it('round-trips Vietnamese text, commas, quotes and line breaks through a CSV reader', () => {
    const rows = [
      { value: 10400000000, quote: 'trên 10,4 tỷ đồng', subject: 'thóc giống "chất lượng cao"' },
      { value: 90, quote: 'trên 90%', subject: 'dòng một\r\ndòng hai' },
    ];
    const parsed = parseCsv(toCsv(['value', 'quote', 'subject'], rows).slice(1));
    expect(parsed).toEqual([['value', 'quote', 'subject'], ['10400000000', 'trên 10,4 tỷ đồng', 'thóc giống "chất lượng cao"'], ['90', 'trên 90%', 'dòng một\r\ndòng hai']]);
  });
});

const data = articleSchema.parse({
  title: 'Kiến Xương: Xây dựng tổ chức đảng vững mạnh từ cơ sở',
  date: '2023-03-05T23:06:09',
  source: { name: 'Báo Thái Bình' },
  author: 'Thu Thủy',
  locality: { province: 'Thái Bình', district: 'Kiến Xương' },
  figures: [{ value: 10400000000, unit: 'đồng', qualifier: 'trên', text: 'trên 10,4 tỷ đồng' }],
});
const article = { id: '2023/kien-xuong', url: '/bai/2023/kien-xuong/', data, date: parseArticleDate(data.date)! };
const site = new URL('https://diachi.example/');

describe('figure rows and article records', () => {
  it('give every documented column, with codes, 2025 province and links to the sentence', () => {
    const records = articleRecords([article], site);
    const [row] = figureRows(records);
    expect(Object.keys(row!)).toEqual(FIGURE_COLUMNS.map((c) => c.name));
    expect(row).toMatchObject({
      value: 10400000000,
      qualifier: 'trên',
      quote: 'trên 10,4 tỷ đồng',
      date: '2023-03-05T23:06+07:00',
      province_code: '34',
      district_code: '343',
      commune: null,
      // Thái Bình became part of Hưng Yên; an article about a district has no commune today.
      province_2025: 'Hưng Yên',
      province_2025_code: '33',
      commune_2025: null,
      commune_2025_code: null,
      figure_url: 'https://diachi.example/bai/2023/kien-xuong/#so-lieu-1',
    });
    expect(records[0]).toMatchObject({ url: 'https://diachi.example/bai/2023/kien-xuong/', locality: { districtCode: '343', today: { province: 'Hưng Yên', provinceCode: '33' } } });
    // The gazetteer's own ids stay inside the build.
    expect(records[0]!.locality).not.toHaveProperty('ids');
  });

  it('are written in pieces as the whole rows would be written at once, from articles.json as read back', () => {
    // Three articles, one without figures, in articles.json's order; read back as the build reads it.
    const second = { ...article, id: '2023/khong-so-lieu', url: '/bai/2023/khong-so-lieu/', data: { ...data, figures: [] } };
    const third = { ...article, id: '2022/hai-so', data: { ...data, title: 'Hai số, "trích" dẫn', figures: [...data.figures, { ...data.figures[0]!, value: 90, unit: '%', text: 'trên 90%' }] } };
    const records = JSON.parse(JSON.stringify(articleRecords([article, second, third], site))) as ReturnType<typeof articleRecords>;
    const rows = figureRows(records);
    expect(rows).toHaveLength(3);
    const columns = FIGURE_COLUMNS.map((c) => c.name);
    expect([...figureFileText(records, 'figures.csv')].join('')).toBe(toCsv(columns, rows));
    expect([...figureFileText(records, 'figures.json')].join('')).toBe(`${JSON.stringify(rows, null, 1)}\n`);
    expect(JSON.parse([...figureFileText([], 'figures.json')].join(''))).toEqual([]);
    expect([...figureFileText([], 'figures.csv')].join('')).toBe(toCsv(columns, []));
  });
});

describe('citations', () => {
  const c: Citable = { id: article.id, title: data.title, author: 'Thu Thủy', source: 'Báo Thái Bình', date: article.date, url: 'https://diachi.example/bai/2023/kien-xuong/' };
  const approx: Citable = { ...c, author: null, approx: true };

  it('suggest Vietnamese and APA styles', () => {
    expect(citeVietnamese(c)).toBe('Thu Thủy (2023), “Kiến Xương: Xây dựng tổ chức đảng vững mạnh từ cơ sở”, Báo Thái Bình, ngày 05/03/2023. Lưu trữ tại Địa chí: https://diachi.example/bai/2023/kien-xuong/');
    expect(citeApa(c)).toBe('Thu Thủy. (2023, March 5). Kiến Xương: Xây dựng tổ chức đảng vững mạnh từ cơ sở. Báo Thái Bình. https://diachi.example/bai/2023/kien-xuong/');
    expect(citeVietnamese(approx)).toBe('(2023), “Kiến Xương: Xây dựng tổ chức đảng vững mạnh từ cơ sở”, Báo Thái Bình, khoảng tháng 3/2023. Lưu trữ tại Địa chí: https://diachi.example/bai/2023/kien-xuong/');
    expect(citeApa(approx)).toBe('Kiến Xương: Xây dựng tổ chức đảng vững mạnh từ cơ sở. (2023, March, approximate date). Báo Thái Bình. https://diachi.example/bai/2023/kien-xuong/');
  });

  it('export BibTeX, RIS and CSL-JSON', () => {
    expect(citeKey(c)).toBe('diachi-2023-kien-xuong');
    expect(toBibtex({ ...c, title: 'A {b}' })).toBe(
      '@article{diachi-2023-kien-xuong,\n  title = {A \\{b\\}},\n  author = {Thu Thủy},\n  journal = {Báo Thái Bình},\n  year = {2023},\n  month = {3},\n  day = {5},\n  url = {https://diachi.example/bai/2023/kien-xuong/},\n  language = {vietnamese},\n  note = {Lưu trữ tại Địa chí}\n}\n',
    );
    expect(toRis(c).split('\r\n')).toEqual(['TY  - NEWS', `TI  - ${data.title}`, 'AU  - Thu Thủy', 'T2  - Báo Thái Bình', 'PY  - 2023', 'DA  - 2023/03/05', 'UR  - https://diachi.example/bai/2023/kien-xuong/', 'LA  - vi', 'ER  - ', '']);
    const [item] = JSON.parse(toCslJson(approx));
    expect(item).toEqual({
      id: 'diachi-2023-kien-xuong',
      type: 'article-newspaper',
      title: data.title,
      'container-title': 'Báo Thái Bình',
      issued: { 'date-parts': [[2023, 3]], circa: true },
      URL: 'https://diachi.example/bai/2023/kien-xuong/',
      language: 'vi',
    });
  });
});

describe('the figure exports written after Astro', () => {
  const records = articleRecords([article], site);
  const made: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'diachi-exports-'));
    mkdirSync(join(dir, 'du-lieu'));
    made.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('are made from the output’s articles.json, and not at all without one', async () => {
    const dir = folder();
    expect(await writeFigureExports(dir)).toBe(false);
    writeFileSync(join(dir, 'du-lieu', 'articles.json'), JSON.stringify(records));
    expect(await writeFigureExports(dir)).toBe(true);
    expect(readFileSync(join(dir, 'du-lieu', 'figures.csv'), 'utf8')).toBe([...figureFileText(records, 'figures.csv')].join(''));
    expect(JSON.parse(readFileSync(join(dir, 'du-lieu', 'figures.json'), 'utf8'))).toEqual(figureRows(records));
  });

  it('fail with the file system’s error when one cannot be written', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'du-lieu', 'articles.json'), JSON.stringify(records));
    mkdirSync(join(dir, 'du-lieu', 'figures.csv'));
    await expect(writeFigureExports(dir)).rejects.toThrow(/EISDIR/);
  });
});
