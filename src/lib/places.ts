/**
 * The place tree for browsing by locality: every unit an article is about or mentions, with
 * its ancestors, its ASCII URL (`/dia-phuong/quang-ninh/dam-ha/`) and the articles under it.
 * Built once from the articles (pure; pages only render it).
 */
import { gazetteer, TYPE_LABELS, type Unit } from './gazetteer.ts';
import type { Locality } from '../schemas/locality.ts';
import { slugify } from './vi-text.ts';

/** Root of the place pages. */
export const PLACES_URL = '/dia-phuong/';

/** What the tree needs of an article. */
export interface PlacedArticle {
  id: string;
  locality: Locality;
  places?: Locality[] | undefined;
}

/** One unit with the articles about it (at any level below) and those that mention it. */
export interface PlaceNode<A extends PlacedArticle> {
  unit: Unit;
  /** URL path, ASCII: `/dia-phuong/quang-ninh/dam-ha/`. */
  url: string;
  parent?: PlaceNode<A>;
  children: PlaceNode<A>[];
  /** Articles whose locality is this unit or lies inside it. */
  about: A[];
  /** Articles that name this unit among their other places (and are not about it). */
  mentions: A[];
}

function codesOf(l: Locality): string[] {
  return [l.provinceCode, l.districtCode, l.communeCode].filter((c): c is string => c !== undefined);
}

/**
 * URL segment of a unit: its GSO slug, or type + slug where a sibling shares the name
 * (thành phố and huyện Hồng Ngự → `thanh-pho-hong-ngu`, `huyen-hong-ngu`), plus the GSO code
 * where siblings of one type differ only by tones, which slugs drop (xã Trực Hưng and xã Trực
 * Hùng → `xa-truc-hung-14050`, `xa-truc-hung-14083`).
 */
export function placeSegment(unit: Unit): string {
  const g = gazetteer();
  const siblings = unit.parentCode ? g.childrenOf(unit.parentCode) : g.provinces;
  const others = siblings.filter((s) => s !== unit && s.slug === unit.slug);
  if (!others.length) return unit.slug;
  const typed = slugify(`${TYPE_LABELS[unit.type] ?? unit.type} ${unit.name}`);
  return others.some((s) => s.type === unit.type) ? `${typed}-${unit.code}` : typed;
}

/** Builds the tree: a node for every unit about or mentioned by an article, and their ancestors. */
export function buildPlaces<A extends PlacedArticle>(articles: readonly A[]): Map<string, PlaceNode<A>> {
  const g = gazetteer();
  const nodes = new Map<string, PlaceNode<A>>();
  const node = (code: string): PlaceNode<A> => {
    const existing = nodes.get(code);
    if (existing) return existing;
    const unit = g.byCode.get(code)!;
    const parent = unit.parentCode ? node(unit.parentCode) : undefined;
    const created: PlaceNode<A> = {
      unit,
      url: `${parent ? parent.url : PLACES_URL}${placeSegment(unit)}/`,
      ...(parent && { parent }),
      children: [],
      about: [],
      mentions: [],
    };
    parent?.children.push(created);
    nodes.set(code, created);
    return created;
  };
  for (const a of articles) {
    const about = new Set(codesOf(a.locality));
    for (const code of about) node(code).about.push(a);
    const mentioned = new Set((a.places ?? []).flatMap(codesOf));
    for (const code of mentioned) if (!about.has(code)) node(code).mentions.push(a);
  }
  for (const n of nodes.values()) n.children.sort((x, y) => x.unit.name.localeCompare(y.unit.name, 'vi'));
  return nodes;
}

/** The nodes from the province down to `node`, for breadcrumbs. */
export function trail<A extends PlacedArticle>(node: PlaceNode<A>): PlaceNode<A>[] {
  const out: PlaceNode<A>[] = [];
  for (let n: PlaceNode<A> | undefined = node; n; n = n.parent) out.unshift(n);
  return out;
}

/** URL of the most specific page for a locality. */
export function localityUrl(l: Locality): string {
  return localityUrls(l).at(-1) ?? PLACES_URL;
}

/** URLs of each level of a locality, province first. */
export function localityUrls(l: Locality): string[] {
  const g = gazetteer();
  const out: string[] = [];
  let url = PLACES_URL;
  for (const code of codesOf(l)) {
    url += `${placeSegment(g.byCode.get(code)!)}/`;
    out.push(url);
  }
  return out;
}
