/**
 * A raw scraped report (plain text, one paragraph per line, with the site's noise) turned into
 * a draft article: title, publication date, newspaper, author, clean blocks, locality, other
 * places and figures — plus the list of what could not be determined with confidence (`review`).
 */
import { findByName, gazetteer, REFORM_DATE, resolveLocality, stripTypePrefix, todayOf, unitLabel, type LocalityInput, type Unit } from '../gazetteer.ts';
import { nfc, tidySpace, toneKey } from '../vi-text.ts';
import { extractFigures, type ExtractedFigure } from './figures-extract.ts';
import { newspaperByDomain, newspapersByTag, NEWSPAPERS, type Newspaper } from './newspapers.ts';
import { findDate, hitKey, hitToIso, type DateHit } from './vi-dates.ts';

/** A block of the body. */
export type Block = { kind: 'p'; text: string } | { kind: 'caption'; text: string } | { kind: 'quote'; text: string; by: string };

/** What the importer made of a report. */
export interface ImportedReport {
  title: string;
  date: string;
  dateApprox: boolean;
  source: { name: string; domain?: string };
  author: string | null;
  blocks: Block[];
  locality: LocalityInput;
  places: LocalityInput[];
  figures: ExtractedFigure[];
  /** Fields an editor must confirm: "date", "source", "author", "locality.commune"… */
  review: string[];
}

/** Why a text is not a report. */
export class NotAReport extends Error {}

// Where the article ends and the site's "more articles" begin.
const RELATED = /^(có thể bạn quan tâm|tin cùng chuyên mục|tin liên quan|bài liên quan|bài viết liên quan|đọc nhiều( nhất)?|tin khác|tin mới( nhất)?|xem thêm|cùng chuyên mục|tin đọc nhiều)\s*:?$/iu;
const JUNK = [
  /^[.\-–—•*·…,;:_=+|/\\]+$/u, // lone punctuation
  /^[\w-]+\.(jpe?g|png|gif|webp|bmp)$/iu, // image file names
  /^\d[\d.,]*\s*(lượt (xem|đọc|thích)|views?)$/iu, // counters
  /^(chia sẻ|bình luận|in bài|gửi bài|lưu bài|facebook|zalo|twitter|email|copy link|quay lại|về đầu trang|tags?:.*|từ khóa:.*)$/iu,
  /^[a-z]{6,}$/u, // random tokens left by scrapers ("fbytzltw")
];
const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|info)(?:\.vn)?)\/?$/iu;
const BYLINE = /^(?:bài(?:\s*(?:,|và)\s*ảnh)?|tin(?:\s*(?:,|và)\s*ảnh)?|ảnh|theo|nhóm pv|pv)\s*:\s*(.+)$/iu;
const LEAD_TAG = /^\(?([\p{L}][\p{L}\d.-]{1,24})\)?\s*[-–—]\s+(?=\p{Lu})/u;
const ATTRIBUTION = /^[^.!?"“”]{3,90}\s[-–]\s\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*){1,4}$/u;
const NAME = /^\p{Lu}[\p{Ll}]*(?:\s\p{Lu}[\p{Ll}]*){1,4}$/u;

const isJunk = (line: string) => JUNK.some((re) => re.test(line));
const sameCaption = (a: string, b: string) => a.replace(/[.\s]+$/, '') === b.replace(/[.\s]+$/, '');

/** Parses one report. Throws NotAReport when the text has no article in it. */
export function parseReport(raw: string): ImportedReport {
  let lines = nfc(raw).replace(/\r\n?/g, '\n').split('\n').map(tidySpace).filter(Boolean);
  const cut = lines.findIndex((l) => RELATED.test(l));
  if (cut >= 0) lines = lines.slice(0, cut);
  lines = lines.filter((l) => !isJunk(l));
  if (lines.length < 2 || lines.join(' ').split(' ').length < 40) throw new NotAReport('no article text found (fewer than 40 words once site furniture is removed)');

  const review: string[] = [];
  // Date lines near the top: the earliest is the publication date; a later one is the page clock.
  const dated = lines.slice(0, 12).map((l, i) => ({ i, hit: findDate(l) })).filter((d): d is { i: number; hit: DateHit } => d.hit?.wholeLine === true);
  const pub = [...dated].sort((a, b) => hitKey(a.hit) - hitKey(b.hit))[0];
  const dateLines = new Set(dated.map((d) => d.i));
  let titleAt = pub ? pub.i - 1 : 0;
  while (titleAt >= 0 && dateLines.has(titleAt)) titleAt--;
  if (titleAt < 0) titleAt = [...lines.keys()].find((i) => !dateLines.has(i))!;
  let title = lines[titleAt]!;
  let bodyFrom = titleAt + 1;
  // A headline printed on two lines: "Đảng bộ huyện Bảo Thắng:" + "Xây dựng …".
  if (/:$/.test(title) && lines[bodyFrom] && !dateLines.has(bodyFrom) && lines[bodyFrom]!.split(' ').length <= 20) title = `${title} ${lines[bodyFrom++]}`;
  let body = lines.slice(bodyFrom).filter((_, k) => !dateLines.has(bodyFrom + k));

  // Tail furniture: source domain lines and bylines, from the end.
  let domain: string | undefined;
  let author: string | null = null;
  for (;;) {
    const last = body.at(-1);
    if (!last) break;
    const d = DOMAIN.exec(last);
    const b = BYLINE.exec(last);
    if (d) domain ??= d[1]!.toLowerCase();
    else if (b) author ??= tidySpace(b[1]!.replace(/[.;]$/, ''));
    else if (!author && NAME.test(last) && last.split(' ').length <= 5 && body.length > 2) author = last;
    else break;
    body = body.slice(0, -1);
  }

  // Lead tag: "BHG - ", "(QNO) - ", "(Baobacgiang.vn) - ".
  let tagPaper: Newspaper | undefined;
  const tag = body[0] ? LEAD_TAG.exec(body[0]) : null;
  if (tag) {
    const t = tag[1]!;
    tagPaper = DOMAIN.test(t) ? newspaperByDomain(t.toLowerCase()) : newspapersByTag(t)[0];
    if (tagPaper || DOMAIN.test(t) || /^\p{Lu}{2,6}$/u.test(t)) body[0] = body[0]!.slice(tag[0].length);
  }

  const blocks: Block[] = [];
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    if (body[i + 1] && sameCaption(line, body[i + 1]!)) {
      // A caption printed twice (alt text and caption): keep the fuller one, once.
      blocks.push({ kind: 'caption', text: body[i + 1]!.length >= line.length ? body[i + 1]! : line });
      i++;
    } else if (ATTRIBUTION.test(line) && blocks.at(-1)?.kind === 'p') {
      const prev = blocks.pop() as { kind: 'p'; text: string };
      blocks.push({ kind: 'quote', text: prev.text, by: line });
    } else blocks.push({ kind: 'p', text: line });
  }

  const text = blocks.map((b) => b.text).join('\n');
  const { locality, places } = detectLocality(title, blocks, tagPaper ?? (domain ? newspaperByDomain(domain) : undefined), review);
  let paper = tagPaper ?? (domain ? newspaperByDomain(domain) : undefined);
  if (!paper) {
    paper = NEWSPAPERS.find((n) => n.provinceCode === provinceCodeOf(locality.province));
    review.push('source');
  }
  let date: string;
  let dateApprox = false;
  if (pub) date = hitToIso(pub.hit);
  else {
    date = estimateDate(text);
    dateApprox = true;
    review.push('date');
  }
  if (!author) review.push('author');
  // A report from the reform on names the two-level units: the places found, as they are today.
  const onDate = (l: LocalityInput) => (date.slice(0, 10) >= REFORM_DATE ? twoLevel(l) : l);
  return {
    title,
    date,
    dateApprox,
    source: { name: paper?.name ?? 'Chưa rõ', ...(domain && { domain }) },
    author,
    blocks,
    locality: onDate(locality),
    // Several communes of then may lie in one of today: each place once.
    places: [...new Map(places.map(onDate).map((p) => [JSON.stringify(p), p])).values()],
    figures: extractFigures(blocks.filter((b) => b.kind !== 'caption').map((b) => b.text).join('\n')),
    review: [...new Set(review)],
  };
}

/** A place of the three-level system as the two-level units it lies in today. */
function twoLevel(l: LocalityInput): LocalityInput {
  const r = resolveLocality(l);
  if (!r.ok) return l;
  const today = todayOf(r.value.commune ?? r.value.district ?? r.value.province);
  return { province: today.province.name, ...(today.commune && { commune: labelIfNamesake(today.commune) }) };
}

function provinceCodeOf(name: string): string | undefined {
  return findByName(gazetteer().provinces, name)[0]?.code;
}

/**
 * With no date line, the latest year the text speaks of as a time ("năm 2022", "đầu năm 2023")
 * — not a term ("nhiệm kỳ 2020 - 2025") — and mid-year as the estimate.
 */
export function estimateDate(text: string): string {
  const years = [...text.matchAll(/(?<!nhiệm kỳ |[-–]\s?)(?:năm|đầu năm|cuối năm|giữa năm|từ năm)\s+(\d{4})(?!\s*[-–]\s*\d{4})/giu)]
    .map((m) => Number(m[1]))
    .filter((y) => y >= 1945 && y <= new Date().getFullYear());
  const year = years.length ? Math.max(...years) : new Date().getFullYear();
  return `${year}-07-01`;
}

const TYPED = /(?<![\p{L}])(xã|phường|thị trấn|huyện|quận|thị xã|thành phố|TP\.?|tỉnh)\s+((?:\p{Lu}[\p{Ll}\d]*)(?:\s(?:\p{Lu}[\p{Ll}\d]*|\d+))*)(?:\s\(([^)]{2,40})\))?/gu;
const LEVEL_OF: Record<string, 'commune' | 'district' | 'province'> = {
  xã: 'commune', phường: 'commune', 'thị trấn': 'commune', huyện: 'district', quận: 'district', 'thị xã': 'district', 'thành phố': 'district', tp: 'district', 'tp.': 'district', tỉnh: 'province',
};

interface Mention {
  unit: Unit;
  inTitle: boolean;
  count: number;
}

/** Finds the place a report is about and the other places it names, within the paper's province when known. */
function detectLocality(title: string, blocks: Block[], paper: Newspaper | undefined, review: string[]): { locality: LocalityInput; places: LocalityInput[] } {
  const g = gazetteer();
  const body = blocks.map((b) => b.text).join('\n');
  const mentions = new Map<string, Mention>();
  const note = (unit: Unit, inTitle: boolean) => {
    const m = mentions.get(unit.code) ?? { unit, inTitle: false, count: 0 };
    m.inTitle ||= inTitle;
    m.count++;
    mentions.set(unit.code, m);
  };
  // Typed mentions ("xã Thượng Sơn (Vị Xuyên)", "TP Hạ Long"): first those that name one unit
  // nationwide fix the province (unless the newspaper already did), then the rest resolve inside it.
  const raw = [...title.matchAll(TYPED)].map((m) => ({ m, inTitle: true })).concat([...body.matchAll(TYPED)].map((m) => ({ m, inTitle: false })));
  const candidates = raw.map(({ m, inTitle }) => {
    const level = LEVEL_OF[m[1]!.toLowerCase()]!;
    let found = findByName(g.byLevel[level], `${m[1]} ${m[2]}`);
    if (found.length > 1 && m[3]) {
      const parents = findByName([...g.byCode.values()], m[3]).map((u) => u.code);
      const narrowed = found.filter((u) => parents.includes(u.parentCode ?? ''));
      if (narrowed.length) found = narrowed;
    }
    return { found, inTitle };
  });
  const paperProvince = paper?.provinceCode;
  for (const c of candidates) if (c.found.length === 1 && (!paperProvince || provinceOf(c.found[0]!) === paperProvince)) note(c.found[0]!, c.inTitle);
  const province = paperProvince ?? mostCommonProvince([...mentions.values()]);
  for (const c of candidates) {
    if (c.found.length < 2 || !province) continue;
    const inside = c.found.filter((u) => provinceOf(u) === province);
    if (inside.length === 1) note(inside[0]!, c.inTitle);
  }
  // An untyped place name opening the headline ("Đầm Hà: …", "Thượng Sơn nâng cao …").
  if (province) {
    const head = /^([^:]{2,30}):/.exec(title)?.[1] ?? title.split(' ').slice(0, 3).join(' ');
    const inProvince = [...g.byCode.values()].filter((u) => u.level !== 'province' && provinceOf(u) === province);
    for (let words = 3; words >= 1; words--) {
      const candidate = stripTypePrefix(head.split(' ').slice(0, words).join(' '));
      const found = findByName(inProvince, candidate);
      if (found.length === 0) continue;
      // Prefer a unit the body names with its type; else a district over a commune.
      const pick = found.find((u) => mentions.has(u.code)) ?? found.find((u) => u.level === 'district') ?? found[0]!;
      note(pick, true);
      break;
    }
  }
  const local = [...mentions.values()].filter((m) => !province || provinceOf(m.unit) === province);
  const rank = (m: Mention) => (m.inTitle ? 1000 : 0) + (m.unit.level === 'commune' ? 2 : m.unit.level === 'district' ? 1 : 0) * (m.inTitle ? 10 : 0) + m.count;
  const about = [...local].filter((m) => m.unit.level !== 'province').sort((a, b) => rank(b) - rank(a))[0];
  if (!province) {
    review.push('locality');
    return { locality: { province: 'Hà Nội' }, places: [] };
  }
  const chain = (u: Unit): LocalityInput => {
    const d = u.level === 'commune' ? g.byCode.get(u.parentCode!) : u.level === 'district' ? u : undefined;
    const p = g.byCode.get(province)!;
    return { province: p.name, ...(d && { district: labelIfNamesake(d) }), ...(u.level === 'commune' && { commune: labelIfNamesake(u) }) };
  };
  if (!about) review.push('locality.district');
  else if (!about.inTitle) review.push(`locality.${about.unit.level}`);
  const locality = about ? chain(about.unit) : { province: g.byCode.get(province)!.name };
  const places = local
    .filter((m) => m !== about && m.unit.level === 'commune' && !(about && isAncestor(m.unit, about.unit)))
    .map((m) => chain(m.unit))
    .filter((p) => resolveLocality(p).ok);
  return { locality, places };
}

function provinceOf(u: Unit): string {
  const g = gazetteer();
  let x: Unit | undefined = u;
  while (x && x.level !== 'province') x = g.byCode.get(x.parentCode ?? '');
  return x?.code ?? '';
}

function isAncestor(a: Unit, b: Unit): boolean {
  const g = gazetteer();
  for (let x: Unit | undefined = b; x; x = g.byCode.get(x.parentCode ?? '')) if (x.code === a.code) return true;
  return false;
}

function mostCommonProvince(ms: Mention[]): string | undefined {
  const counts = new Map<string, number>();
  for (const m of ms) counts.set(provinceOf(m.unit), (counts.get(provinceOf(m.unit)) ?? 0) + m.count + (m.inTitle ? 5 : 0));
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** A unit's name, with its type word when a sibling shares the name. */
function labelIfNamesake(u: Unit): string {
  const g = gazetteer();
  const twins = g.childrenOf(u.parentCode ?? '').filter((s) => s !== u && toneKey(s.name) === toneKey(u.name));
  return twins.length ? unitLabel(u) : u.name;
}
