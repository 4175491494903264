/**
 * A raw scraped report (the text of a news page, with the site around it) turned into a draft
 * article. Every field says what it came from and how sure that is; a field with no good evidence
 * is left for review (never a default), and an article with anything left for review is a draft.
 */
import { gazetteer, type LocalityInput } from '../places/gazetteer.ts';
import { tidySpace } from '../text/vi-text.ts';
import { extractFigures, type ExtractedFigure } from './figures-extract.ts';
import { findPlaces } from './find-places.ts';
import { NEWSPAPERS, newspaperByDomain, newspaperNamedLike, newspapersByTag, newspapersNamedIn, type Newspaper } from './newspapers.ts';
import { isFurniture, isProse, isUpperCase, pageLines, titleCase } from './page-text.ts';
import { findDate, hitKey, hitToIso, leadDate, type DateHit } from './vi-dates.ts';

/** A block of the body. */
export type Block = { kind: 'p'; text: string } | { kind: 'caption'; text: string } | { kind: 'quote'; text: string; by: string };

/** How sure a field is: high and medium are written as found; low is left for review. */
export type Confidence = 'high' | 'medium' | 'low';

/** Where a field came from, in words an editor reads, and how sure it is. */
export interface Evidence {
  from: string;
  confidence: Confidence;
}

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
  /** Per field (title, date, source, author, locality): its evidence. */
  evidence: Record<string, Evidence>;
  /** Fields an editor must confirm: "date", "source", "locality"… */
  review: string[];
  /** True when anything is left for review: nothing unconfirmed is published. */
  draft: boolean;
}

/** Why a text cannot be imported. */
export class NotAReport extends Error {}

// Where the report ends and the site's "more articles" or comments begin.
const RELATED =
  /^(có thể bạn quan tâm|tin cùng chuyên mục|bài viết cùng chuyên mục|tin liên quan|bài liên quan|bài viết liên quan|đọc nhiều( nhất)?|xem nhiều( nhất)?|tin khác|các tin khác|tin mới( nhất)?|tin mới hơn|tin cũ hơn|xem thêm|cùng chuyên mục|tin đọc nhiều|tin nổi bật|bình luận|ý kiến bạn đọc|ý kiến|gửi bình luận|viết bình luận|thông tin tòa soạn|thông tin toà soạn)\s*(\(\d+\))?\s*:?$/iu;
const JUNK = [
  /^[.\-–—•*·…,;:_=+|/\\]+$/u, // lone punctuation
  /^[\w-]+\.(jpe?g|png|gif|webp|bmp)$/iu, // image file names
  /^[a-z]{6,}$/u, // random tokens left by scrapers ("fbytzltw")
];
const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|info)(?:\.vn)?)(?:\/\S*)?$/iu;
const URL_IN_TEXT = /(?:https?:\/\/)(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/giu;
const BYLINE = /^(?:bài(?:\s*(?:,|và|\/)\s*ảnh)?|tin(?:\s*(?:,|và|\/)\s*ảnh)?|ảnh|nhóm pv|pv|nhóm phóng viên|phóng viên|tác giả|thực hiện)\s*:\s*(.+)$/iu;
/** The name a byline gives: "Minh Hà - Ảnh: Quang Huy" → "Minh Hà"; capitals as a reader cites them. */
const bylineName = (text: string) => {
  const name = tidySpace(text.replace(/\s*[-–;,|]\s*(ảnh|video|đồ họa)\s*:.*$/iu, '').replace(/[.;]$/, ''));
  return UPPER_NAME.test(name) ? titleCase(name) : name;
};
const REPRINT = /^(?:theo|nguồn)\s*:?\s+(.{3,60}?)\.?$/iu;
const LEAD_TAG = /^\(?([\p{L}][\p{L}\d.-]{1,24})\)?\s*[-–—]\s+(?=[\p{Lu}\d])/u;
const ATTRIBUTION = /^[^.!?"“”]{3,90}\s[-–]\s\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*){1,4}$/u;
const NAME = /^\p{Lu}[\p{Ll}]*(?:\s\p{Lu}[\p{Ll}]*){1,4}$/u;
// A name with its desk or agency: "Ngọc Thanh/VOV-Tây Nguyên", "Khoa Chương (TTXVN)".
const NAME_AND_ORG = /^(\p{Lu}[\p{Ll}]*(?:\s\p{Lu}[\p{Ll}]*){1,4})\s*(?:\(\s*[\p{Lu}\p{L}.\s-]{2,30}\)|\/\s*[\p{Lu}][\p{L}.-]+(?:[\s-][\p{L}.-]+)*)$/u;
const UPPER_NAME = /^\p{Lu}+(?:\s\p{Lu}+){1,4}(?:\s*[-–,]\s*\p{Lu}+(?:\s\p{Lu}+){1,4})*$/u;

const junk = (line: string) => JUNK.some((re) => re.test(line)) || isFurniture(line);
const sameCaption = (a: string, b: string) => a.replace(/[.\s]+$/, '') === b.replace(/[.\s]+$/, '');
const wordCount = (line: string) => line.split(' ').length;

/** What a batch tells about one of its reports. */
export interface ParseOptions {
  /** Lines that several reports of the same import share: the sites' own furniture (`sharedLines`). */
  furniture?: ReadonlySet<string>;
}

/** Parses one report. Throws NotAReport when the text has no article in it. */
export function parseReport(raw: string, options: ParseOptions = {}): ImportedReport {
  const isJunk = (line: string) => junk(line) || options.furniture?.has(line) === true;
  const all = pageLines(raw);
  const evidence: Record<string, Evidence> = {};
  const review: string[] = [];
  const say = (field: string, from: string, confidence: Confidence) => {
    evidence[field] = { from, confidence };
    if (confidence === 'low') review.push(field);
  };

  // The report starts at its first sentence (or lead tag); the site's lists and comments end it.
  const start = all.findIndex((l) => !isJunk(l) && (isProse(l) || (LEAD_TAG.test(l) && wordCount(l) >= 8)) && !findDate(l)?.wholeLine);
  if (start < 0) throw new NotAReport('không thấy nội dung bài (dưới 40 chữ sau khi bỏ phần khung của trang)');
  let end = all.findIndex((l, i) => i > start && RELATED.test(l));
  if (end < 0) end = all.length;
  const head = all.slice(0, start);
  const tail = all.slice(end);

  // Date lines: in the head, or just below the headline in the first lines of the body.
  const near = all.slice(0, Math.min(end, start + 3)).map((l, i) => ({ i, l, hit: findDate(l) }));
  const strong = near.filter((d): d is { i: number; l: string; hit: DateHit } => d.hit !== null && (d.hit.wholeLine || d.hit.byName !== undefined));
  // Else a date beside a label at the top, else a labelled date line below the text ("Ngày đăng: …").
  const labelled = near.filter((d): d is { i: number; l: string; hit: DateHit } => d.hit?.labelled === true);
  // Looked for only when the top has none: one pass down the text, stopping at the first.
  const below = () => {
    for (let i = start + 3; i < end; i++) {
      const hit = findDate(all[i]!);
      if (hit && (hit.wholeLine || (hit.labelled && /đăng|cập nhật|xuất bản|ngày/iu.test(all[i]!)))) return [{ i, l: all[i]!, hit }];
    }
    return [];
  };
  const dated = strong.length ? strong : labelled.length ? labelled : below();
  // The earliest is the publication date; a later one is an update or the page clock.
  const pub = [...dated].sort((a, b) => hitKey(a.hit) - hitKey(b.hit))[0];
  const dateLines = new Set(dated.map((d) => d.i));

  // The headline: in the head, the last line shaped like one before the dateline (else before the text).
  const headlineLike = (l: string, i: number) =>
    !dateLines.has(i) && !isJunk(l) && !isUpperCase(l) && !NAME.test(l) && !DOMAIN.test(l) && !BYLINE.test(l) && wordCount(l) >= 4 && l.length <= 250 && !/[.;]$/.test(l);
  const before = pub && pub.i < start ? pub.i : start;
  let titleAt = -1;
  for (let i = before - 1; i >= 0 && titleAt < 0; i--) if (headlineLike(all[i]!, i)) titleAt = i;
  if (titleAt < 0 && pub && pub.i < start) for (let i = start - 1; i > pub.i && titleAt < 0; i--) if (headlineLike(all[i]!, i)) titleAt = i;
  let title: string;
  if (titleAt >= 0) {
    // A headline printed on two lines, the first ending with a colon: "Đảng bộ xã Yên Quang (Ý Yên):".
    const above = all[titleAt - 1];
    if (above && /:$/.test(above) && !isJunk(above) && wordCount(above) <= 20) titleAt--;
    title = all[titleAt]!;
    // A headline printed on two lines: "Đảng bộ huyện Bảo Thắng:" + "Xây dựng …".
    const next = all[titleAt + 1];
    if (/:$/.test(title) && next && titleAt + 1 < start && headlineLike(next, titleAt + 1)) title = `${title} ${next}`;
    say('title', 'dòng tiêu đề ở đầu trang', 'high');
  } else {
    // No headline on the page: the lead's first sentence stands in until an editor writes one.
    const lead = all[start]!.replace(LEAD_TAG, '');
    title = tidySpace(/^(.{20,140}?[.!?])(\s|$)/u.exec(lead)?.[1]?.replace(/[.]$/, '') ?? lead.split(' ').slice(0, 16).join(' '));
    say('title', 'trang không có tiêu đề: câu đầu của bài', 'low');
  }

  // Author named above the text, alone ("Hoàng Nhung") or with the date ("Lê Bình - Thứ Hai, 03/04/2023").
  let author: string | null = null;
  let authorFrom = '';
  for (const l of all.slice(titleAt + 1, start)) {
    if (author) break;
    const byline = BYLINE.exec(l)?.[1];
    const named = (NAME.test(l) || UPPER_NAME.test(l)) && wordCount(l) <= 4 && !newspapersNamedIn(l).length ? (UPPER_NAME.test(l) ? titleCase(l) : l) : NAME_AND_ORG.exec(l)?.[1];
    if (byline || named) [author, authorFrom] = [bylineName((byline ?? named)!), `dòng tác giả dưới tiêu đề “${l}”`];
  }
  if (!author && pub?.hit.byName) [author, authorFrom] = [pub.hit.byName, `dòng ngày “${pub.l}”`];

  let body = all.slice(start, end).filter((l, k) => !isJunk(l) && !dateLines.has(start + k));

  // The end of the text: domain and URL lines, bylines, "Theo Báo X", a name alone or in capitals.
  let domain: string | undefined;
  let reprint: string | undefined;
  // Lines naming the paper at the end of the text, when the page has no list of other articles before its footer.
  const footer: string[] = [];
  for (;;) {
    const last = body.at(-1);
    if (!last) break;
    const d = DOMAIN.exec(last);
    const b = BYLINE.exec(last);
    const r = REPRINT.exec(last);
    const withDesk = NAME_AND_ORG.exec(last)?.[1];
    if (d) domain ??= d[1]!.toLowerCase();
    else if (wordCount(last) <= 14 && (newspapersNamedIn(last).length || newspaperNamedLike(last))) footer.push(last);
    else if (withDesk && !author) [author, authorFrom] = [withDesk, `tên cuối bài “${last}”`];
    else if (b) {
      if (!author) [author, authorFrom] = [bylineName(b[1]!), `dòng “${last}”`];
    } else if (r && wordCount(r[1]!) <= 8) {
      // "Theo Báo Nghệ An" is a reprint; "Theo Hạnh Châu", the author.
      if (NAME.test(r[1]!) && !newspapersNamedIn(r[1]!).length && !/^(báo|đài|tạp chí|cổng)\s/iu.test(r[1]!)) {
        if (!author) [author, authorFrom] = [r[1]!, `dòng “${last}”`];
      } else reprint ??= r[1]!;
    }
    else if (!author && body.length >= 2 && wordCount(last) <= 8 && (NAME.test(last) || UPPER_NAME.test(last) || /^\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)*(?:\s*[-–,]\s*\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)*)+$/u.test(last))) {
      [author, authorFrom] = [UPPER_NAME.test(last) ? titleCase(last) : last, `tên cuối bài “${last}”`];
    } else break;
    body = body.slice(0, -1);
  }
  if (author && /^(pv|nhóm pv|phóng viên)$/iu.test(author)) author = null;
  if (author) say('author', authorFrom, 'high');
  else say('author', 'không thấy dòng tác giả', 'medium');

  // Lead tag: "BHG - ", "(QNO) - ", "(Baobacgiang.vn) - ".
  let tag: string | undefined;
  const tagMatch = body[0] ? LEAD_TAG.exec(body[0]) : null;
  if (tagMatch) {
    const t = tagMatch[1]!;
    if (DOMAIN.test(t) || newspapersByTag(t).length || /^\p{Lu}[\p{Lu}.]{1,7}$/u.test(t)) {
      tag = t;
      body[0] = body[0]!.slice(tagMatch[0].length);
    }
  }

  const blocks: Block[] = [];
  for (let i = 0; i < body.length; i++) {
    const line = tidySpace(body[i]!);
    if (body[i + 1] && sameCaption(line, body[i + 1]!)) {
      // A caption printed twice (alt text and caption): keep the fuller one, once.
      blocks.push({ kind: 'caption', text: body[i + 1]!.length >= line.length ? tidySpace(body[i + 1]!) : line });
      i++;
    } else if (ATTRIBUTION.test(line) && blocks.at(-1)?.kind === 'p') {
      const prev = blocks.pop() as { kind: 'p'; text: string };
      blocks.push({ kind: 'quote', text: prev.text, by: line });
    } else blocks.push({ kind: 'p', text: line });
  }
  const text = blocks.map((b) => b.text).join('\n');
  if (text.split(/\s+/).length < 40) throw new NotAReport('không thấy nội dung bài (dưới 40 chữ sau khi bỏ phần khung của trang)');

  // The date.
  let date: string;
  let dateApprox = false;
  const pageYear = yearOfPage([...head, ...tail]);
  const lead = leadDate(blocks[0]?.text ?? '');
  const yearNear = pageYear ?? latestCitedYear(text) ?? latestYear(text);
  if (pub) {
    date = hitToIso(pub.hit);
    say('date', `dòng ngày “${pub.l}”`, 'high');
  } else if (lead && yearNear) {
    const year = yearNear;
    date = `${year}-${String(lead.month).padStart(2, '0')}-${String(lead.day).padStart(2, '0')}`;
    say('date', `ngày ${lead.day}/${lead.month} ở đầu bài, năm ${year} ${pageYear ? 'trên trang' : 'trong bài'} — ngày sự kiện, có thể trước ngày đăng`, 'low');
  } else {
    date = estimateDate(text, pageYear);
    dateApprox = true;
    say('date', 'trang không ghi ngày: ước đoán từ các năm trong bài', 'low');
  }
  const day = date.slice(0, 10);

  // The newspaper, from every clue: domains and URLs anywhere, the masthead and footer, the lead tag.
  const scores = new Map<Newspaper, { score: number; from: string[] }>();
  const clue = (paper: Newspaper | undefined, score: number, from: string) => {
    if (!paper) return;
    const s = scores.get(paper) ?? { score: 0, from: [] };
    s.score += score;
    s.from.push(from);
    scores.set(paper, s);
  };
  const domains = new Set<string>();
  for (const l of [...head, ...tail, ...all.slice(start, end).filter((l) => DOMAIN.test(l))]) {
    const d = DOMAIN.exec(l)?.[1];
    if (d) domains.add(d.toLowerCase());
    for (const m of l.matchAll(URL_IN_TEXT)) domains.add(m[1]!.toLowerCase());
  }
  if (domain) domains.add(domain);
  for (const d of domains) {
    const p = newspaperByDomain(d);
    clue(p, 4, `tên miền ${d}`);
    if (p) domain ??= d;
  }
  if (tag) {
    const byTag = DOMAIN.test(tag) ? [newspaperByDomain(tag)].filter((p): p is Newspaper => p !== undefined) : newspapersByTag(tag);
    for (const p of byTag) clue(p, byTag.length === 1 ? 3 : 1, `chữ đầu bài “${tag}”${byTag.length > 1 ? ` (dùng chung cho ${byTag.length} báo)` : ''}`);
  }
  // A masthead, or a footer line that says whose site it is, names the paper; a bare name in the footer may be a link.
  const own = (l: string, inHead: boolean) => inHead || /©|\(c\)|copyright|bản quyền|cơ quan|giấy phép|tòa soạn|toà soạn/iu.test(l);
  const pageLinesOutside: [string, boolean][] = [...head.slice(0, Math.max(titleAt, 0)).map((l): [string, boolean] => [l, true]), ...[...footer, ...tail].map((l): [string, boolean] => [l, false])];
  const shown = (l: string) => `tên báo trên trang “${l.length > 60 ? `${l.slice(0, 57)}…` : l}”`;
  const named = new Map<string, Newspaper>();
  for (const [l, inHead] of pageLinesOutside) {
    const listed = newspapersNamedIn(l);
    for (const p of listed) clue(p, own(l, inHead) ? 3 : 1, shown(l));
    // A paper the list lacks, named like one: one entry per name, however often the page repeats it.
    const like = listed.length ? undefined : newspaperNamedLike(l);
    if (like) clue(named.get(like.name) ?? named.set(like.name, like).get(like.name), own(l, inHead) ? 3 : 1, shown(l));
  }
  if (reprint) for (const p of newspapersNamedIn(reprint)) clue(p, 5, `dòng “Theo ${reprint}”`);

  // Places named in the text, on the report's date; they also settle a tag two papers share.
  const found = findPlaces(title, blocks, day);
  const provinceScore = (code: string | undefined) => (code ? found.provinceScores.get(code) ?? 0 : 0);
  // A tag two papers share is settled by the places: names of that province, else names that could be.
  const placeWeight = (code: string | undefined) => (code ? provinceScore(code) * 100 + (found.possibleScores.get(code) ?? 0) : 0);
  const ranked = [...scores].map(([paper, s]) => ({ paper, ...s, tie: placeWeight(found.provinceOn(paper.provinceCode)) })).sort((a, b) => b.score - a.score || b.tie - a.tie);
  const best = ranked[0];
  const rival = ranked[1];
  const paper = best && !(rival && rival.score === best.score && rival.tie === best.tie) ? best.paper : undefined;
  if (paper) say('source', best!.from.join('; '), best!.score >= 3 ? 'high' : 'medium');
  else say('source', ranked.length ? `không phân định được: ${ranked.map((r) => r.paper.name).join(' hay ')}` : 'không thấy tên báo, tên miền hay chữ viết tắt của báo', 'low');
  // The province: the paper's own when the text does not say otherwise; else the text's.
  const paperProvince = paper?.provinceCode ? found.provinceOn(paper.provinceCode) : undefined;
  const top = found.topProvince();
  let province: string | undefined;
  if (paperProvince && (!top || top.code === paperProvince || provinceScore(paperProvince) > 0)) {
    province = paperProvince;
    say('locality', `tỉnh của ${paper!.name}${found.provinceScores.get(paperProvince) ? ', khớp các địa danh trong bài' : ''}`, 'high');
  } else if (paperProvince && top) {
    province = top.code;
    say('locality', `bài của ${paper!.name} nhưng các địa danh trong bài thuộc ${found.provinceName(top.code)}`, 'low');
  } else if (top) {
    province = top.code;
    say('locality', top.sure ? `địa danh trong bài (${top.from})` : `địa danh trong bài, chưa chắc (${top.from})`, top.sure ? 'medium' : 'low');
  } else if (ranked[0]?.paper.provinceCode) {
    // Papers that share a tag and nothing to choose between them: the first, left for review.
    province = found.provinceOn(ranked[0].paper.provinceCode)!;
    say('locality', `tỉnh của ${ranked.map((r) => r.paper.name).join(' hay ')}: chưa phân định được`, 'low');
  } else {
    throw new NotAReport(
      'không xác định được tỉnh của bài: không thấy tên báo, tên miền hay địa danh; thêm địa chỉ báo (ví dụ một dòng “baoquangninh.vn”) vào tệp, hoặc viết bài bằng npm run new',
    );
  }
  const { locality, places, unsure } = found.locality(province);
  // With no clue to the paper, the province's own paper is the likeliest: written, and left for review.
  const guess = paper ?? (reprint ? undefined : provincialPaper(province));
  if (!paper && guess) evidence.source = { from: `${evidence.source!.from}; đoán là báo của tỉnh`, confidence: 'low' };
  // The name the page prints for itself is the paper's name at the time (papers merged in 2025).
  const printed = paper && [...named.values()].find((p) => p.provinceCode === paper.provinceCode);
  const sourceName = printed?.name ?? guess?.name ?? (reprint ? titleCase(reprint) : (domain ?? 'Chưa rõ'));
  if (unsure) review.push('locality.district');

  const uniqueReview = [...new Set(review)];
  return {
    title,
    date,
    dateApprox,
    source: { name: sourceName, ...(domain && { domain }) },
    author,
    blocks,
    locality,
    places,
    figures: extractFigures(blocks.filter((b) => b.kind !== 'caption').map((b) => b.text).join('\n')),
    evidence,
    review: uniqueReview,
    draft: uniqueReview.length > 0,
  };
}

/**
 * Short lines found in at least three reports of one import: a site's menus, section names and
 * footer, whatever their wording. Running text never repeats across reports, so it is never taken.
 */
export function sharedLines(raws: readonly string[], min = 3): Set<string> {
  const counts = new Map<string, number>();
  for (const raw of raws) for (const line of new Set(pageLines(raw))) if (wordCount(line) <= 12 && !isProse(line)) counts.set(line, (counts.get(line) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= min).map(([line]) => line));
}

/** The paper of a province (of either system): for a province of today, of the first old province in it. */
function provincialPaper(provinceId: string): Newspaper | undefined {
  const g = gazetteer();
  const p = g.unit(provinceId);
  // The province that kept its name is the one whose paper went on under it.
  const olds = p?.reform ? p.prev.filter((l) => l.unit.level === 'province').map((l) => l.unit).sort((a, b) => Number(b.name === p.name) - Number(a.name === p.name)) : p ? [p] : [];
  return NEWSPAPERS.find((n) => n.provinceCode === olds[0]?.code);
}

/** The year the page itself shows outside the text: "© 2021 Báo …", "Cập nhật … 2021", a dated list of other articles. */
function yearOfPage(lines: string[]): number | undefined {
  const now = new Date().getFullYear();
  for (const l of lines) {
    const m = /(?:©|\(c\)|copyright|bản quyền)\D{0,20}((?:19|20)\d\d)/iu.exec(l);
    if (m && Number(m[1]) <= now) return Number(m[1]);
  }
  const years = lines.map((l) => findDate(l)?.year).filter((y): y is number => y !== undefined && y <= now);
  return years.length ? Math.max(...years) : undefined;
}

function latestYear(text: string): number | undefined {
  const years = [...text.matchAll(/(?<!nhiệm kỳ |[-–]\s?)(?:năm|đầu năm|cuối năm|giữa năm|từ năm)\s+(\d{4})(?!\s*[-–]\s*\d{4})/giu)]
    .map((m) => Number(m[1]))
    .filter((y) => y >= 1945 && y <= new Date().getFullYear());
  return years.length ? Math.max(...years) : undefined;
}

/**
 * With no date line, an estimate: the latest year the text speaks of as a time ("năm 2022",
 * "đầu năm 2023" — not a term, "nhiệm kỳ 2020 - 2025"), else the latest date the text cites, else
 * the page's own year; mid-year. Never the import day. With none of these, the archive's first year.
 */
export function estimateDate(text: string, pageYear?: number): string {
  const year = latestYear(text) ?? latestCitedYear(text) ?? pageYear ?? 2015;
  return `${year}-07-01`;
}

/** The year of the latest full date the text cites ("ngày 23/5/2021"). */
function latestCitedYear(text: string): number | undefined {
  const years = [...text.matchAll(/\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/g)].map((m) => findDate(m[0])?.year).filter((y): y is number => y !== undefined && y <= new Date().getFullYear());
  return years.length ? Math.max(...years) : undefined;
}
