/**
 * Import benchmark (not a test): `npm run import` on reports of 1, 2 and 20 MB made by repeating a
 * seed's body under its headline and date, to show the importer's time grows in step with the text.
 * Writes bench/results/import.md. Usage: npm run bench:import -- [--mb 1,2,20]
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from './lib/measure.ts';

const ROOT = join(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const sizes = (args.includes('--mb') ? args[args.indexOf('--mb') + 1]! : '1,2,20').split(',').map(Number);
const dir = join(ROOT, 'bench/corpus/import');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

// Headline and dateline first, then the body again and again.
const seed = readFileSync(join(ROOT, 'tests/fixtures/seeds/001_d244c8a9698ac1ce.txt'), 'utf8').split('\n');
const head = seed.slice(0, 8).join('\n');
const body = seed.slice(8).join('\n');

const rows: string[] = [];
for (const mb of sizes) {
  const file = join(dir, `report-${mb}mb.txt`);
  const parts = [head];
  for (let size = head.length; size < mb * 1_000_000; size += body.length + 1) parts.push(body);
  writeFileSync(file, parts.join('\n'));
  const m = await measure(process.execPath, [join(ROOT, 'scripts/import.ts'), '--out', join(dir, `out-${mb}`), file], { cwd: ROOT, env: process.env });
  if (m.status !== 0 || !m.output.includes('1 imported')) throw new Error(`import of ${mb} MB failed:\n${m.output.slice(-2000)}`);
  const bytes = statSync(file).size;
  rows.push(`| ${(bytes / 1e6).toFixed(1)} MB | ${(m.wallMs / 1000).toFixed(1)} s | ${(m.peakRssBytes / 1024 / 1024).toFixed(0)} MB |`);
  console.log(`${(bytes / 1e6).toFixed(1)} MB: ${(m.wallMs / 1000).toFixed(1)} s`);
}
rmSync(dir, { recursive: true, force: true });
const text = [
  `# Import benchmark (${new Date().toISOString().slice(0, 10)})`,
  '',
  '`npm run import` of one report made by repeating a seed\'s body (scripts/bench/import.ts): parse, figures, the',
  'article\'s own check, write. Wall time of the whole command and its peak memory.',
  '',
  '| report | import | peak memory |',
  '|---|---|---|',
  ...rows,
  '',
].join('\n');
writeFileSync(join(ROOT, 'bench/results/import.md'), text);
