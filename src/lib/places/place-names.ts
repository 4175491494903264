/** Names of administrative units as people write them: type words ("huyện", "TP", "xã") and spelling keys. */
import { foldAscii, nfc, slugify, tidySpace, toneKey } from '../text/vi-text.ts';

/** The Vietnamese type word for display: "huyện", "thành phố", "xã"… */
export const TYPE_LABELS: Readonly<Record<string, string>> = {
  tinh: 'tỉnh',
  'thanh-pho': 'thành phố',
  huyen: 'huyện',
  quan: 'quận',
  'thi-xa': 'thị xã',
  xa: 'xã',
  phuong: 'phường',
  'thi-tran': 'thị trấn',
  'dac-khu': 'đặc khu',
};

// Editors often keep the type word: "TP Hạ Long", "huyện Đầm Hà", "Thị trấn Đầm Hà".
const TYPE_PREFIX = /^(tỉnh|thành phố|tp\.?|quận|q\.|huyện|h\.|thị xã|tx\.?|xã|phường|p\.|thị trấn|tt\.?|đặc khu)\s+/iu;
const PREFIX_TYPES: Record<string, string> = {
  'tỉnh': 'tinh',
  'thành phố': 'thanh-pho',
  tp: 'thanh-pho',
  'tp.': 'thanh-pho',
  'quận': 'quan',
  'q.': 'quan',
  'huyện': 'huyen',
  'h.': 'huyen',
  'thị xã': 'thi-xa',
  tx: 'thi-xa',
  'tx.': 'thi-xa',
  'xã': 'xa',
  'phường': 'phuong',
  'p.': 'phuong',
  'thị trấn': 'thi-tran',
  tt: 'thi-tran',
  'tt.': 'thi-tran',
  'đặc khu': 'dac-khu',
};

/** Strips a leading type word and normalises spacing and Unicode form. */
export function stripTypePrefix(name: string): string {
  return nfc(name).replace(/\s+/g, ' ').trim().replace(TYPE_PREFIX, '').trim();
}

/** The type a leading type word names ("thành phố Hồng Ngự" → thanh-pho), if any. */
export function prefixType(name: string): string | undefined {
  const m = TYPE_PREFIX.exec(nfc(name).replace(/\s+/g, ' ').trim());
  return m ? PREFIX_TYPES[m[1]!.toLowerCase()] : undefined;
}

/** The key two spellings of one name share. */
export function nameKey(name: string): string {
  return toneKey(stripTypePrefix(name));
}

/**
 * "Hải Trạch" → "haitrach", "Phường 07" → "phuong7": a name folded as the legacy merger tables
 * write it (ASCII, no spaces), numbers without leading zeros.
 */
export function asciiKey(text: string): string {
  return foldAscii(text).toLowerCase().replace(/[^a-z0-9]/g, '').replace(/(^|[a-z])0+(?=\d)/g, '$1');
}

/** A written name ("xã Thạch Lưu") as a name the data has only folded to ASCII takes it: without its type word, and its slug. */
export function spelling(written: string): { name: string; slug: string } {
  const name = tidySpace(stripTypePrefix(written));
  return { name, slug: slugify(name) };
}

/**
 * Spells a folded-only name for good (the articles' choice, or the overlay's): the version, and its
 * unit too when that is the unit's first name, which its page and URL are made from.
 */
export function spellFolded(unit: { versions: readonly object[]; name: string; slug: string }, version: { name: string; slug: string }, written: string): void {
  const spelt = spelling(written);
  Object.assign(version, spelt);
  if (unit.versions[0] === version) Object.assign(unit, spelt);
}

/** Is `name` one of a version's names: by its tone key, or by its ASCII key for a name the data has only folded? */
export function namesVersion(v: { name: string; fold?: string }, name: string): boolean {
  return v.fold === undefined ? toneKey(v.name) === toneKey(name) : v.fold === asciiKey(name);
}
