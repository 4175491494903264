/**
 * The place tree for browsing by locality: every unit an article is about or mentions, with its
 * ancestors, its ASCII URL and the articles under it — both as reported (the 63 provinces →
 * districts → communes, and the two-level units for articles from 1 July 2025) and as today
 * (`/dia-phuong/2025/…`: each unit of today gathers the articles about the places it was formed from).
 * Built once from the articles (pure; pages only render it).
 */
import { gazetteer, spellLegacy, TYPE_LABELS, type Unit } from './gazetteer.ts';
import type { Locality } from '../../schemas/locality.ts';
import { slugify } from '../text/vi-text.ts';
import { href } from '../articles/urls.ts';

/** Root of the place pages. */
export const PLACES_URL = href('/dia-phuong/');
/** Root of the pages of today's units (the two-level system from 1 July 2025). */
export const TODAY_URL = `${PLACES_URL}2025/`;

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
  /** Articles whose locality is this unit or lies inside it (for today's units: then or now). */
  about: A[];
  /** Articles that name this unit among their other places (and are not about it). */
  mentions: A[];
}

/** Ids of a locality's units and of its units today: the place nodes an article is on. */
export function placeIds(l: Locality): string[] {
  const today = [`2025-${l.today.provinceCode}`, ...(l.today.communeCode ? [`2025-${l.today.communeCode}`] : [])];
  return [...new Set([...l.ids, ...today])];
}

/**
 * URL segment of a unit: its slug, or type + slug where a sibling shares the name (thành phố and
 * huyện Hồng Ngự → `thanh-pho-hong-ngu`, `huyen-hong-ngu`), plus the GSO code where siblings of one
 * type differ only by tones, which slugs drop (xã Trực Hưng and xã Trực Hùng → `xa-truc-hung-14050`).
 */
export function placeSegment(unit: Unit): string {
  const g = gazetteer();
  const siblings = unit.parentCode ? g.childrenOf(unit.parentCode) : unit.reform ? g.provinces2025 : g.provinces;
  const others = siblings.filter((s) => s !== unit && s.slug === unit.slug);
  if (!others.length) return unit.slug;
  const typed = slugify(`${TYPE_LABELS[unit.type] ?? unit.type} ${unit.name}`);
  return others.some((s) => s.type === unit.type) ? `${typed}-${unit.code || unit.id}` : typed;
}

/** The URL of a unit's page (whether or not the tree has one). */
export function unitUrl(unit: Unit): string {
  const g = gazetteer();
  const parent = unit.parentCode ? g.unit(unit.parentCode) : undefined;
  return `${parent ? unitUrl(parent) : unit.reform ? TODAY_URL : PLACES_URL}${placeSegment(unit)}/`;
}

/**
 * Builds the tree: a node for every unit about or mentioned by an article, their ancestors, the
 * units they lie in today, and every province of today.
 */
export function buildPlaces<A extends PlacedArticle>(articles: readonly A[]): Map<string, PlaceNode<A>> {
  const g = gazetteer();
  // Units the data names only in ASCII take the spelling of the articles about them, before their URLs are made.
  const spellings = new Map<Unit, string[]>();
  for (const a of articles) {
    for (const l of [a.locality, ...(a.places ?? [])]) {
      const names = [l.province, l.district, l.commune].filter((n): n is string => n !== undefined);
      l.ids.forEach((id, i) => {
        const unit = g.unit(id)!;
        if (unit.versions.some((v) => v.fold !== undefined)) spellings.set(unit, [...(spellings.get(unit) ?? []), names[i]!]);
      });
    }
  }
  spellLegacy(spellings);
  const nodes = new Map<string, PlaceNode<A>>();
  const node = (id: string): PlaceNode<A> => {
    const existing = nodes.get(id);
    if (existing) return existing;
    const unit = g.unit(id)!;
    const parent = unit.parentCode ? node(unit.parentCode) : undefined;
    const created: PlaceNode<A> = {
      unit,
      url: unitUrl(unit),
      ...(parent && { parent }),
      children: [],
      about: [],
      mentions: [],
    };
    parent?.children.push(created);
    nodes.set(id, created);
    return created;
  };
  for (const p of g.provinces2025) node(p.id);
  for (const a of articles) {
    const about = new Set(placeIds(a.locality));
    for (const id of about) node(id).about.push(a);
    const mentioned = new Set((a.places ?? []).flatMap(placeIds));
    for (const id of mentioned) if (!about.has(id)) node(id).mentions.push(a);
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
  return l.ids.map((id) => unitUrl(g.unit(id)!));
}
