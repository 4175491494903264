/** A web page saved from a browser, reduced to its text, one block per line, for the importer. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The character a numeric reference names; as HTML parsers do, `&#0;`, surrogates, controls and
 * numbers past Unicode become U+FFFD (a NUL would reach the title and break the feed's XML).
 */
function character(code: number): string {
  const control = code < 0x20 ? ![0x09, 0x0a, 0x0d].includes(code) : code >= 0x7f && code < 0xa0;
  return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || control ? '\uFFFD' : String.fromCodePoint(code);
}

/** Drops scripts, styles and page chrome; block elements become line breaks; entities are decoded. */
export function htmlToText(html: string): string {
  const main = /<article[\s>][\s\S]*<\/article>/i.exec(html)?.[0] ?? /<main[\s>][\s\S]*<\/main>/i.exec(html)?.[0] ?? html;
  return main
    .replace(/<(script|style|noscript|svg|nav|header|footer|aside|form|iframe)[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/figcaption|\/blockquote|\/tr|\/section|\/article)\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => (e[0] === '#' ? character(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m))
    .split('\n')
    .map((l) => l.trim())
    .join('\n');
}
