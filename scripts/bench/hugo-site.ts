/**
 * The bench corpus as a Hugo site (scripts/bench/scale.ts). Two sites from the same articles:
 * - `same`: the pages and files our build makes (scripts/bench/hugo/): article pages with their
 *   citation files, a page per place as reported and as today, year pages, the listing in pages
 *   of 20, feed, sitemap and the data exports;
 * - `minimal`: one page per article, a home page and paged year lists (scripts/bench/hugo-minimal/),
 *   the comparison the bench made before.
 * Hugo cannot read the gazetteer, so each article's places (as reported and today: URLs, labels)
 * and the place pages' trails and children are worked out here, before Hugo is timed.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { currentLabel, gazetteer, unitLabel, type Unit } from '../../src/lib/places/gazetteer.ts';
import { localityShort, localityTrail, todayLabel } from '../../src/lib/places/localities.ts';
import { localityUrls, placeIds, PLACES_URL, unitUrl } from '../../src/lib/places/places.ts';
import { formatFigureAmount } from '../../src/lib/text/numbers.ts';
import { excerpt } from '../../src/lib/text/vi-text.ts';
import type { Figure } from '../../src/schemas/figure.ts';
import { localityOn, type Locality } from '../../src/schemas/locality.ts';

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

/** A place page's data: its label, level and trail down from its province. */
function placeData(unit: Unit, count: number): PlaceData & { unit: Unit; count: number } {
  const g = gazetteer();
  const chain: Unit[] = [];
  for (let u: Unit | undefined = unit; u; u = u.parentCode ? g.unit(u.parentCode) : undefined) chain.unshift(u);
  const trail = chain.map((u) => ({ name: u.versions.at(-1)!.name, url: unitUrl(u) }));
  return { unit, count, label: capital(currentLabel(unit)), level: unit.level, trail, children: [] };
}

/** Writes the Hugo site for `content` (the bench's .mdx articles) into `site`. */
export function hugoSite(content: string, site: string, kind: HugoKind): void {
  rmSync(site, { recursive: true, force: true });
  cpSync(join(ROOT, kind === 'same' ? 'scripts/bench/hugo' : 'scripts/bench/hugo-minimal'), site, { recursive: true });
  const places = new Map<string, PlaceData & { unit: Unit; count: number }>();
  for (const rel of readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'))) {
    const raw = readFileSync(join(content, rel), 'utf8');
    const [, fm, ...rest] = raw.split(/^---$/m);
    const data = parse(fm!) as { date: string; locality: { province: string; district?: string; commune?: string }; figures: Figure[] };
    const body = rest.join('---');
    const date = data.date.length === 10 ? `${data.date}T00:00:00+07:00` : `${data.date}:00+07:00`;
    let extra = {};
    if (kind === 'same') {
      const locality: Locality = localityOn(data.locality, data.date.slice(0, 10));
      const steps = localityTrail(locality);
      const urls = localityUrls(locality);
      // The article is on the units it names and on the units they lie in today.
      const ids = placeIds(locality);
      for (const id of ids) {
        const unit = gazetteer().unit(id)!;
        const url = unitUrl(unit);
        const place = places.get(url);
        if (place) place.count++;
        else places.set(url, placeData(unit, 1));
      }
      // The lead paragraph, the description and the figures as shown: what our loader and pages work
      // out, given to Hugo ready-made (Hugo's own summaries and a number-formatting partial per
      // figure took 6 and 6 s of its 31 s at 10,000 articles).
      const lead = body.trim().split(/\n\s*\n/)[0]!.trim();
      extra = {
        lead,
        description: excerpt(lead, 160),
        figures: data.figures.map((f) => ({ ...f, display: formatFigureAmount(f) })),
        diaphuong: ids,
        place: {
          short: localityShort(locality),
          p2025: todayLabel(locality),
          trail: steps.map((s, i) => ({ label: capital(unitLabel(s.version)), url: urls[i] })),
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
  // Every province of today has a page, as ours.
  for (const p of gazetteer().provinces2025) if (!places.has(unitUrl(p))) places.set(unitUrl(p), placeData(p, 0));
  const byId = new Map([...places.values()].map((p) => [p.unit.id, p]));
  for (const [url, place] of places) {
    const parent = place.unit.parentCode === undefined ? undefined : byId.get(place.unit.parentCode);
    parent?.children.push({ url, label: currentLabel(place.unit), count: place.count });
  }
  // What the term layout reads, and nothing more: the gazetteer's units link to one another (a
  // merged commune to its successor and back), which YAML can only write as self-containing anchors.
  const termPage = (taxonomy: string, term: string, url: string, { label, level, trail, children }: PlaceData) => {
    mkdirSync(join(site, 'content', taxonomy, term), { recursive: true });
    writeFileSync(join(site, 'content', taxonomy, term, '_index.md'), `---\n${stringify({ title: label, url, label, level, trail, children }, { lineWidth: 0 })}---\n`);
  };
  for (const [url, place] of places) termPage('diaphuong', place.unit.id, url, place);
  mkdirSync(join(site, 'content/diaphuong'), { recursive: true });
  writeFileSync(join(site, 'content/diaphuong/_index.md'), `---\ntitle: Địa phương\nurl: ${PLACES_URL}\n---\n`);
  for (const [path, title] of [['tim-kiem', 'Tìm kiếm'], ['du-lieu', 'Dữ liệu']] as const) {
    mkdirSync(join(site, 'content', path), { recursive: true });
    writeFileSync(join(site, 'content', path, '_index.md'), `---\ntitle: ${title}\n---\n`);
  }
}
