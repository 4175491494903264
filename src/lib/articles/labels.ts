/** Names an article page gives its parts, shared by the remark plugins, pages and exports. */

/** Anchor id of figure `index` (0-based): "so-lieu-1". */
export function figureAnchor(index: number): string {
  return `so-lieu-${index + 1}`;
}

/** "5 phút đọc". */
export function readingTimeLabel(minutes: number): string {
  return `${minutes} phút đọc`;
}
