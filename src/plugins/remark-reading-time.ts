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

const LETTER = /\p{L}/u;
const SPACE = /\s/;

/**
 * Words of a text: runs of non-space characters holding at least one letter (numerals alone are
 * not words). A loop over the characters, not split and a test per word: a tenth of loading an
 * article went to that.
 */
export function countWords(text: string): number {
  let words = 0;
  // Whether the run of non-space characters being read has been counted.
  let counted = false;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code > 0x7e && SPACE.test(ch))) {
      counted = false;
      continue;
    }
    if (!counted && ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code > 0x7e && LETTER.test(ch)))) {
      words++;
      counted = true;
    }
  }
  return words;
}

/** remark plugin: sets `file.data.words` (numerals excluded) and `file.data.readingMinutes` (at least 1). */
export function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    // Block by block: toString of the whole tree would glue "bộ." to the next paragraph's first word.
    let words = 0;
    for (const block of tree.children) words += countWords(toString(block));
    file.data.words = words;
    file.data.readingMinutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  };
}

