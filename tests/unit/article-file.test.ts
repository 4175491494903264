/**
 * Bad frontmatter: every mistake gives one message naming the file, the line and column
 * of the offending value, the field, and what would fit.
 */
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/lib/articles/article-file.ts';
import { formatProblem } from '../../src/lib/articles/problems.ts';

const FILE = 'content/articles/2022/dam-ha.mdx';

/** A valid article; `edit` rewrites its frontmatter lines for each case. */
function article(edit: (lines: string[]) => string[] = (l) => l): string {
  const fm = [
    'title: "Đầm Hà: Vững mạnh từ chi bộ thôn, khu"',
    'date: 2022-09-30',
    'source:',
    '  name: Báo Quảng Ninh',
    'author: null',
    'locality:',
    '  province: Quảng Ninh',
    '  district: Đầm Hà',
    'figures:',
    '  - value: 70',
    '    unit: chi bộ',
    '    text: 70 chi bộ khu dân cư',
  ];
  return `---\n${edit(fm).join('\n')}\n---\n\nToàn huyện có 70 chi bộ khu dân cư.\n`;
}

function messages(source: string): string[] {
  return parseArticleFile(FILE, source).problems.map(formatProblem);
}

const replace = (from: string, to: string) => (lines: string[]) => lines.map((l) => (l === from ? to : l));

describe('a valid article', () => {
  it('parses with no problems, names resolved to the gazetteer', () => {
    const { article: a, problems } = parseArticleFile(FILE, article());
    expect(problems).toEqual([]);
    expect(a?.data.locality).toEqual({
      province: 'Quảng Ninh',
      provinceCode: '22',
      district: 'Đầm Hà',
      districtCode: '200',
      ids: ['22', '200'],
      today: { province: 'Quảng Ninh', provinceCode: '22' },
    });
    expect(a?.bodyLine).toBe(15);
    expect(a?.body.trim()).toBe('Toàn huyện có 70 chi bộ khu dân cư.');
  });

  it('normalises NFD files and says so', () => {
    const { article: a, problems } = parseArticleFile(FILE, article().normalize('NFD'));
    expect(a?.data.title).toBe('Đầm Hà: Vững mạnh từ chi bộ thôn, khu');
    expect(problems.map((p) => [p.severity, p.field])).toEqual([['warning', 'file']]);
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    expect(parseArticleFile(FILE, `\uFEFF${article().replace(/\n/g, '\r\n')}`).problems).toEqual([]);
  });
});

describe('bad frontmatter', () => {
  it.each([
    [
      'unknown district',
      replace('  district: Đầm Hà', '  district: Dam Ha'),
      `${FILE}:9:13  locality.district  không có huyện 'Dam Ha' ở Quảng Ninh — có phải 'Đầm Hà'?`,
    ],
    [
      'unknown province',
      replace('  province: Quảng Ninh', '  province: Quang Ninh'),
      `${FILE}:8:13  locality.province  không có tỉnh 'Quang Ninh' — có phải 'Quảng Ninh'?`,
    ],
    [
      'impossible date',
      replace('date: 2022-09-30', 'date: 2022-02-30'),
      `${FILE}:3:7  date  cần một ngày có thật dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam), ví dụ 2022-09-30 hoặc 2019-07-08T16:38`,
    ],
    [
      'date in the Vietnamese order',
      replace('date: 2022-09-30', 'date: 30/09/2022'),
      `${FILE}:3:7  date  cần một ngày có thật dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam), ví dụ 2022-09-30 hoặc 2019-07-08T16:38`,
    ],
    ['missing title', (l: string[]) => l.slice(1), `${FILE}:2:1  title  thiếu trường bắt buộc 'title'`],
    [
      'missing author',
      (l: string[]) => l.filter((x) => !x.startsWith('author')),
      `${FILE}:2:1  author  thiếu trường bắt buộc 'author' — bài không ghi tác giả thì viết 'author: null'`,
    ],
    [
      'misspelt field',
      replace('date: 2022-09-30', 'date: 2022-09-30\ntilte: x'),
      `${FILE}:4:8  tilte  không có trường 'tilte' — có phải 'title'?`,
    ],
    [
      'misspelt nested field',
      replace('  name: Báo Quảng Ninh', '  nam: Báo Quảng Ninh'),
      `${FILE}:5:8  source.nam  không có trường 'nam' — có phải 'name'?`,
    ],
    [
      'figure value that does not match its text',
      replace('  - value: 70', '  - value: 700'),
      `${FILE}:11:12  figures[0].value  giá trị 700 khác con số trong cụm từ '70 chi bộ khu dân cư' (70)`,
    ],
    [
      'figure value written as text',
      replace('  - value: 70', '  - value: "70 chi bộ"'),
      `${FILE}:11:12  figures[0].value  cần một số, nhưng đây là chữ '70 chi bộ'`,
    ],
    [
      'qualifier not in the text',
      replace('    unit: chi bộ', '    unit: chi bộ\n    qualifier: hơn'),
      `${FILE}:13:16  figures[0].qualifier  chữ 'hơn' không có trong cụm từ '70 chi bộ khu dân cư'`,
    ],
    [
      'unknown qualifier',
      replace('    unit: chi bộ', '    unit: chi bộ\n    qualifier: độ'),
      `${FILE}:13:16  figures[0].qualifier  không dùng được chữ 'độ'; hãy dùng một trong: trên, hơn, gần, khoảng, dưới, chưa đến, gần như, xấp xỉ, ít nhất, tới, đến, từ`,
    ],
    [
      'source URL that is not a web address',
      replace('  name: Báo Quảng Ninh', '  name: Báo Quảng Ninh\n  url: baoquangninh.vn/bai-1'),
      `${FILE}:6:8  source.url  cần một địa chỉ web bắt đầu bằng https://`,
    ],
    [
      'empty title',
      replace('title: "Đầm Hà: Vững mạnh từ chi bộ thôn, khu"', 'title: ""'),
      `${FILE}:2:8  title  không được để trống`,
    ],
    [
      'a NUL in the title (it breaks the feed)',
      replace('title: "Đầm Hà: Vững mạnh từ chi bộ thôn, khu"', 'title: "Đầm Hà: Vững mạnh\\0 từ chi bộ thôn, khu"'),
      `${FILE}:2:8  title  có ký tự điều khiển (như U+0000): hãy xóa nó`,
    ],
    [
      'a line break in the title (it forges a record in the .ris file)',
      replace('title: "Đầm Hà: Vững mạnh từ chi bộ thôn, khu"', 'title: "Đầm Hà: Vững mạnh\\nTY  - NEWS"'),
      `${FILE}:2:8  title  phải viết trên một dòng: nối các dòng lại`,
    ],
    [
      'a field written twice',
      replace('title: "Đầm Hà: Vững mạnh từ chi bộ thôn, khu"', 'title: "Đầm Hà: Vững mạnh từ chi bộ thôn, khu"\ntitle: "Lần hai"'),
      `${FILE}:3:1  title  trường 'title' được viết hai lần: giữ một`,
    ],
    [
      'a quote never closed, reported where it opens',
      replace('title: "Đầm Hà: Vững mạnh từ chi bộ thôn, khu"', 'title: "Đầm Hà: Vững mạnh từ chi bộ thôn, khu'),
      `${FILE}:2:8  title  dấu nháy mở ở đây chưa đóng: kết thúc giá trị bằng "`,
    ],
    [
      'YAML syntax error',
      replace('  district: Đầm Hà', '  district: [Đầm Hà'),
      /^content\/articles\/2022\/dam-ha\.mdx:\d+:\d+ {2}frontmatter {2}lỗi cú pháp YAML: /,
    ],
  ])('%s', (_, edit, expected) => {
    const out = messages(article(edit));
    expect(out).toHaveLength(1);
    if (typeof expected === 'string') expect(out[0]).toBe(expected);
    else expect(out[0]).toMatch(expected);
  });

  it('reports several mistakes at once, in file order', () => {
    const out = messages(article((l) => replace('  district: Đầm Hà', '  district: Dam Ha')(replace('date: 2022-09-30', 'date: 2022-02-30')(l))));
    expect(out.map((m) => m.split('  ')[1])).toEqual(['date', 'locality.district']);
  });

  it('explains a missing or unclosed frontmatter block', () => {
    expect(messages('Chỉ có nội dung.')).toEqual([
      `${FILE}:1:1  frontmatter  thiếu phần đầu bài: tệp phải bắt đầu bằng một dòng '---', rồi các trường, rồi một dòng '---' nữa`,
    ]);
    expect(messages('---\ntitle: x\n')).toEqual([
      `${FILE}:1:1  frontmatter  phần đầu bài chưa đóng: thêm một dòng '---' sau trường cuối`,
    ]);
  });

  it('keeps a draft with fields to review, and refuses to publish one', () => {
    const draft = parseArticleFile(FILE, article((l) => [...l, 'draft: true', 'review: [date, locality.commune]']));
    expect(draft.article).toBeDefined();
    expect(draft.problems.map(formatProblem)).toEqual([`${FILE}:15:9  review  còn chờ xác nhận: date, locality.commune  (cảnh báo)`]);
    const published = parseArticleFile(FILE, article((l) => [...l, 'review: [date, locality.commune]']));
    expect(published.problems.map(formatProblem)).toEqual([
      `${FILE}:14:9  review  còn chờ xác nhận: date, locality.commune — xác nhận từng trường rồi xóa khỏi review, hoặc giữ bài là bản nháp (draft: true)`,
    ]);
  });
});
