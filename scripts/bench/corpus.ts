/**
 * A deterministic synthetic corpus of seed-like articles for benchmarks: real localities from
 * the gazetteer, dates spread over 2015–2025, 500–1,200 words of text assembled from the
 * reviewed reports' sentences, and figures whose phrases are in the body — every file valid
 * against the real schema (a unit test keeps it so).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { gazetteer, REFORM_DATE, todayOf, unitLabel, type Unit } from '../../src/lib/places/gazetteer.ts';
import { formatViNumber } from '../../src/lib/text/numbers.ts';
import { slugify } from '../../src/lib/text/vi-text.ts';

/** Small, fast, seedable PRNG (mulberry32), so the same N always gives the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADLINES = [
  'Nâng cao chất lượng sinh hoạt chi bộ',
  'Xây dựng tổ chức đảng vững mạnh từ cơ sở',
  'Vững mạnh từ chi bộ thôn, khu',
  'Đổi mới phương thức lãnh đạo của cấp ủy',
  'Phát huy vai trò nêu gương của đảng viên',
  'Chăm lo công tác phát triển đảng viên',
  'Xây dựng nông thôn mới nâng cao',
  'Giữ vững kỷ luật, kỷ cương trong Đảng',
  'Đảng bộ xã tập trung phát triển kinh tế',
  'Hiệu quả từ mô hình dân vận khéo',
];
const AUTHORS = ['An Dương', 'Quang Minh', 'Thu Thủy', 'Hoàng Lan', 'Minh Anh', 'Lê Hương', 'Trần Phúc', null];

/** Sentences of the reviewed reports, the raw material of synthetic bodies. */
function sentencePool(contentDir: string): string[] {
  const pool: string[] = [];
  for (const file of readdirSync(contentDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.mdx')) continue;
    const body = readFileSync(join(contentDir, file), 'utf8').split(/^---$/m).slice(2).join('---');
    for (const para of body.split(/\n\s*\n/)) {
      if (para.startsWith('<') || para.trim().length < 40) continue;
      pool.push(...(para.trim().match(/[^.!?…]+[.!?…]+/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 30));
    }
  }
  return pool;
}

interface Place {
  province: Unit;
  district: Unit;
  commune: Unit;
}

/** A unit known by one name from before the data until the reform, so any date before it is valid. */
const steady = (u: Unit) => u.versions.length === 1 && u.versions[0]!.from === undefined && u.versions[0]!.to === REFORM_DATE;

/**
 * Every commune with its district and province, in gazetteer order: those that kept their name
 * and district until the reform and have a commune today (what an article after it names).
 */
export function places(): Place[] {
  const g = gazetteer();
  const out: Place[] = [];
  for (const province of g.provinces.filter(steady)) {
    for (const district of g.childrenOf(province.code).filter(steady)) {
      for (const commune of g.childrenOf(district.code)) if (steady(commune) && todayOf(commune).commune) out.push({ province, district, commune });
    }
  }
  return out;
}

/** The commune's place from the reform on: its province and commune today. */
export function twoLevel(commune: Unit): { province: string; commune: string } {
  const today = todayOf(commune);
  return { province: today.province.name, commune: unitLabel(today.commune!) };
}

/** A paragraph as an editor might mark it up: under a heading, quoted, or with a word in emphasis and one in strong. */
function ordinary(para: string, rand: () => number): string {
  const roll = rand();
  if (roll < 0.2) return `## ${SECTIONS[Math.floor(rand() * SECTIONS.length)]}\n\n${para}`;
  if (roll < 0.4) return `> ${para}`;
  if (roll < 0.7) {
    const words = para.split(' ');
    // Letters only inside the marks, so CommonMark reads them one way.
    const mark = (i: number, m: string) => {
      if (/^[\p{L}]+$/u.test(words[i] ?? '')) words[i] = `${m}${words[i]}${m}`;
    };
    mark(2, '*');
    mark(6, '**');
    return words.join(' ');
  }
  return para;
}

/** Section headings of the ordinary-Markdown corpus. */
const SECTIONS = ['Kết quả nổi bật', 'Những việc làm cụ thể', 'Khó khăn, hạn chế', 'Nhiệm vụ thời gian tới', 'Ý kiến của người dân'];

/**
 * Writes `count` articles into `outDir/<year>/<slug>.mdx` and returns their paths. `markdown:
 * 'ordinary'` writes the same articles as ordinary Markdown: section headings, quoted paragraphs,
 * and words in emphasis and strong (what editors write; the plain corpus has none).
 */
export function generateCorpus(count: number, outDir: string, options: { seed?: number; contentDir?: string; markdown?: 'plain' | 'ordinary' } = {}): string[] {
  const rand = random(options.seed ?? 20261123);
  // Markup decisions draw on their own sequence, so both corpora hold the same articles.
  const markupRand = random((options.seed ?? 20261123) + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pool = sentencePool(options.contentDir ?? join(import.meta.dirname, '../../content/articles'));
  const allPlaces = places();
  const written: string[] = [];

  for (let i = 0; i < count; i++) {
    const place = pick(allPlaces);
    const year = int(2015, 2025);
    const month = int(1, 12);
    const day = int(1, 28);
    const hasTime = rand() < 0.6;
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}${hasTime ? `T${String(int(6, 22)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}` : ''}`;
    const commune = place.commune.name;
    const title = `${commune}: ${pick(HEADLINES)} (${i + 1})`;

    const chiBo = int(8, 40);
    const dangVien = int(120, 2500);
    const percent = int(60, 99);
    const tons = int(100, 9000);
    const money = int(11, 990) / 10;
    const figureSentences = [
      { text: `${chiBo} chi bộ`, sentence: `Đảng bộ xã ${commune} có ${chiBo} chi bộ trực thuộc.`, value: chiBo, unit: 'chi bộ' },
      { text: `${formatViNumber(dangVien)} đảng viên`, sentence: `Toàn Đảng bộ hiện có ${formatViNumber(dangVien)} đảng viên, phần lớn sinh hoạt tại các thôn, bản.`, value: dangVien, unit: 'đảng viên' },
      { text: `trên ${percent}% tổ chức cơ sở đảng`, sentence: `Hằng năm có trên ${percent}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.`, value: percent, unit: '%', qualifier: 'trên' as const },
      { text: `${formatViNumber(tons)} tấn thóc`, sentence: `Vụ vừa qua, bà con ${place.district.name} thu hoạch ${formatViNumber(tons)} tấn thóc.`, value: tons, unit: 'tấn' },
      { text: `${formatViNumber(money)} tỷ đồng`, sentence: `Nhân dân đã đóng góp ${formatViNumber(money)} tỷ đồng xây dựng đường giao thông nông thôn.`, value: Number((money * 1e9).toPrecision(12)), unit: 'đồng' },
    ];

    const words = int(500, 1200);
    const paragraphs: string[] = [];
    let count = 0;
    const intro = `Thời gian qua, Đảng bộ xã ${commune} (${place.district.name}, ${place.province.name}) đã tập trung nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng.`;
    paragraphs.push(intro);
    count += intro.split(' ').length;
    let f = 0;
    while (count < words) {
      const sentences = Array.from({ length: int(2, 5) }, () => pick(pool));
      const figure = f < figureSentences.length && rand() < 0.5;
      if (figure) sentences.splice(int(0, sentences.length), 0, figureSentences[f++]!.sentence);
      const para = sentences.join(' ');
      // Figures' quotes stay as they are: they must be found verbatim in the body.
      paragraphs.push(options.markdown === 'ordinary' && !figure ? ordinary(para, markupRand) : para);
      count += para.split(' ').length;
    }
    while (f < figureSentences.length) paragraphs.push(figureSentences[f++]!.sentence);

    const frontmatter = {
      title,
      date,
      source: { name: `Báo ${place.province.name}`, domain: `bao${slugify(place.province.name).replace(/-/g, '')}.vn` },
      author: pick(AUTHORS),
      // With type words, as editors often write them; they also tell namesake units apart. From the
      // reform on, a report names the two-level units.
      locality: date >= REFORM_DATE ? twoLevel(place.commune) : { province: place.province.name, district: unitLabel(place.district), commune: unitLabel(place.commune) },
      figures: figureSentences.map(({ value, unit, text, ...rest }) => ({ value, unit, ...('qualifier' in rest ? { qualifier: rest.qualifier } : {}), text })),
      tags: ['xây dựng Đảng'],
    };
    const file = join(outDir, String(year), `${slugify(title).slice(0, 60).replace(/-+$/, '')}-${i + 1}.mdx`);
    mkdirSync(join(outDir, String(year)), { recursive: true });
    writeFileSync(file, `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${paragraphs.join('\n\n')}\n`);
    written.push(file);
  }
  return written;
}
