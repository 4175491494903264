/** The import tool's steps, on the five seeds, on reports they do not cover, and on hostile input. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractFigures } from '../../src/lib/import/figures-extract.ts';
import { htmlToText } from '../../src/lib/import/html-to-text.ts';
import { newspaperByDomain, newspapersByTag } from '../../src/lib/import/newspapers.ts';
import { importReport } from '../../src/lib/import/import-report.ts';
import { NotAReport, parseReport, sharedLines } from '../../src/lib/import/parse-report.ts';
import { nameKey } from '../../src/lib/places/place-names.ts';
import { escapeMdx, reportToMdx } from '../../src/lib/import/to-mdx.ts';
import { findDate, hitToIso } from '../../src/lib/import/vi-dates.ts';
import { loadArticle } from '../../src/lib/articles/load-article.ts';
import { CONTENT, SEEDS } from '../support/paths.ts';

describe('dates', () => {
  it.each([
    ['30/09/2022', '2022-09-30', true],
    ['Thứ Hai, 08/07/2019, 16:38 (GMT+7)', '2019-07-08T16:38', true],
    ['Thứ Năm, 10/01/2019, 08:01 [GMT+7]', '2019-01-10T08:01', true],
    ['Chủ nhật, 05/03/2023 | 23:06:09', '2023-03-05T23:06:09', true],
    ['Thứ 3, 28/03/2023, 06:29[GMT+7]', '2023-03-28T06:29', true],
    ['Cập nhật lúc 09:15, Thứ Ba, 14/05/2019', '2019-05-14T09:15', true],
    ['14:05 12/3/2020', '2020-03-12T14:05', true],
    ['Ngày 12 tháng 3 năm 2020', '2020-03-12', true],
    ['Nghị quyết 89/NQ-HĐND ngày 31/3/2022 của HĐND tỉnh', '2022-03-31', false],
  ])('%s', (line, iso, whole) => {
    const hit = findDate(line)!;
    expect(hitToIso(hit)).toBe(iso);
    expect(hit.wholeLine).toBe(whole);
  });

  it('rejects impossible dates', () => {
    expect(findDate('31/02/2022')).toBeNull();
    expect(findDate('không có ngày')).toBeNull();
  });
});

describe('newspapers', () => {
  it('knows papers by domain, by the bao<province> pattern and by lead tag', () => {
    expect(newspaperByDomain('baoquangninh.com.vn')?.name).toBe('Báo Quảng Ninh');
    expect(newspaperByDomain('www.baobacgiang.vn')?.name).toBe('Báo Bắc Giang');
    expect(newspaperByDomain('baokiengiang.vn')?.provinceCode).toBe('91');
    expect(newspaperByDomain('example.com')).toBeUndefined();
    expect(newspapersByTag('QNO').map((n) => n.name)).toEqual(['Báo Quảng Nam']);
    expect(newspapersByTag('BHG').map((n) => n.provinceCode)).toEqual(['02', '93']);
  });
});

describe('figures', () => {
  /** Each figure found as [value, unit, qualifier or '', quoted phrase]. */
  const rows = (text: string) => extractFigures(text).map((f) => [f.value, f.unit, f.qualifier ?? '', f.text]);

  it('finds counts, percentages and amounts with qualifiers and scale words', () => {
    const text = 'Xã có hơn 5.500 đảng viên, trên 90% tổ chức cơ sở đảng đạt; thu 10,4 tỷ đồng, 2,5 triệu đồng, 160ha lúa, 12,5% hộ nghèo.';
    expect(rows(text)).toEqual([
      [5500, 'đảng viên', 'hơn', 'hơn 5.500 đảng viên'],
      [90, '%', 'trên', 'trên 90%'],
      [10400000000, 'đồng', '', '10,4 tỷ đồng'],
      [2500000, 'đồng', '', '2,5 triệu đồng'],
      [160, 'ha', '', '160ha'],
      [12.5, '%', '', '12,5%'],
    ]);
  });

  it('reads every scale word before đồng into the value, in either spelling', () => {
    const text = 'Hỗ trợ gần 1 tỉ đồng, hơn 300 nghìn đồng mỗi hộ, 50 ngàn đồng mỗi suất và 1.200 đồng.';
    expect(rows(text)).toEqual([
      [1_000_000_000, 'đồng', 'gần', 'gần 1 tỉ đồng'],
      [300_000, 'đồng', 'hơn', 'hơn 300 nghìn đồng'],
      [50_000, 'đồng', '', '50 ngàn đồng'],
      [1200, 'đồng', '', '1.200 đồng'],
    ]);
  });

  it('skips years, dates, terms, document numbers, ordinals, names, slogans and rates', () => {
    const text =
      'Năm 2022, theo Nghị quyết 89/NQ-HĐND ngày 31/3/2022 và Chỉ thị số 10-CT/TW, nhiệm kỳ 2020 - 2025, Đại hội lần thứ XXVIII, thôn Phìn Chải 1 có chi bộ “4 tốt”, cấy 3 vụ/năm, sinh năm 1983, Covid-19.';
    expect(extractFigures(text)).toEqual([]);
  });
});

describe('MDX escaping', () => {
  const hostile = [
    'Giá {1 + 1} và <script>alert(1)</script> hay <img src=x onerror=alert(1)>.',
    '# không phải tiêu đề, *không nghiêng*, _không_, `mã`, [liên kết](javascript:alert(1)) | ~~gạch~~',
    '1. không phải danh sách',
    '- cũng không',
    '> không phải trích dẫn',
  ];

  it('keeps hostile text as text in a valid article', () => {
    const report = {
      title: 'Bài có ký tự lạ <b>{x}</b>',
      date: '2022-09-30',
      dateApprox: false,
      source: { name: 'Báo Quảng Ninh' },
      author: null,
      blocks: [...hostile.map((text) => ({ kind: 'p' as const, text })), { kind: 'quote' as const, text: 'Lời "trích" {x}', by: 'Ông A - "B" <C>' }],
      locality: { province: 'Quảng Ninh' },
      places: [],
      figures: [],
      evidence: {},
      review: [],
      draft: false,
    };
    const mdx = reportToMdx(report, 'x.txt');
    const { article, problems } = loadArticle('x.mdx', mdx);
    expect(problems).toEqual([]);
    expect(article!.text.split('\n\n').slice(0, hostile.length)).toEqual(hostile);
    // The only elements are the ones the article's own markup makes.
    expect(new Set([...article!.html.matchAll(/<([a-z][a-z0-9]*)[\s>]/g)].map((m) => m[1]))).toEqual(new Set(['p', 'figure', 'blockquote', 'figcaption']));
    expect(article!.data.title).toBe('Bài có ký tự lạ <b>{x}</b>');
  });

  it('escapes only what needs it', () => {
    expect(escapeMdx('Năm 2022 có 70 chi bộ.')).toBe('Năm 2022 có 70 chi bộ.');
    expect(escapeMdx('2022. Một năm')).toBe('2022\\. Một năm');
  });
});

describe('HTML pages saved from a browser', () => {
  it('keep the article text, one block per line', () => {
    const html = '<html><head><style>p{}</style><script>x()</script></head><body><nav>Trang chủ</nav><article><h1>Tiêu đề</h1><p>Đoạn &amp; một&nbsp;hai.</p><p>Đoạn&#x20;hai.</p></article><footer>©</footer></body></html>';
    expect(htmlToText(html).split('\n').filter(Boolean)).toEqual(['Tiêu đề', 'Đoạn & một hai.', 'Đoạn hai.']);
    // As HTML parsers do: a NUL, a surrogate or a number past Unicode is U+FFFD, never a control character.
    expect(htmlToText('<p>A&#0;B&#xD800;C&#1114112;D&#x1;E&#233;</p>').trim()).toBe('A\uFFFDB\uFFFDC\uFFFDD\uFFFDEé');
    // Every named reference HTML has, and markup a regular expression would cut wrongly.
    expect(htmlToText('<p>&ldquo;Đảng&rdquo; &hellip; x&lt;y</p><p title="a>b">Kết <b>thúc</b></p>').split('\n').filter(Boolean)).toEqual(['“Đảng” … x<y', 'Kết thúc']);
  });
});

describe('reports it has never seen', () => {
  it('reads an update-time line, a domain tag, a "Tin, ảnh" byline and cuts "Tin liên quan"', () => {
    const raw = [
      'Tin tức - Sự kiện',
      'Tân Yên: Đảng bộ thị trấn Cao Thượng kết nạp 25 đảng viên mới',
      'Cập nhật lúc 09:15, Thứ Ba, 14/05/2019',
      '(Baobacgiang.vn) - Năm 2018, Đảng bộ thị trấn Cao Thượng (Tân Yên) đã kết nạp 25 đảng viên mới, nâng tổng số đảng viên toàn Đảng bộ lên 612 đồng chí, sinh hoạt tại 21 chi bộ.',
      'Ông Nguyễn Văn Bình, Bí thư Đảng ủy thị trấn cho biết, trên 95% chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên; toàn thị trấn không còn hộ nghèo, với 3 mô hình dân vận khéo được công nhận.',
      'Tin, ảnh: Minh Hương',
      'Tin liên quan',
      'Xã Việt Lập tổ chức đại hội chi bộ với 300 đảng viên',
    ].join('\n');
    const r = parseReport(raw);
    expect(r.title).toBe('Tân Yên: Đảng bộ thị trấn Cao Thượng kết nạp 25 đảng viên mới');
    expect(r.date).toBe('2019-05-14T09:15');
    expect(r.source.name).toBe('Báo Bắc Giang');
    expect(r.author).toBe('Minh Hương');
    expect(r.locality).toEqual({ province: 'Bắc Giang', district: 'Tân Yên', commune: 'Cao Thượng' });
    expect(r.blocks[0]!.text.startsWith('Năm 2018, Đảng bộ')).toBe(true);
    expect(r.figures.map((f) => f.text)).toEqual(['25 đảng viên', '612 đồng chí', '21 chi bộ', 'trên 95%', '3 mô hình']);
    expect(r.review).toEqual([]);
  });

  it('estimates a missing date from the years the text speaks of, not from terms', () => {
    const raw = `Xây dựng Đảng ở huyện Bảo Thắng\n${'Trong năm 2021, Đảng bộ huyện Bảo Thắng nhiệm kỳ 2020 - 2025 đã kết nạp 280 đảng viên và làm nhiều việc tốt cho dân. '.repeat(3)}\nĐến cuối năm 2022 toàn huyện có 342 chi bộ.`;
    const r = parseReport(raw);
    expect([r.date, r.dateApprox]).toEqual(['2022-07-01', true]);
    expect(r.review).toContain('date');
  });

  it('refuses text with no article', () => {
    expect(() => parseReport('Trang chủ\nĐăng nhập\n.\n1.jpg\nfbytzltw')).toThrow(NotAReport);
  });
});

/** The reviewed articles, by the seed they were made from. */
const reviewed = new Map(
  readdirSync(CONTENT, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const fm = parse(readFileSync(join(CONTENT, f), 'utf8').split(/^---$/m)[1]!);
      return [fm.importedFrom as string, fm] as const;
    }),
);

describe.each([...reviewed.keys()].sort())('importing seed %s', (seed) => {
  const r = parseReport(readFileSync(join(SEEDS, seed), 'utf8'));
  const fm = reviewed.get(seed)!;

  it('matches the reviewed title, date, source, author and locality', () => {
    expect(r.title).toBe(fm.title);
    expect(r.date).toBe(String(fm.date));
    expect(r.dateApprox).toBe(Boolean(fm.dateApprox));
    expect(r.source.name).toBe(fm.source.name);
    expect(r.author).toBe(fm.author);
    expect(r.locality).toEqual(fm.locality);
    expect((r.places ?? []).map((p) => p.commune).sort()).toEqual((fm.places ?? []).map((p: { commune: string }) => p.commune).sort());
  });

  it('finds at least 90% of the reviewed figures (same value, overlapping phrase)', () => {
    const found = (fm.figures as { value: number; text: string }[]).filter((f) =>
      r.figures.some((x) => x.value === f.value && (f.text.includes(x.text) || x.text.includes(f.text))),
    );
    expect(found.length / fm.figures.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('places on the report’s date', () => {
  const seed = readFileSync(join(SEEDS, '000_e767858c9f6cb8f2.txt'), 'utf8');

  it('writes the two-level units for a report from 1 July 2025 on, so the article checks clean', () => {
    const before = parseReport(seed);
    expect(before.locality).toEqual({ province: 'Quảng Ninh', district: 'Đầm Hà' });
    const after = parseReport(seed.replace('30/09/2022', '12/08/2025'));
    expect(after.date.slice(0, 10)).toBe('2025-08-12');
    // A district is no unit then: the headline's "Đầm Hà" is today's xã Đầm Hà; the communes it names, as today.
    expect(after.locality).toEqual({ province: 'Quảng Ninh', commune: 'Đầm Hà' });
    expect(after.places.every((p) => p.district === undefined && p.province === 'Quảng Ninh')).toBe(true);
    expect(new Set(after.places.map((p) => JSON.stringify(p))).size).toBe(after.places.length);
    const { problems } = loadArticle('x.mdx', reportToMdx(after, 'x.txt'));
    expect(problems.filter((p) => p.severity === 'error' && p.field.startsWith('locality')).map((p) => p.message)).toEqual([]);
    expect(problems.filter((p) => p.severity === 'error' && p.field.startsWith('places')).map((p) => p.message)).toEqual([]);
  });
});

describe('never confidently wrong', () => {
  const body = (place: string) =>
    `Những năm qua, Đảng bộ ${place} luôn coi trọng công tác xây dựng Đảng, nâng cao chất lượng sinh hoạt chi bộ. ` +
    'Đến nay, Đảng bộ có 18 chi bộ với 412 đảng viên, trên 90% chi bộ hoàn thành tốt nhiệm vụ; năm 2022 kết nạp 21 đảng viên mới và hỗ trợ 35 hộ thoát nghèo.';

  it('settles a lead tag two papers share by the places the report names', () => {
    const r = parseReport(['Chi bộ ấp 5 làm tốt vai trò hạt nhân', 'Thứ Ba, 10/09/2024 - 07:30', `BHG - ${body('xã Vị Thắng, huyện Vị Thủy')}`, 'Bài, ảnh: Khánh Trung'].join('\n'));
    expect(r.source.name).toBe('Báo Hậu Giang');
    expect(r.locality).toEqual({ province: 'Hậu Giang', district: 'Vị Thuỷ', commune: 'Vị Thắng' });
    expect(r.evidence.source!.from).toContain('BHG');
  });

  it('leaves the province for review, as a draft, when nothing tells the two papers apart', () => {
    const r = parseReport(['Chi bộ làm tốt vai trò hạt nhân', '10/09/2024', `BHG - ${body('xã')}`].join('\n'));
    expect(r.review).toContain('locality');
    expect(r.review).toContain('source');
    expect(r.draft).toBe(true);
    expect(r.evidence.locality!.confidence).toBe('low');
  });

  it('refuses, in one line, a report with no clue to its province rather than writing a default', () => {
    expect(() => parseReport(['Chi bộ làm tốt vai trò hạt nhân', '10/09/2024', body('xã')].join('\n'))).toThrow(/không xác định được tỉnh của bài/);
  });

  it('estimates a missing date from the text, never the import day, and leaves it for review', () => {
    const r = parseReport(['Tân Yên: Đảng bộ thị trấn Cao Thượng kết nạp đảng viên', `(Baobacgiang.vn) - ${body('thị trấn Cao Thượng (Tân Yên)')}`].join('\n'));
    expect([r.date, r.dateApprox, r.draft]).toEqual(['2022-07-01', true, true]);
    expect(r.review).toContain('date');
  });

  it('reads a lead day with the year the page shows, and leaves it for review', () => {
    const r = parseReport(['Hải Trạch: Sơ kết công tác xây dựng Đảng', `BQB - Ngày 15.7, ${body('xã Hải Trạch (Bố Trạch)')}`, 'Tin liên quan', '© 2018 Báo Quảng Bình'].join('\n'));
    expect(r.date).toBe('2018-07-15');
    expect(r.review).toContain('date');
  });
});

describe('text as the page had it', () => {
  it('joins lines broken inside a sentence, drops menus and breadcrumbs, and takes the headline, not a section line', () => {
    const raw = [
      'Skip to main content',
      'Trang chủ | Thời sự | Chính trị | Kinh tế',
      'Quốc phòng - An ninh » Biên phòng',
      'Xây dựng Đảng',
      'Yên Thế: Đảng bộ xã Đồng Kỳ nâng chất lượng sinh hoạt chi bộ',
      'A- A+ Cỡ chữ | In | Nghe đọc',
      'Chủ nhật, 12/05/2019 - 08:15',
      '(BBG) - Những năm qua, Đảng bộ xã Đồng Kỳ luôn coi đổi mới nội dung sinh hoạt chi bộ là khâu then chốt, nhờ đó',
      'nhiều chi bộ thôn trở thành hạt nhân đoàn kết. Đảng bộ xã hiện có 16 chi bộ trực thuộc với 412 đảng viên, trong đó có 11 chi bộ thôn.',
      'HOÀNG ANH',
    ].join('\n');
    const r = parseReport(raw);
    expect(r.title).toBe('Yên Thế: Đảng bộ xã Đồng Kỳ nâng chất lượng sinh hoạt chi bộ');
    expect(r.blocks).toHaveLength(1);
    expect(r.blocks[0]!.text).toContain('nhờ đó nhiều chi bộ thôn');
    expect(r.author).toBe('Hoàng Anh');
    expect(r.date).toBe('2019-05-12T08:15');
  });

  it('counts as furniture the short lines several reports of one import share', () => {
    const report = (n: number) => ['Bạn đọc viết', 'Chuyên trang Nông thôn mới', `Tiêu đề bài số ${n} về xã`, `Nội dung bài ${n} rất dài. `.repeat(12)].join('\n');
    const shared = sharedLines([report(1), report(2), report(3)]);
    expect([...shared].sort()).toEqual(['Bạn đọc viết', 'Chuyên trang Nông thôn mới']);
    expect(sharedLines([report(1), report(2)]).size).toBe(0);
  });
});

describe('figures with precision', () => {
  it('takes counted nouns no list names and rates of money, not phones, numbering, documents, scores, ages or names', () => {
    const text = [
      'Toàn xã có 10.356 cử tri, 9 khu vực bỏ phiếu và 1.500 tờ rơi; thu nhập đạt 38 triệu đồng/người/năm, mỗi năm khoảng 450 tấn cá.',
      '1. Rà soát đảng viên; 2) Kiện toàn chi bộ. Điện thoại: 0207.3822.123. Theo Quyết định 1234/QĐ-UBND, Kế hoạch 56/KH-UBND,',
      'đội xóm Nà Pàn 1 thắng 2 - 1, đạt 9,5 điểm, trẻ 5 tuổi, hơn 20 năm, nhiệm kỳ 2021 - 2026 tiếp xúc cử tri, lần thứ 3, thôn 4 có 12 điểm cầu.',
    ].join('\n');
    expect(extractFigures(text).map((f) => f.text)).toEqual([
      '10.356 cử tri', '9 khu vực', '1.500 tờ rơi', '38 triệu đồng/người/năm', 'khoảng 450 tấn', '12 điểm cầu',
    ]);
  });
});

/** The labelled sets the importer was worked on (tests/fixtures/import-eval/README.md). */
describe.each(['dev', 'heldout-1'])('the labelled set %s', (set) => {
  const dir = join(import.meta.dirname, '../fixtures/import-eval', set);
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { file: string; province: string | null; date: string | null }[];
  const outcomes = labels.map((l) => ({ l, o: importReport(readFileSync(join(dir, l.file), 'utf8'), l.file) }));

  it('imports every report as an article that checks, a draft whenever anything is unsure', () => {
    for (const { l, o } of outcomes) {
      expect(o.ok, l.file).toBe(true);
      if (o.ok) expect(o.report.draft, l.file).toBe(o.report.review.length > 0);
    }
  });

  it('never writes a wrong province or an undated report’s date without leaving it for review', () => {
    for (const { l, o } of outcomes) {
      if (!o.ok) continue;
      if (l.province && nameKey(o.report.locality.province) !== nameKey(l.province)) expect(o.report.review, l.file).toContain('locality');
      if (l.date === null) expect([o.report.dateApprox, o.report.review.includes('date')], l.file).toEqual([true, true]);
    }
  });
});
