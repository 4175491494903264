import { describe, expect, it } from 'vitest';
import {
  bestReading,
  canonicalHtml,
  canonicalSyllable,
  canonicalText,
  decodeSpelling,
  dSyllablesOf,
  encodeSpelling,
  highlightKey,
  parseQuery,
  phraseFirst,
  rankReadings,
  readings,
  restoreSpelling,
} from '../../src/lib/vi-search.ts';

const nfd = (s: string) => s.normalize('NFD');

describe('canonicalSyllable', () => {
  it.each([
    // tone placement, old style wins
    ['hoà', 'hòa'],
    ['Hòa', 'Hòa'],
    ['thuý', 'thúy'],
    ['khoẻ', 'khỏe'],
    ['uỷ', 'ủy'],
    ['tuỳ', 'tùy'],
    ['HOÀ', 'HÒA'],
    // i/y: y after h k l m t qu, i after other consonants
    ['kỉ', 'kỷ'],
    ['lí', 'lý'],
    ['mĩ', 'mỹ'],
    ['tỉ', 'tỷ'],
    ['hi', 'hy'],
    ['quí', 'quý'],
    ['sỹ', 'sĩ'],
    ['Sỹ', 'Sĩ'],
    ['vỵ', 'vị'],
  ])('%s → %s', (input, out) => {
    expect(canonicalSyllable(input)).toBe(out);
    expect(canonicalSyllable(nfd(input))).toBe(out);
  });

  it.each(['hoàng', 'toán', 'thuyết', 'quý', 'y', 'Thy', 'gì', 'Đảng', 'viên', 'của', 'mía', '5500'])('leaves %s alone', (w) => {
    expect(canonicalSyllable(w)).toBe(w);
  });

  it('never changes the length of NFC text, so positions stay valid', () => {
    const text = 'Hoà Bình siết chặt kỉ luật; Thuý, Mĩ, Sỹ, quí, khoẻ, uỷ viên — Đảng bộ.';
    expect(canonicalText(text)).toHaveLength(text.length);
    expect(canonicalText(text)).toBe('Hòa Bình siết chặt kỷ luật; Thúy, Mỹ, Sĩ, quý, khỏe, ủy viên — Đảng bộ.');
  });
});

describe('canonicalHtml and spelling restore', () => {
  it('changes text but not tags or attribute values', () => {
    const { html } = canonicalHtml('<a href="/hoà" data-x="kỉ">Hoà kỉ</a>');
    expect(html).toBe('<a href="/hoà" data-x="kỉ">Hòa kỷ</a>');
  });

  it('remembers words the page spells one non-canonical way, and restores them', () => {
    const { spelling } = canonicalHtml('<p>Ông Trần Tuấn Sỹ nói về kỉ luật. Bác sĩ khám; kỷ cương.</p>');
    expect(spelling).toEqual({ Sĩ: 'Sỹ' });
    const round = decodeSpelling(encodeSpelling(spelling));
    expect(restoreSpelling('Trần Tuấn Sĩ, bác sĩ', round)).toBe('Trần Tuấn Sỹ, bác sĩ');
    expect(decodeSpelling(undefined)).toEqual({});
  });
});

describe('parseQuery', () => {
  it('normalises NFD, case, spelling and white space', () => {
    expect(parseQuery(`  ${nfd('Hoà  Bình')} `)).toEqual({ terms: ['hòa', 'bình'], exact: false });
    expect(parseQuery('KỈ LUẬT')).toEqual({ terms: ['kỷ', 'luật'], exact: false });
  });

  it('keeps Vietnamese numbers whole', () => {
    expect(parseQuery('hơn 5.500 đảng viên, 10,4 tỷ').terms).toEqual(['hơn', '5.500', 'đảng', 'viên', '10,4', 'tỷ']);
  });

  it('recognises a quoted phrase, straight or curly', () => {
    expect(parseQuery('"chi bộ"').exact).toBe(true);
    expect(parseQuery('“chi bộ”').exact).toBe(true);
    expect(parseQuery('chi "bộ"').exact).toBe(false);
    expect(parseQuery('"').exact).toBe(false);
  });
});

describe('readings', () => {
  it('reads each d both ways, as typed first', () => {
    expect(readings(['dang', 'vien'])).toEqual([
      ['dang', 'vien'],
      ['đang', 'vien'],
    ]);
    expect(readings(['dam', 'dan'])).toHaveLength(4);
  });

  it('takes a query that already has đ as typed', () => {
    expect(readings(['đảng', 'dân'])).toEqual([['đảng', 'dân']]);
    expect(readings(['vị', 'xuyên'])).toEqual([['vị', 'xuyên']]);
  });

  it('bounds the number of readings', () => {
    expect(readings(['d1', 'd2', 'd3', 'd4'])).toEqual([
      ['d1', 'd2', 'd3', 'd4'],
      ['đ1', 'đ2', 'đ3', 'đ4'],
    ]);
    expect(readings(['d', 'd', 'd'])).toHaveLength(8);
  });
});

describe('ranking', () => {
  const h = (id: string, score = 1) => ({ id, score });

  it('picks the reading with most phrase hits, then most hits, then as typed', () => {
    expect(bestReading([{ phrase: [], all: [h('a'), h('b'), h('c')] }, { phrase: [h('d')], all: [h('d')] }])).toBe(1);
    expect(bestReading([{ phrase: null, all: [h('a')] }, { phrase: null, all: [h('b'), h('c')] }])).toBe(1);
    expect(bestReading([{ phrase: null, all: [h('a')] }, { phrase: null, all: [h('b')] }])).toBe(0);
  });

  it('puts adjacent (phrase) hits first, each group by score', () => {
    const ordered = phraseFirst({ phrase: [h('p1', 0.2), h('p2', 0.9)], all: [h('x', 5), h('p1', 0.2), h('p2', 0.9), h('y', 3)] }, false);
    expect(ordered.map((r) => r.id)).toEqual(['p2', 'p1', 'x', 'y']);
    expect(phraseFirst({ phrase: [h('p1')], all: [h('x'), h('p1')] }, true).map((r) => r.id)).toEqual(['p1']);
    expect(phraseFirst({ phrase: null, all: [h('a', 1), h('b', 2)] }, false).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('orders phrase hits by their word-search score, since Pagefind scores every phrase hit alike', () => {
    // Pagefind returns exact-phrase hits in index order with one score; the word search ranks them.
    const ordered = phraseFirst({ phrase: [h('p1', 1), h('p2', 1), h('p3', 1)], all: [h('p3', 4), h('p1', 2), h('x', 9), h('p2', 7)] }, false);
    expect(ordered.map((r) => r.id)).toEqual(['p2', 'p3', 'p1', 'x']);
  });
});

describe('highlightKey', () => {
  it('drops tones and marks but keeps đ', () => {
    expect(highlightKey('Đảng')).toBe('đang');
    expect(highlightKey('viên')).toBe('vien');
    expect(highlightKey('dạng')).toBe('dang');
    expect(highlightKey(nfd('Hoà'))).toBe('hoa');
  });
});

describe('d/đ prior', () => {
  it('collects the d and đ syllables of a text, tones dropped', () => {
    expect([...dSyllablesOf(canonicalHtml('<p>Đầm Hà dám làm, <b>đảm</b> bảo; Dân cư</p>').words.keys())].sort()).toEqual(['dam', 'dan', 'đam']);
  });

  it('ranks readings by how the archive spells their syllables', () => {
    const prior = { pages: 100, df: { dang: 10, đang: 90, dam: 20, đam: 80 } };
    expect(rankReadings(readings(['dang', 'vien']), prior)).toEqual([
      { terms: ['đang', 'vien'], share: 0.9 },
      { terms: ['dang', 'vien'], share: 0.1 },
    ]);
    const top = rankReadings(readings(['dang', 'dam']), prior)[0]!;
    expect(top.terms).toEqual(['đang', 'đam']);
    expect(top.share).toBeCloseTo(0.72, 10);
  });

  it('drops readings with a syllable no page holds, keeps order without a prior', () => {
    const prior = { pages: 10, df: { dan: 9 } };
    expect(rankReadings(readings(['dan', 'cu']), prior)).toEqual([{ terms: ['dan', 'cu'], share: 1 }]);
    expect(rankReadings(readings(['dan', 'cu']), undefined).map((r) => r.terms[0])).toEqual(['dan', 'đan']);
  });
});
