/** Reading time in minutes ("5 phút đọc"), from the body's word count. */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

/** Vietnamese text is read at about 220 syllables a minute; each syllable is a word here. */
export const WORDS_PER_MINUTE = 220;

declare module 'vfile' {
  interface DataMap {
    words: number;
    readingMinutes: number;
  }
}

/** remark plugin: sets `file.data.words` (numerals excluded) and `file.data.readingMinutes` (at least 1). */
export function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    // Block by block: toString of the whole tree would glue "bộ." to the next paragraph's first word.
    const words = tree.children.flatMap((block) => toString(block).split(/\s+/)).filter((w) => /\p{L}/u.test(w)).length;
    file.data.words = words;
    file.data.readingMinutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  };
}

/** "5 phút đọc". */
export function readingTimeLabel(minutes: number): string {
  return `${minutes} phút đọc`;
}
