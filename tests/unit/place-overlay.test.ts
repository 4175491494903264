/** The editors' overlay of the gazetteer (content/places.yaml): checked line by line, then applied. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Gazetteer, overlayProblems, PLACES_DATA } from '../../src/lib/places/gazetteer.ts';
import { applyOverlay, readOverlay } from '../../src/lib/places/place-overlay.ts';
import { formatProblem } from '../../src/lib/articles/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-overlay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = JSON.parse(readFileSync(PLACES_DATA, 'utf8'));
const fresh = () => new Gazetteer(data);

function overlay(text: string) {
  const file = join(dir, `o${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const g = fresh();
  const read = readOverlay(file, g);
  return { g, ...read, lines: read.problems.map((p) => formatProblem({ ...p, file: 'places.yaml' })) };
}

describe('the overlay', () => {
  it('the committed one checks clean', () => {
    expect(overlayProblems()).toEqual([]);
  });

  it('dates and spells a unit the legacy tables have only in ASCII, and dates an existing one', () => {
    const { g, entries, problems } = overlay(`
- name: xã Hải Trạch
  parent: huyện Bố Trạch, tỉnh Quảng Bình
  to: 2020-02-01
  successor: xã Hải Phú
  source: Nghị quyết 862/NQ-UBTVQH14
- name: xã Hải Phú
  parent: huyện Bố Trạch, tỉnh Quảng Bình
  from: 2020-02-01
  source: Nghị quyết 862/NQ-UBTVQH14
`);
    expect(problems).toEqual([]);
    applyOverlay(g, entries);
    const haiPhu = g.byCode.get('19144')!;
    expect(haiPhu.versions[0]!.from).toBe('2020-02-01');
    const links = haiPhu.prev.map((l) => [l.unit.name, l.kind, l.date, l.source]);
    // The tables date it by year (2019, in force by the end of 2020); the entry's day replaces that, once.
    expect(links.filter((l) => l[0] === 'Hải Trạch')).toEqual([['Hải Trạch', 'merged', '2020-02-01', 'Nghị quyết 862/NQ-UBTVQH14']]);
    expect(links).toContainEqual(['phutrach', 'merged', ['2019-01-01', '2020-12-31'], expect.stringContaining('vietnamadminunits')]);
    expect(g.everUnder('455').filter((u) => u.name === 'Hải Trạch' && u.code === '')).toHaveLength(1);
  });

  it('adds a unit no dataset has, with its successor', () => {
    const { g, entries, problems } = overlay(`
- name: xã Thử Nghiệm
  parent: huyện Bố Trạch, tỉnh Quảng Bình
  to: 2018-06-01
  successor: xã Hải Phú
  source: Quyết định giả định cho kiểm thử
`);
    expect(problems).toEqual([]);
    applyOverlay(g, entries);
    const added = g.everUnder('455').filter((u) => u.name === 'Thử Nghiệm');
    expect(added.map((u) => [u.code, u.versions[0]!.to, u.next.map((l) => l.unit.code)])).toEqual([['', '2018-06-01', ['19144']]]);
  });

  it('says what is wrong, one line each, with the file, line and field', () => {
    const { lines } = overlay(`- name: Hải Trạch
  parent: huyện Bố Trạch, tỉnh Quảng Bình
  to: 2020-02-01
  source: NQ 862
- name: xã Hải Trạch
  parent: huyện Bố Trạc, tỉnh Quảng Bình
  to: 2020-02-01
  source: NQ 862
- name: xã Hải Trạch
  parent: huyện Bố Trạch, tỉnh Quảng Bình
  to: 2020-02-30
  source: NQ 862
- name: xã Hải Trạch
  parent: huyện Bố Trạch, tỉnh Quảng Bình
  to: 2020-02-01
- name: xã Hải Trạch
  parent: huyện Bố Trạch, tỉnh Quảng Bình
  to: 2020-02-01
  successor: xã Không Có
  source: NQ 862
  note: x
`);
    expect(lines).toEqual([
      "places.yaml:1:9  [0].name  'Hải Trạch' thiếu chữ chỉ loại: viết ví dụ 'xã Hải Trạch' hoặc 'huyện Hải Trạch'",
      "places.yaml:6:11  [1].parent  không có đơn vị cấp trên 'huyện Bố Trạc, tỉnh Quảng Bình' — viết cấp nhỏ trước, kèm chữ chỉ loại, ví dụ 'huyện Bố Trạch, tỉnh Quảng Bình'",
      "places.yaml:11:7  [2].to  '2020-02-30' không phải ngày: viết YYYY-MM-DD, ví dụ 2020-02-01",
      "places.yaml:13:3  [3].source  thiếu 'source': nghị quyết hay quyết định làm căn cứ, kèm ngày",
      "places.yaml:21:3  [4].note  không có trường 'note' — một mục có name, parent, from, to, successor, source",
      "places.yaml:19:14  [4].successor  không có đơn vị kế tiếp 'xã Không Có' — ghi một đơn vị cùng cấp trên ('xã Hải Phú') hoặc ghi đủ đường dẫn",
    ]);
  });
});
