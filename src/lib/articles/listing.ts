/** Ordering, paging and grouping of article lists (pure; no Astro imports). */

/** The minimum an item needs for listings: an id and a sortable date. */
export interface Dated {
  id: string;
  /** Milliseconds since epoch. */
  time: number;
}

/** Newest first; ties broken by id so the order is stable across builds. */
export function byNewest<T extends Dated>(a: T, b: T): number {
  return b.time - a.time || a.id.localeCompare(b.id);
}

/** One page of a paginated list. */
export interface Page<T> {
  /** 1-based page number. */
  number: number;
  total: number;
  items: T[];
}

/** Splits `items` into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (size < 1) throw new RangeError('page size must be at least 1');
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    total,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/** Groups items by a numeric key, keys in descending order (years: newest first). */
export function groupDescending<T>(items: readonly T[], key: (item: T) => number): [number, T[]][] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.entries()].sort((a, b) => b[0] - a[0]);
}

/** The neighbours of item `index` in a newest-first list: `newer` (previous) and `older` (next). */
export function neighbours<T>(list: readonly T[], index: number): { newer?: T; older?: T } {
  const out: { newer?: T; older?: T } = {};
  if (index > 0) out.newer = list[index - 1]!;
  if (index >= 0 && index < list.length - 1) out.older = list[index + 1]!;
  return out;
}
