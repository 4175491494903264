/** A web page saved from a browser, reduced to its text, one block per line, for the importer. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Drops scripts, styles and page chrome; block elements become line breaks; entities are decoded. */
export function htmlToText(html: string): string {
  const main = /<article[\s>][\s\S]*<\/article>/i.exec(html)?.[0] ?? /<main[\s>][\s\S]*<\/main>/i.exec(html)?.[0] ?? html;
  return main
    .replace(/<(script|style|noscript|svg|nav|header|footer|aside|form|iframe)[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/figcaption|\/blockquote|\/tr|\/section|\/article)\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m,
    )
    .split('\n')
    .map((l) => l.trim())
    .join('\n');
}
