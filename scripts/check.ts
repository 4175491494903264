/**
 * `npm run check [-- --json] [--dir DIR]` — validates all content without building the site:
 * schema, gazetteer names, figure phrases, dates, duplicates, links, images, NFC, review lists.
 * One line per problem: file:line:column  field  message. Exit code 1 when there are errors.
 */
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/lib/articles/problems.ts';
import { checkAll, DEFAULT_CONTENT } from './lib/content-files.ts';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, dir: { type: 'string', default: DEFAULT_CONTENT } },
});

const { files, problems } = checkAll(values.dir!);
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
if (values.json) {
  process.stdout.write(`${JSON.stringify({ files, errors, warnings, problems }, null, 2)}\n`);
} else {
  for (const p of problems) console.log(formatProblem(p));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(`${problems.length ? '\n' : ''}checked ${plural(files, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
}
process.exitCode = errors ? 1 : 0;
