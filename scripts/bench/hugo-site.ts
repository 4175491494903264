/**
 * The bench corpus as a Hugo site (scripts/bench/scale.ts). Two sites from the same articles:
 * - `same`: the pages and files our build makes (scripts/bench/hugo/): article pages with their
 *   citation files, a page per locality and per 2025 province, year pages, the listing in pages
 *   of 20, feed, sitemap and the data exports;
 * - `minimal`: one page per article, a home page and paged year lists (scripts/bench/hugo-minimal/),
 *   the comparison the bench made before.
 * Hugo cannot read the gazetteer, so each article's places (URLs, labels, 2025 province) and the
 * place pages' trails and children are worked out here, before Hugo is timed.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { unitLabel, type Unit } from '../../src/lib/gazetteer.ts';
import { localityShort, localityTrail } from '../../src/lib/localities.ts';
import { localityUrls, PLACES_URL } from '../../src/lib/places.ts';
import { province2025, province2025Label } from '../../src/lib/provinces-2025.ts';
import { formatFigureAmount } from '../../src/lib/numbers.ts';
import { excerpt } from '../../src/lib/vi-text.ts';
import type { Figure } from '../../src/schemas/figure.ts';
import { localitySchema, type Locality } from '../../src/schemas/locality.ts';

export type HugoKind = 'same' | 'minimal';

const ROOT = join(import.meta.dirname, '../..');

/** A place page's data: what the term template shows besides its articles. */
interface PlaceData {
  label: string;
  level: string;
  trail: { name: string; url: string }[];
  children: { url: string; label: string; count: number }[];
}

const capital = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

/** Writes the Hugo site for `content` (the bench's .mdx articles) into `site`. */
export function hugoSite(content: string, site: string, kind: HugoKind): void {
  rmSync(site, { recursive: true, force: true });
  cpSync(join(ROOT, kind === 'same' ? 'scripts/bench/hugo' : 'scripts/bench/hugo-minimal'), site, { recursive: true });
  const places = new Map<string, PlaceData & { unit: Unit; count: number }>();
  const now2025 = new Map<string, PlaceData>();
  for (const rel of readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'))) {
    const raw = readFileSync(join(content, rel), 'utf8');
    const [, fm, ...rest] = raw.split(/^---$/m);
    const data = parse(fm!) as { date: string; locality: Record<string, string>; figures: Figure[] };
    const body = rest.join('---');
    const date = data.date.length === 10 ? `${data.date}T00:00:00+07:00` : `${data.date}:00+07:00`;
    let extra = {};
    if (kind === 'same') {
      const locality: Locality = localitySchema.parse(data.locality);
      const units = localityTrail(locality);
      const urls = localityUrls(locality);
      const p2025 = province2025(locality.provinceCode);
      units.forEach((unit, i) => {
        const place = places.get(urls[i]!);
        if (place) place.count++;
        else {
          const trail = units.slice(0, i + 1).map((u, j) => ({ name: u.name, url: urls[j]! }));
          places.set(urls[i]!, { unit, count: 1, label: capital(unitLabel(unit)), level: unit.level, trail, children: [] });
        }
      });
      now2025.set(p2025.slug, { label: capital(province2025Label(p2025)), level: 'province2025', trail: [], children: [] });
      // The lead paragraph, the description and the figures as shown: what our loader and pages work
      // out, given to Hugo ready-made (Hugo's own summaries and a number-formatting partial per
      // figure took 6 and 6 s of its 31 s at 10,000 articles).
      const lead = body.trim().split(/\n\s*\n/)[0]!.trim();
      extra = {
        lead,
        description: excerpt(lead, 160),
        figures: data.figures.map((f) => ({ ...f, display: formatFigureAmount(f) })),
        diaphuong: units.map((u) => u.code),
        tinh2025: [p2025.slug],
        place: {
          short: localityShort(locality),
          p2025: province2025Label(p2025),
          trail: units.map((u, i) => ({ label: capital(unitLabel(u)), url: urls[i] })),
        },
      };
    }
    const out = join(site, 'content/bai', rel.replace(/\.mdx$/, '.md'));
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, `---\n${stringify({ ...data, date, ...extra }, { lineWidth: 0 })}---\n${body}`);
  }
  if (kind === 'minimal') return;
  // Each place page's own content file gives its URL (flat terms: Hugo's nested term paths listed
  // an article once for each of its places) and what the page shows besides its articles.
  const byCode = new Map([...places.values()].map((p) => [p.unit.code, p]));
  for (const [url, place] of places) {
    const parent = place.unit.parentCode === undefined ? undefined : byCode.get(place.unit.parentCode);
    parent?.children.push({ url, label: unitLabel(place.unit), count: place.count });
  }
  const termPage = (taxonomy: string, term: string, url: string, data: PlaceData) => {
    mkdirSync(join(site, 'content', taxonomy, term), { recursive: true });
    writeFileSync(join(site, 'content', taxonomy, term, '_index.md'), `---\n${stringify({ title: data.label, url, ...data }, { lineWidth: 0 })}---\n`);
  };
  for (const [url, place] of places) termPage('diaphuong', place.unit.code, url, place);
  for (const [slug, place] of now2025) termPage('tinh2025', slug, `${PLACES_URL}2025/${slug}/`, place);
  mkdirSync(join(site, 'content/diaphuong'), { recursive: true });
  writeFileSync(join(site, 'content/diaphuong/_index.md'), `---\ntitle: Địa phương\nurl: ${PLACES_URL}\n---\n`);
  for (const [path, title] of [['tim-kiem', 'Tìm kiếm'], ['du-lieu', 'Dữ liệu']] as const) {
    mkdirSync(join(site, 'content', path), { recursive: true });
    writeFileSync(join(site, 'content', path, '_index.md'), `---\ntitle: ${title}\n---\n`);
  }
}
