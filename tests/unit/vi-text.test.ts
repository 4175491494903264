import { describe, expect, it } from 'vitest';
import { editDistance, escapeRegExp, excerpt, foldAscii, indexOfPhrase, nfc, slugify, tidySpace, toneKey } from '../../src/lib/text/vi-text.ts';

const nfd = (s: string) => s.normalize('NFD');

describe('escapeRegExp', () => {
  it('matches a name with dots, brackets and slashes literally', () => {
    const name = 'TP.HCM (Q.1) [a+b]*?/\\';
    expect(new RegExp(`^${escapeRegExp(name)}$`).test(name)).toBe(true);
    expect(new RegExp(escapeRegExp('TP.HCM')).test('TPxHCM')).toBe(false);
  });
});

describe('nfc', () => {
  it('composes decomposed input', () => {
    expect(nfc(nfd('Đầm Hà'))).toBe('Đầm Hà');
    expect(nfc(nfd('Đầm Hà')).length).toBe(6);
  });
});

describe('toneKey', () => {
  it.each([
    ['Hoà', 'Hòa'],
    ['Thuỷ', 'Thủy'],
    ['Thuý', 'Thúy'],
    ['Khoẻ', 'Khỏe'],
    ['Hoà Bình', 'Hòa Bình'],
  ])('treats %s and %s as the same name', (a, b) => {
    expect(toneKey(a)).toBe(toneKey(b));
    expect(toneKey(nfd(a))).toBe(toneKey(b));
    expect(toneKey(a.toUpperCase())).toBe(toneKey(b));
  });

  it('keeps names that differ in tone or vowel apart', () => {
    expect(toneKey('Hà')).not.toBe(toneKey('Hạ'));
    expect(toneKey('Hòa')).not.toBe(toneKey('Hoa'));
    expect(toneKey('Sơn')).not.toBe(toneKey('Son'));
    expect(toneKey('Đầm')).not.toBe(toneKey('Dầm'));
  });
});

describe('foldAscii and slugify', () => {
  it('removes tones and maps đ to d', () => {
    expect(foldAscii('Đầm Hà')).toBe('Dam Ha');
    expect(foldAscii(nfd('Đồng Vân'))).toBe('Dong Van');
  });

  it('makes ASCII slugs from Vietnamese titles', () => {
    expect(slugify('Đầm Hà: Vững mạnh từ chi bộ thôn, khu')).toBe('dam-ha-vung-manh-tu-chi-bo-thon-khu');
    expect(slugify(nfd('Thượng Sơn (Vị Xuyên)'))).toBe('thuong-son-vi-xuyen');
    expect(slugify('  —  ')).toBe('');
  });
});

describe('indexOfPhrase', () => {
  it('finds phrases only on word boundaries', () => {
    expect(indexOfPhrase('có 23 chi bộ và 3 chi bộ', '3 chi bộ')).toBe(16);
    expect(indexOfPhrase('có 23 chi bộ', '3 chi bộ')).toBe(-1);
    expect(indexOfPhrase('18 chi bộ trực thuộc', '18 chi bộ')).toBe(0);
    expect(indexOfPhrase('trên 90%, đạt', 'trên 90%')).toBe(0);
    expect(indexOfPhrase('các chi bội', 'chi bộ')).toBe(-1);
  });
});

describe('tidySpace, excerpt, editDistance', () => {
  it('collapses white space including no-break spaces', () => {
    expect(tidySpace(' a \u00a0 b\n\tc ')).toBe('a b c');
  });

  it('cuts at a word boundary', () => {
    const text = 'Đảng bộ xã Thượng Sơn có 18 chi bộ, trong đó có 12 chi bộ thôn bản';
    const short = excerpt(text, 30);
    expect(short.length).toBeLessThanOrEqual(30);
    expect(short.endsWith('…')).toBe(true);
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
    expect(excerpt('ngắn', 30)).toBe('ngắn');
  });

  it('counts edits', () => {
    expect(editDistance('dam ha', 'dam ha')).toBe(0);
    expect(editDistance('kien xuong', 'kien xương')).toBe(2);
    expect(editDistance('dam ha', 'dam hai')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
