/**
 * The editors' overlay of the dated gazetteer (content/places.yaml): units and dates that no
 * dataset covers, each with its legal source — a commune merged away in 2020, the day a unit was
 * formed. Reviewed like content; `npm run check` reports its problems by file, line and field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { Bound, Level } from './place-data.ts';
import type { Problem } from '../articles/problems.ts';
import { isCalendarDate } from '../text/dates.ts';
import type { Gazetteer, Unit, Version } from './gazetteer.ts';
import { namesVersion, prefixType, spellFolded, stripTypePrefix } from './place-names.ts';
import { nfc, slugify, tidySpace } from '../text/vi-text.ts';

/** Where the overlay lives, from the project root. */
export const OVERLAY_PATH = resolve('content/places.yaml');

/** One reviewed entry, resolved against the gazetteer. */
export interface OverlayEntry {
  /** The unit the entry amends, or the parent of the unit it adds. */
  target?: Unit;
  parent?: Unit;
  level: Level;
  type: string;
  name: string;
  from?: string;
  to?: string;
  successor?: Unit;
  source: string;
}

const FIELDS = ['name', 'parent', 'from', 'to', 'successor', 'source'];

/** Does a version have this type and name (by the ASCII key for a name the data has only folded)? */
const sameName = (v: Version, t: { type: string; name: string }) => v.type === t.type && namesVersion(v, t.name);

/** The type word and the name of "xã Hải Trạch"; none without a type word. */
function typed(text: string): { type: string; name: string } | undefined {
  const type = prefixType(text);
  return type ? { type, name: stripTypePrefix(text) } : undefined;
}

/** A unit of the three-level system by a path written most specific first: "huyện Bố Trạch, tỉnh Quảng Bình". */
function byPath(g: Gazetteer, path: string): Unit | undefined {
  const parts = path.split(',').map((p) => p.trim()).filter(Boolean).reverse();
  let candidates: Unit[] = g.provinces;
  let unit: Unit | undefined;
  for (const part of parts) {
    const t = typed(part);
    const name = t?.name ?? part;
    const found = candidates.filter((u) => u.versions.some((v) => namesVersion(v, name) && (!t || v.type === t.type)));
    if (found.length !== 1) return undefined;
    unit = found[0]!;
    candidates = g.everUnder(unit.id);
  }
  return unit;
}

/** Reads and checks the overlay; a missing file is an empty overlay. */
export function readOverlay(file: string, g: Gazetteer): { entries: OverlayEntry[]; problems: Problem[] } {
  if (!existsSync(file)) return { entries: [], problems: [] };
  const shown = relative(process.cwd(), file) || file;
  const text = nfc(readFileSync(file, 'utf8'));
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined, field: string, message: string) => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    problems.push({ file: shown, line: pos.line, column: pos.col, field, message, severity: 'error' });
  };
  for (const err of doc.errors) at(null, 'file', `lỗi cú pháp YAML: ${err.message.split('\n')[0]}`);
  if (doc.errors.length) return { entries: [], problems };
  if (doc.contents === null) return { entries: [], problems };
  if (!isSeq(doc.contents)) {
    at(doc.contents, 'file', 'cần một danh sách mục, mỗi mục bắt đầu bằng "- name:"');
    return { entries: [], problems };
  }
  const entries: OverlayEntry[] = [];
  doc.contents.items.forEach((item, i) => {
    const where = `[${i}]`;
    if (!isMap(item)) return at(item as Node, where, 'cần một mục có name, parent, from/to, successor và source');
    const get = (key: string) => item.get(key, true) as Node | undefined;
    const str = (key: string): string | undefined => {
      const v = item.get(key);
      return v === undefined || v === null ? undefined : tidySpace(nfc(String(v)));
    };
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      if (!FIELDS.includes(key)) at(pair.key as Node, `${where}.${key}`, `không có trường '${key}' — một mục có ${FIELDS.join(', ')}`);
    }
    const name = str('name');
    const source = str('source');
    if (!name) return at(item, `${where}.name`, "thiếu 'name', kèm chữ chỉ loại: ví dụ 'xã Hải Trạch'");
    const t = typed(name);
    if (!t) return at(get('name'), `${where}.name`, `'${name}' thiếu chữ chỉ loại: viết ví dụ 'xã ${name}' hoặc 'huyện ${name}'`);
    if (!source) return at(item, `${where}.source`, "thiếu 'source': nghị quyết hay quyết định làm căn cứ, kèm ngày");
    const parentText = str('parent');
    const level: Level = ['xa', 'phuong', 'thi-tran'].includes(t.type) ? 'commune' : t.type === 'tinh' || !parentText ? 'province' : 'district';
    let parent: Unit | undefined;
    if (level !== 'province') {
      if (!parentText) return at(item, `${where}.parent`, "thiếu 'parent': ví dụ 'huyện Bố Trạch, tỉnh Quảng Bình'");
      parent = byPath(g, parentText);
      if (!parent) return at(get('parent'), `${where}.parent`, `không có đơn vị cấp trên '${parentText}' — viết cấp nhỏ trước, kèm chữ chỉ loại, ví dụ 'huyện Bố Trạch, tỉnh Quảng Bình'`);
    }
    const date = (key: 'from' | 'to') => {
      const v = str(key);
      if (v === undefined) return undefined;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
        at(get(key), `${where}.${key}`, `'${v}' không phải ngày: viết YYYY-MM-DD, ví dụ 2020-02-01`);
        return null;
      }
      return v;
    };
    const from = date('from');
    const to = date('to');
    if (from === null || to === null) return;
    if (!from && !to) return at(item, where, "hãy cho 'from' (ngày lập) hoặc 'to' (ngày thôi tồn tại), hoặc cả hai");
    if (from && to && from >= to) return at(get('to'), `${where}.to`, `'to' (${to}) phải sau 'from' (${from})`);
    const siblings = parent ? g.everUnder(parent.id) : g.provinces;
    const target = siblings.find((u) => u.versions.some((v) => sameName(v, t)));
    const successorText = str('successor');
    let successor: Unit | undefined;
    if (successorText) {
      successor = successorText.includes(',') ? byPath(g, successorText) : byPath(g, [successorText, parentText].filter(Boolean).join(', '));
      if (!successor) return at(get('successor'), `${where}.successor`, `không có đơn vị kế tiếp '${successorText}' — ghi một đơn vị cùng cấp trên ('xã Hải Phú') hoặc ghi đủ đường dẫn`);
      if (!to) return at(item, `${where}.to`, "có 'successor' thì cần 'to': ngày đơn vị nhập vào đó");
    }
    entries.push({
      ...(target && { target }),
      ...(parent && { parent }),
      level,
      type: t.type,
      name: t.name,
      ...(from && { from }),
      ...(to && { to }),
      ...(successor && { successor }),
      source,
    });
  });
  return { entries, problems };
}

/** Amends or adds the entries' units; a successor link carries the entry's source. */
export function applyOverlay(g: Gazetteer, entries: readonly OverlayEntry[]): void {
  if (!entries.length) return;
  for (const e of entries) {
    let unit = e.target;
    if (unit) {
      const v = unit.versions.find((x) => sameName(x, e))!;
      if (e.from) v.from = e.from;
      if (e.to) v.to = e.to;
      // The overlay spells a name the data has only in ASCII.
      if (v.fold !== undefined) spellFolded(unit, v, e.name);
    } else {
      const version: Version = { type: e.type, name: e.name, slug: slugify(e.name), ...(e.parent && { parent: e.parent.id }), ...(e.from && { from: e.from }), ...(e.to && { to: e.to }) };
      unit = {
        id: `overlay-${e.parent ? `${e.parent.id}-` : ''}${version.slug}`,
        code: '',
        name: e.name,
        type: e.type,
        slug: version.slug,
        ...(e.parent && { parentCode: e.parent.id }),
        level: e.level,
        reform: false,
        versions: [version],
        next: [],
        prev: [],
      };
      g.add(unit);
    }
    // A dated entry for a change the data already has replaces the data's looser date.
    const known = e.successor && unit.next.find((l) => l.unit === e.successor);
    if (known) {
      for (const l of [known, e.successor!.prev.find((p) => p.unit === unit)!]) Object.assign(l, { date: e.to as Bound, source: e.source });
    } else if (e.successor) g.link(unit, e.successor, 'merged', e.to as Bound, e.source);
  }
  g.index();
}
