/**
 * The quick rebuild (scripts/lib/quick-build.ts): when an editor changes only the body of
 * articles, and nothing any other page shows of them, the new site is the old one with those
 * articles' pages re-filled and their search shards re-indexed — no Astro build. These are the
 * pure parts: what other pages show of an article, and re-filling a built article page.
 */
import { createHash } from 'node:crypto';
import { readingTimeLabel } from '../articles/labels.ts';

/** What a build records of each published article, to decide whether an edit can be quick. */
export interface ArticleRecord {
  /** Hash of everything pages other than the article's own show of it (`sharedKey`). */
  shared: string;
  /** Hash of the body HTML on its page, to find that HTML again in the built page. */
  html: string;
  readingMinutes: number;
}

/** The parts of a loaded article that decide its record. */
export interface RecordSource {
  /** The frontmatter. */
  data: { summary?: string | undefined };
  lead: string;
  html: string;
  readingMinutes: number;
  imagePaths: readonly string[];
  links: readonly { url: string }[];
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * Hash of what other pages and files show of an article or check against it: the frontmatter
 * (listings, place pages, feeds, data files, citations, neighbours' links), the lead when
 * there is no summary (listings and feeds show it instead), the links (cross-article checks) and its images (their paths
 * are rewritten by Astro's image pipeline at render time, which the quick rebuild does not run).
 */
export function sharedKey(a: Omit<RecordSource, 'html' | 'readingMinutes'>): string {
  return hash(JSON.stringify([a.data, a.data.summary ? null : a.lead, a.links.map((l) => l.url), a.imagePaths]));
}

/** The record of a loaded article. */
export function articleRecord(a: RecordSource): ArticleRecord {
  return { shared: sharedKey(a), html: hash(a.html), readingMinutes: a.readingMinutes };
}

/**
 * Where src/pages/bai/[...id].astro puts what an article's body decides: the body HTML between
 * these two markers (the first opening, the last closing: the body comes after the header and
 * before the footer, and the text in it is escaped), and the reading time as the byline's last
 * span, just before the header closes.
 */
const BODY_OPEN = '<div class="prose">';
const BODY_CLOSE = '</div><footer data-pagefind-ignore="all">';
const readingSpan = (minutes: number) => `<span>${readingTimeLabel(minutes)}</span></p></header>`;

/**
 * A built article page with a new body: `page` was built from an article whose record is `old`;
 * returns the page the full build makes from `next` (same record apart from body HTML and reading
 * time), or null when the page is not laid out as expected — the HTML between the markers must
 * hash to `old.html` — and a full build must make it.
 */
export function refillArticlePage(page: string, old: ArticleRecord, next: { html: string; readingMinutes: number }): string | null {
  const start = page.indexOf(BODY_OPEN);
  const end = page.lastIndexOf(BODY_CLOSE);
  if (start < 0 || end < start) return null;
  const bodyStart = start + BODY_OPEN.length;
  if (hash(page.slice(bodyStart, end)) !== old.html) return null;
  const head = page.slice(0, bodyStart);
  const oldSpan = readingSpan(old.readingMinutes);
  const at = head.indexOf(oldSpan);
  if (at < 0 || head.indexOf(oldSpan, at + 1) >= 0) return null;
  return head.slice(0, at) + readingSpan(next.readingMinutes) + head.slice(at + oldSpan.length) + next.html + page.slice(end);
}
