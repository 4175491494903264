/**
 * The search page: reads the state from the URL, runs the Vietnamese search over Pagefind,
 * renders results and filters with counts, and keeps the URL in step (Back/Forward work).
 */
import { openIndex, runSearch, shardsForManifest, type PagefindModule, type PagefindResult } from '../lib/search/search-engine';
import { bodyExcerpt, statusLine } from '../lib/search/search-view';
import type { SearchManifest } from '../lib/search/search-shards';
import { FILTER_KEYS, isEmptyState, parseState, stateToParams, unknownFilters, type FilterKey, type SearchState } from '../lib/search/search-state';
import { decodeSpelling, restoreSpelling, type SyllablePrior } from '../lib/search/vi-search';
import { href } from '../lib/articles/urls';

const PAGE = 10;
/** Words in a result's excerpt. */
const EXCERPT_WORDS = 24;
const PAGEFIND_URL = href('/pagefind/pagefind.js');
/** Written next to the index by src/integrations/pagefind.ts: the shards and the d/đ prior. */
const MANIFEST_URL = href('/pagefind/diachi.json');

let manifestRequest: Promise<SearchManifest | undefined> | undefined;
const loadManifest = () =>
  (manifestRequest ??= fetch(MANIFEST_URL).then((r) => (r.ok ? (r.json() as Promise<SearchManifest>) : undefined), () => undefined));
/** The d/đ syllable counts (part of the manifest). */
const loadPrior = (): Promise<SyllablePrior | undefined> => loadManifest();

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;

/** How a result was found: with the query as a phrase, or its words apart (the first of those heads its group). */
interface Found {
  phrase: boolean;
  /** The heading over the group this result starts, if it starts one. */
  group?: string;
}

async function renderResult(result: PagefindResult, terms: string[], found: Found): Promise<HTMLLIElement> {
  const data = await result.data();
  const spelling = decodeSpelling(data.meta.spelling);
  const li = document.createElement('li');
  const article = document.createElement('article');
  const h = document.createElement('h3');
  const a = document.createElement('a');
  // Only same-site paths: a result URL never sends the reader elsewhere.
  const url = data.url.startsWith('/') && !data.url.startsWith('//') ? data.url : href('/');
  a.href = terms.length ? `${url}?${new URLSearchParams({ 'danh-dau': terms.join(' ') })}` : url;
  a.textContent = restoreSpelling(data.meta.title ?? url, spelling);
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
  for (const value of [data.meta.date, data.meta.locality]) {
    if (!value) continue;
    const span = document.createElement('span');
    span.textContent = value;
    meta.append(span);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  // From the body, where the query is densest; only whole words of the query are marked.
  for (const part of bodyExcerpt(data.content ?? '', data.meta.title, terms, EXCERPT_WORDS, { phrase: found.phrase })) {
    const text = restoreSpelling(part.text, spelling);
    if (!part.mark) excerpt.append(text);
    else {
      const mark = document.createElement('mark');
      mark.textContent = text;
      excerpt.append(mark);
    }
  }
  article.append(h, meta, excerpt);
  if (found.group) {
    const heading = document.createElement('h2');
    heading.className = 'result-group';
    heading.textContent = found.group;
    li.append(heading);
  }
  li.append(article);
  return li;
}

function renderFacets(state: SearchState, counts: Record<string, Record<string, number>>, totals: Record<string, Record<string, number>>) {
  for (const key of FILTER_KEYS) {
    const fieldset = $<HTMLFieldSetElement>(`fieldset[data-filter="${key}"]`);
    const list = fieldset.querySelector('ul')!;
    const selected = new Set(state.filters[key]);
    const values = Object.keys(totals[key] ?? {})
      .filter((v) => selected.has(v) || (counts[key]?.[v] ?? 0) > 0)
      .sort((a, b) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'vi')));
    list.replaceChildren(
      ...values.map((value) => {
        const li = document.createElement('li');
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = key;
        box.value = value;
        box.checked = selected.has(value);
        const count = document.createElement('span');
        count.className = 'count';
        count.textContent = String(counts[key]?.[value] ?? 0);
        label.append(box, ` ${value} `, count);
        li.append(label);
        return li;
      }),
    );
    fieldset.hidden = values.length === 0;
  }
}

function readForm(): SearchState {
  const form = $<HTMLFormElement>('#search-form');
  const params = new URLSearchParams();
  const data = new FormData(form);
  for (const [k, v] of data) if (typeof v === 'string' && v) params.append(k, v);
  for (const box of document.querySelectorAll<HTMLInputElement>('.facets input:checked')) params.append(box.name, box.value);
  return parseState(params);
}

function writeForm(state: SearchState) {
  $<HTMLInputElement>('#q').value = state.q;
  $<HTMLSelectElement>('#sort').value = state.sort;
  $<HTMLSelectElement>('#from').value = state.from ? String(state.from) : '';
  $<HTMLSelectElement>('#to').value = state.to ? String(state.to) : '';
}

/** In a preview (`npm run dev`), the index is the last build's: say when it was made. */
async function sayIndexAge(note: HTMLElement): Promise<void> {
  const modified = (await fetch(MANIFEST_URL, { method: 'HEAD' }).catch(() => undefined))?.headers.get('last-modified');
  if (!modified) return;
  const when = new Date(modified).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
  note.textContent = `Bản xem thử tìm trong chỉ mục dựng lúc ${when}; bài sửa sau đó chưa có trong kết quả — chạy npm run build -- --local để cập nhật.`;
  note.hidden = false;
}

/** Wires the page. Called once from tim-kiem.astro. */
export async function startSearchPage(): Promise<void> {
  const status = $('#search-status');
  const list = $<HTMLOListElement>('#results');
  const more = $<HTMLButtonElement>('#more');
  status.textContent = 'Đang tải bộ tìm kiếm…';
  // The manifest is small: fetch it alongside Pagefind's start-up. Without an index (a preview
  // before any build) the page says so instead of waiting for ever.
  const [pf, manifest] = await Promise.all([(import(/* @vite-ignore */ PAGEFIND_URL) as Promise<PagefindModule>).catch(() => undefined), loadManifest()]);
  if (manifest?.pages === 0) {
    // An archive with no articles yet: Pagefind has nothing to load and would never answer.
    status.textContent = 'Kho chưa có bài nào để tìm.';
    return;
  }
  if (!pf) {
    status.textContent = 'Chưa có chỉ mục tìm kiếm: chạy npm run build -- --local (hoặc npm start) để tạo, rồi tải lại trang.';
    return;
  }
  if (import.meta.env.DEV) void sayIndexAge($('#search-note'));
  const base = new URL(href('/pagefind/'), location.href);
  // Pagefind's result URLs are paths of the built folder; under a base path they get it in front.
  const shards = await openIndex(pf, manifest, base, { excerptLength: EXCERPT_WORDS, baseUrl: href('/') });
  const shardsFor = shardsForManifest(manifest, shards, base);
  const totals = await pf.filters();
  const years = Object.keys(totals.year ?? {}).sort();

  let generation = 0;
  let shown: PagefindResult[] = [];
  let terms: string[] = [];
  let phraseCount: number | undefined;
  // The words-apart group, after the phrase hits, opens with its own heading and count.
  const foundAt = (i: number): Found => {
    if (phraseCount === undefined) return { phrase: false };
    const apart = shown.length - phraseCount;
    return { phrase: i < phraseCount, ...(i === phraseCount && phraseCount > 0 && { group: `${apart} bài có đủ các từ nhưng không liền nhau` }) };
  };
  const render = (from: number, to: number) => Promise.all(shown.slice(from, to).map((r, k) => renderResult(r, terms, foundAt(from + k))));

  const showMore = async (gen: number) => {
    const items = await render(list.children.length, (Math.floor(list.children.length / PAGE) + 1) * PAGE);
    if (gen !== generation) return;
    list.append(...items);
    more.hidden = list.children.length >= shown.length;
  };

  /** `typing`: live results while the reader types, where the last word may be a prefix. */
  const run = async (state: SearchState, typing = false) => {
    const gen = ++generation;
    writeForm(state);
    if (isEmptyState(state)) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = 'Nhập từ khóa hoặc chọn bộ lọc để tìm.';
      renderFacets(state, totals, totals);
      return;
    }
    status.textContent = 'Đang tìm…';
    const outcome = await runSearch(pf, state, { knownYears: years, prior: loadPrior, shards, shardsFor, typing });
    if (gen !== generation) return;
    shown = outcome.results;
    terms = outcome.terms;
    phraseCount = outcome.phraseCount;
    // Results first, then the filters: nothing already on screen moves when the other appears.
    // The new page is built off screen and swapped in one step.
    const items = await render(0, Math.max(PAGE, list.children.length));
    if (gen !== generation) return;
    list.replaceChildren(...items);
    more.hidden = list.children.length >= shown.length;
    if (gen !== generation) return;
    renderFacets(state, outcome.counts, totals);
    // A filter value no article has (an old or mistyped link) is why nothing is found: say so.
    const unknown = unknownFilters(state, totals);
    const why = unknown.length ? ` Không bài nào có ${unknown.map((u) => `“${u}”`).join(', ')}: bỏ bộ lọc này để tìm tiếp.` : '';
    status.textContent = statusLine(state.q, shown.length, phraseCount, why);
  };

  const navigate = (push: boolean, typing = false) => {
    const state = readForm();
    const query = stateToParams(state).toString();
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
    void run(state, typing);
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  const form = $<HTMLFormElement>('#search-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typing);
    navigate(true);
  });
  $('#q').addEventListener('input', () => {
    clearTimeout(typing);
    // A word followed by a space is finished; the one still being typed may match as a prefix.
    typing = setTimeout(() => navigate(false, !/\s$/.test($<HTMLInputElement>('#q').value)), 300);
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).id !== 'q') navigate(true);
  });
  $('.facets').addEventListener('change', () => navigate(true));
  more.addEventListener('click', () => void showMore(generation));
  window.addEventListener('popstate', () => void run(parseState(new URLSearchParams(location.search))));

  await run(parseState(new URLSearchParams(location.search)));
}

export type { FilterKey };
