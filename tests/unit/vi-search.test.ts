import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random } from '../../scripts/bench/corpus.ts';
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
} from '../../src/lib/search/vi-search.ts';

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

/**
 * `canonicalHtml` as it was first written, with a regex per text and per word: the reference the
 * scanning version must agree with (its spelling, its text, and the d/đ syllables of its words).
 */
function canonicalHtmlByRegex(html: string) {
  const words = new Map<string, string>();
  const out = html.replace(/>([^<]+)</g, (_, text: string) =>
    `>${text.normalize('NFC').replace(/\u00a0/g, ' ').replace(/[\p{L}\p{M}]+/gu, (w) => {
      let c = words.get(w);
      if (c === undefined) words.set(w, (c = canonicalSyllable(w)));
      return c;
    })}<`,
  );
  const seen = new Map<string, Set<string>>();
  for (const [w, c] of words) seen.set(c, (seen.get(c) ?? new Set()).add(w));
  const spelling: Record<string, string> = {};
  for (const [canonical, originals] of seen) {
    const [only] = originals;
    if (originals.size === 1 && only !== canonical) spelling[canonical] = only!;
  }
  return { html: out, spelling, words };
}

function agreesWithRegex(html: string): void {
  const fast = canonicalHtml(html);
  const slow = canonicalHtmlByRegex(html);
  expect(fast.html, html).toBe(slow.html);
  expect(fast.spelling, html).toEqual(slow.spelling);
  expect([...dSyllablesOf(fast.words.keys())].sort(), html).toEqual([...dSyllablesOf(slow.words.keys())].sort());
  // Every word canonical spelling changes is among those returned, with its canonical form.
  for (const [w, c] of slow.words) if (c !== w) expect(fast.words.get(w), w).toBe(c);
}

describe('canonicalHtml agrees with the plain regex version', () => {
  it('on the archive’s own articles, as HTML', () => {
    const dir = join(import.meta.dirname, '../../content/articles');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.mdx?$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      agreesWithRegex(`<article data-pagefind-body>${text.split(/\n+/).map((line) => `<p>${line}</p>`).join('')}</article>`);
      agreesWithRegex(nfd(`<p title="Hoà">${text}</p>`));
    }
  });

  it('on random text of odd letters, marks, surrogates, spaces and tags', () => {
    const pieces = [
      'hoà', 'Hòa', 'HOÀ', 'khoẻ', 'thuý', 'Thủy', 'quý', 'QUÝ', 'kỉ', 'Kỳ', 'mĩ', 'lý', 'sỹ', 'Sĩ', 'đi', 'dy', 'vị', 'xỉ', 'ri',
      'đảng', 'Đông', 'dân', 'Dương', 'được', 'ệ', 'ướ', 'oa', 'oe', 'uy', 'y', 'i', 'Y', 'a', 'qui', 'quỵ', 'toà', 'tóa', 'hóá',
      'été', 'tấé', 'ṍ', 'İ', 'ı', 'K', 'ß', 'Ǆ', '\u0301', '\u0300a', 'a\u0301\u0300', 'y\u0303', 'o\u0323a', '\u0338', '≮',
      '𝐀', '𠀀', '😀', '\ud800', '\udc00', 'x\ud83d', '\u00a0', ' ', '  ', '\n', '.', ',', '-', '2.500', '90%', '&amp;', '<b>',
      '</b>', '<br>', '<a href="/hoà" title="kỉ">', '</a>', '>', '<', '><', 'Ωμέγα', 'Москва', '東京',
    ];
    const next = random(20261124);
    for (let n = 0; n < 3000; n++) {
      let html = '<p>';
      const length = Math.floor(next() * 40);
      for (let k = 0; k < length; k++) html += pieces[Math.floor(next() * pieces.length)];
      agreesWithRegex(`${html}</p>`);
      agreesWithRegex(nfd(`${html}</p>`));
    }
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
