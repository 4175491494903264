import { describe, expect, it } from 'vitest';
import { random } from '../../scripts/bench/corpus.ts';
import { addToken, buildVocab, chunkKey, foldWord, indexedText, pageWords, queryWords, shardSelector, shardsWithPrefix, withoutIgnored, type VocabChunk } from '../../src/lib/search/search-vocab.ts';

describe('folding words as Pagefind does', () => {
  it('strips tone and vowel marks but keeps đ', () => {
    expect(foldWord('phìn')).toBe('phin');
    expect(foldWord('đảng')).toBe('đang');
    expect(foldWord('người')).toBe('nguoi');
    // Decomposed input folds the same as composed.
    expect(foldWord('phi\u0300n')).toBe('phin');
  });

  it('reads a query as Pagefind does: lower case, punctuation dropped, split at spaces', () => {
    expect(queryWords('"Lũng Phìn"')).toEqual(['lung', 'phin']);
    expect(queryWords('covid-19  2.500')).toEqual(['covid19', '2500']);
    expect(queryWords('  ')).toEqual([]);
  });
});

describe('pageWords', () => {
  const words = pageWords(
    '<article data-pagefind-meta="date[data-date], locality[data-locality], kind:Phóng sự" data-date="08/07/2019" data-locality="Thượng Sơn, Vị Xuyên" data-sort="2019-07-08T09:38:00.000Z" data-pagefind-filter="district[data-district]" class="article">' +
      '<h1>Đảng viên</h1><p>Có 2.500 người; covid-19 &amp; it&#39;s <b>Lũng</b>Phìn <a href="https://example.org/bai/hoc-tap/">xem</a></p>' +
      '<img src="/anh/cau-treo.jpg" alt="Cầu treo Nậm Mu"></article>',
  );

  it('holds every word of the text, folded', () => {
    for (const w of ['đang', 'vien', 'co', 'nguoi', 'lung', 'phin', 'xem']) expect(words).toContain(w);
  });

  it('holds tokens whole and split at punctuation, entities decoded', () => {
    for (const w of ['2500', '2', '500', 'covid19', 'covid', '19', 'its']) expect(words).toContain(w);
    expect(words).not.toContain('amp');
    expect(words).not.toContain('39');
  });

  it('holds metadata read from attributes or given inline, and alt text', () => {
    for (const w of ['thuong', 'son', 'vi', 'xuyen', '08', '2019', 'phong', 'su', 'cau', 'treo', 'nam', 'mu']) expect(words).toContain(w);
  });

  it('leaves out what Pagefind ignores, nested tags followed', () => {
    const html =
      '<article><p>giữ</p><div data-pagefind-ignore="all"><div>bỏ <div>cả</div> đây</div> nữa</div><p>còn</p>' +
      '<img data-pagefind-ignore alt="ảnh bỏ"><p data-pagefind-ignore>lược</p><section>cuối</section></article>';
    expect(withoutIgnored(html).replace(/<[^>]*>/g, ' ').trim().split(/\s+/)).toEqual(['giữ', 'còn', 'cuối']);
    // Unbalanced markup is kept: more words never hide results.
    expect(withoutIgnored('<div data-pagefind-ignore><p>mở')).toContain('mở');
  });

  it('leaves out links, sources, classes, filter names and sort keys', () => {
    for (const w of ['https', 'example', 'hoctap', 'anh', 'jpg', 'article', 'district', '20190708t093800000z']) expect(words).not.toContain(w);
  });
});

describe('pageWords agrees with splitting at white space', () => {
  /** `pageWords` as it was first written (split at `\s+`, every token folded, none skipped): the reference. */
  function pageWordsBySplit(html: string): Set<string> {
    const into = new Set<string>();
    const text = indexedText(html);
    for (const raw of text.split(/\s+/)) if (raw) addToken(foldWord(raw), into);
    return into;
  }

  it('on random text of letters, digits, punctuation, entities and every kind of space', () => {
    const pieces = [
      'đảng', 'Đảng', 'viên', 'VIÊN', '_', ':', '[', ']', '`', '^', '@', '/', '~', 'phi\u0300n', 'Lũng', 'a', 'Z', 'x9', '2.500', '90%', 'covid-19', 'it’s', '&amp;', '&#39;',
      '&nbsp;', '(', ')', '"', '…', '—', '\u0301', '𝐀', '😀', '東京', 'İ', 'ß', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0',
      '\u1680', '\u2000', '\u2003', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085',
      '<b>', '</b>', '<img alt="Cầu treo">', '<p data-pagefind-ignore>bỏ</p>',
    ];
    const next = random(11);
    for (let n = 0; n < 3000; n++) {
      let html = '<article>';
      const length = Math.floor(next() * 30);
      for (let k = 0; k < length; k++) html += pieces[Math.floor(next() * pieces.length)];
      html += '</article>';
      expect([...pageWords(html)].sort(), html).toEqual([...pageWordsBySplit(html)].sort());
    }
  });
});

describe('the vocabulary in chunks', () => {
  const vocab = buildVocab([
    ['phin', 'phi', 'lung', 'đang'],
    ['phi', 'lung', 'dang'],
    ['phinh', 'xa'],
  ]);

  it('files words by their first two letters, with the shards holding each', () => {
    expect(chunkKey('phin')).toBe('ph');
    expect(chunkKey('đang')).toBe('_111a');
    expect(chunkKey('x')).toBe('x');
    expect(vocab.get('ph')).toEqual({ phi: '3', phin: '1', phinh: '4' });
    expect(vocab.get('_111a')).toEqual({ đang: '1' });
    expect(vocab.get('da')).toEqual({ dang: '2' });
  });

  it('tells the shards holding a word that starts with a term', () => {
    const ph = vocab.get('ph');
    expect(shardsWithPrefix(ph, 'phin')).toBe(0b101n);
    expect(shardsWithPrefix(ph, 'phi')).toBe(0b111n);
    expect(shardsWithPrefix(ph, 'pho')).toBeUndefined();
    // One letter: the chunk cannot tell, so every shard is searched.
    expect(shardsWithPrefix(ph, 'p')).toBeUndefined();
  });

  it('handles more shards than a 32-bit mask holds', () => {
    const many = buildVocab(Array.from({ length: 40 }, (_, i) => (i === 39 ? ['hiếm'] : ['thường'])));
    expect(shardsWithPrefix(many.get('hi'), 'hiếm')).toBe(1n << 39n);
  });
});

describe('shardSelector', () => {
  const names = ['2024-01', '2023-01', '2022-01'];
  const vocab = buildVocab([
    ['lung', 'phin', 'xa'],
    ['lung', 'xa'],
    ['xa', 'ban'],
  ]);
  const loads: string[] = [];
  const select = shardSelector(names, async (key) => {
    loads.push(key);
    return vocab.get(key) as VocabChunk | undefined;
  });

  it('keeps the shards that hold every query word', async () => {
    expect(await select('Lũng Phìn')).toEqual(['2024-01']);
    expect(await select('lũng')).toEqual(['2024-01', '2023-01']);
  });

  it('searches every shard when all hold the words, or none holds one (Pagefind then falls back as one index would)', async () => {
    expect(await select('xã')).toBeUndefined();
    expect(await select('zzz')).toBeUndefined();
    expect(await select('lũng zzz')).toEqual(['2024-01', '2023-01']);
  });

  it('finds no shard when the words sit in different shards', async () => {
    expect(await select('phìn bản')).toEqual([]);
  });

  it('fetches each chunk once', () => {
    expect(loads.filter((k) => k === 'lu')).toHaveLength(1);
  });

  it('does nothing for an index in one shard', async () => {
    expect(await shardSelector(['2024-01'], async () => vocab.get('lu'))('lũng')).toBeUndefined();
  });
});
