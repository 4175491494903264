/**
 * Import accuracy (not a test): imports each labelled raw report of a set
 * (tests/fixtures/import-eval/<set>/: *.txt and labels.json) as `npm run import` does, and
 * compares every field with its hand label. Unsure is not wrong: a field the importer leaves for
 * review is counted apart, and the one count that must stay 0 is a wrong province not flagged.
 * Usage: npm run bench:import-accuracy -- [--set dev,heldout-1,heldout-2] [--show]   (--show lists each
 * miss; keep it off a set you have not worked on). Writes bench/results/import-accuracy.md, keeping its
 * hand-kept `## History` section.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport } from '../../src/lib/import/import-report.ts';
import { sharedLines } from '../../src/lib/import/parse-report.ts';
import { nameKey } from '../../src/lib/places/place-names.ts';

const ROOT = join(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const sets = (args.includes('--set') ? args[args.indexOf('--set') + 1]! : 'dev,heldout-1,heldout-2').split(',');
const show = args.includes('--show');

interface Label {
  file: string;
  title: string | null;
  date: string | null;
  province: string | null;
  district: string | null;
  commune: string | null;
  otherProvinces?: string[];
  source: string;
  author: string | null;
  figures: { value: number; text: string }[];
}

interface Tally {
  reports: number;
  imported: number;
  drafts: number;
  /** Articles with something in `review` that are not drafts: must be 0. */
  unsureNotDraft: number;
  title: [number, number];
  date: [number, number];
  undatedFlagged: [number, number];
  province: [number, number];
  provinceAny: [number, number];
  provinceWrongFlagged: number;
  provinceWrongUnflagged: number;
  district: [number, number];
  commune: [number, number];
  source: [number, number];
  author: [number, number];
  figuresRecall: [number, number];
  figuresPrecision: [number, number];
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ? nameKey(a) : '') === (b ? nameKey(b) : '');
const plain = (s: string | null | undefined) => (s ?? '').normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

function evaluate(set: string): Tally {
  const dir = join(ROOT, 'tests/fixtures/import-eval', set);
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Label[];
  const t: Tally = {
    reports: labels.length, imported: 0, drafts: 0, unsureNotDraft: 0, title: [0, 0], date: [0, 0], undatedFlagged: [0, 0], province: [0, 0], provinceAny: [0, 0],
    provinceWrongFlagged: 0, provinceWrongUnflagged: 0, district: [0, 0], commune: [0, 0], source: [0, 0], author: [0, 0], figuresRecall: [0, 0], figuresPrecision: [0, 0],
  };
  const miss = (file: string, what: string) => show && console.log(`${set}/${file}: ${what}`);
  const score = (pair: [number, number], ok: boolean) => {
    pair[1]++;
    if (ok) pair[0]++;
    return ok;
  };
  // As `npm run import -- <folder>` does: the lines several reports share are furniture.
  const raws = new Map(labels.map((l) => [l.file, readFileSync(join(dir, l.file), 'utf8')]));
  const furniture = sharedLines([...raws.values()]);
  for (const label of labels) {
    const outcome = importReport(raws.get(label.file)!, label.file, undefined, { furniture });
    if (!outcome.ok) {
      miss(label.file, `not imported: ${outcome.message}`);
      for (const k of ['title', 'date', 'province', 'district', 'source'] as const) if (label[k] !== null) t[k][1]++;
      if (label.province !== null) t.provinceAny[1]++;
      t.figuresRecall[1] += label.figures.length;
      continue;
    }
    t.imported++;
    const { report } = outcome;
    const review = report.review;
    const flagged = (field: string) => review.some((r) => r === field || r.startsWith(`${field}.`));
    if (report.draft) t.drafts++;
    if (review.length && !report.draft) t.unsureNotDraft++;
    if (label.title === null) score(t.title, flagged('title')) || miss(label.file, `no headline, but title "${report.title}" not flagged`);
    else score(t.title, plain(report.title) === plain(label.title)) || miss(label.file, `title "${report.title}" ≠ "${label.title}"`);
    if (label.date === null) score(t.undatedFlagged, report.dateApprox && flagged('date')) || miss(label.file, `no date, but ${report.date} not flagged`);
    else score(t.date, report.date.slice(0, 10) === label.date && !report.dateApprox) || miss(label.file, `date ${report.date}${report.dateApprox ? ' (approx)' : ''} ≠ ${label.date}`);
    if (label.province !== null) {
      const right = same(report.locality.province, label.province);
      const provinceFlagged = review.includes('locality') || review.includes('locality.province');
      score(t.provinceAny, right);
      score(t.province, right && !provinceFlagged) ||
        miss(label.file, `province ${report.locality.province ?? '—'}${flagged('locality') ? ' (flagged)' : ''} ≠ ${label.province}`);
      if (!right && report.locality.province) {
        if (flagged('locality')) t.provinceWrongFlagged++;
        else t.provinceWrongUnflagged++;
      }
    }
    if (label.district !== null) score(t.district, same(report.locality.district, label.district)) || miss(label.file, `district ${report.locality.district ?? '—'} ≠ ${label.district}`);
    if (label.commune !== null) score(t.commune, same(report.locality.commune, label.commune)) || miss(label.file, `commune ${report.locality.commune ?? '—'} ≠ ${label.commune}`);
    score(t.source, plain(report.source.name) === plain(label.source) && !flagged('source')) || miss(label.file, `source ${report.source.name} ≠ ${label.source}`);
    if (label.author === null) score(t.author, report.author === null) || miss(label.file, `author ${report.author} where none`);
    else score(t.author, plain(report.author) === plain(label.author)) || miss(label.file, `author ${report.author ?? '—'} ≠ ${label.author}`);
    // A figure is found when the importer took the same value from a phrase overlapping the label's.
    const overlaps = (a: string, b: string) => plain(a).includes(plain(b)) || plain(b).includes(plain(a));
    const found = (f: { value: number; text: string }) => report.figures.some((g) => g.value === f.value && overlaps(g.text, f.text));
    for (const f of label.figures) score(t.figuresRecall, found(f)) || miss(label.file, `figure missed: ${f.text}`);
    for (const g of report.figures) score(t.figuresPrecision, label.figures.some((f) => f.value === g.value && overlaps(g.text, f.text))) || miss(label.file, `not a figure: ${g.text}`);
  }
  return t;
}

const pct = ([a, b]: [number, number]) => (b ? `${a}/${b} (${((100 * a) / b).toFixed(0)}%)` : '—');
const results = sets.map((set) => [set, evaluate(set)] as const);
const rows: [string, (t: Tally) => string][] = [
  ['reports imported', (t) => pct([t.imported, t.reports])],
  ['title (no headline → flagged)', (t) => pct(t.title)],
  ['date, of the dated', (t) => pct(t.date)],
  ['undated left for review', (t) => pct(t.undatedFlagged)],
  ['province, right and not flagged', (t) => pct(t.province)],
  ['province right, sure or left for review', (t) => pct(t.provinceAny)],
  ['wrong province, flagged for review', (t) => String(t.provinceWrongFlagged)],
  ['**wrong province, not flagged**', (t) => `**${t.provinceWrongUnflagged}**`],
  ['district', (t) => pct(t.district)],
  ['commune', (t) => pct(t.commune)],
  ['newspaper', (t) => pct(t.source)],
  ['author', (t) => pct(t.author)],
  ['figures recall', (t) => pct(t.figuresRecall)],
  ['figures precision', (t) => pct(t.figuresPrecision)],
  ['written as drafts', (t) => pct([t.drafts, t.imported])],
  ['unsure but not a draft', (t) => String(t.unsureNotDraft)],
];
const table = [
  `| field | ${results.map(([s]) => s).join(' | ')} |`,
  `|---|${results.map(() => '---').join('|')}|`,
  ...rows.map(([name, f]) => `| ${name} | ${results.map(([, t]) => f(t)).join(' | ')} |`),
].join('\n');
console.log(table);
if (!show) {
  const out = join(ROOT, 'bench/results/import-accuracy.md');
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const history = previous.includes('\n## History') ? previous.slice(previous.indexOf('\n## History')) : '';
  writeFileSync(
    out,
    `# Import accuracy (${new Date().toISOString().slice(0, 10)})\n\n` +
      '`npm run bench:import-accuracy` (scripts/bench/import-accuracy.ts): each raw report of a labelled set imported as `npm run import` does,\n' +
      'every field compared with its hand label. How each set was written and used: tests/fixtures/import-eval/README.md\n' +
      '(`dev` and `heldout-1` were worked on; `heldout-2` never was). A field left for review counts as not right, never as wrong.\n\n' +
      `${table}\n${history}`,
  );
}
