/**
 * Marks each reported figure's phrase in the body (`<mark id="so-lieu-N">`) so the
 * figures table can link to the sentence a number came from.
 */
import type { Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { figureAnchor } from '../lib/articles/labels.ts';
import { indexOfPhrase } from '../lib/text/vi-text.ts';

/** Options: the figures' exact phrases, in frontmatter order. */
export interface FigureMarksOptions {
  texts: readonly string[];
}

declare module 'vfile' {
  interface DataMap {
    /** Indexes of figures whose phrase was marked in the body. */
    figureMarks: number[];
  }
}

/** remark plugin: wraps the first unmarked occurrence of each figure phrase. */
export function remarkFigureMarks(options: FigureMarksOptions) {
  return (tree: Root, file: VFile) => {
    const marked = new Set<number>();
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || (parent.data as { figureMark?: boolean } | undefined)?.figureMark) return;
      for (let i = 0; i < options.texts.length; i++) {
        if (marked.has(i)) continue;
        const at = indexOfPhrase(node.value, options.texts[i]!);
        if (at < 0) continue;
        marked.add(i);
        const phrase = options.texts[i]!;
        const mark = {
          type: 'emphasis',
          data: { figureMark: true, hName: 'mark', hProperties: { id: figureAnchor(i), className: ['figure-quote'] } },
          children: [{ type: 'text', value: phrase }],
        } as const;
        const parts = [
          ...(at > 0 ? [{ type: 'text', value: node.value.slice(0, at) } as Text] : []),
          mark,
          ...(at + phrase.length < node.value.length ? [{ type: 'text', value: node.value.slice(at + phrase.length) } as Text] : []),
        ];
        parent.children.splice(index, 1, ...(parts as Text[]));
        // Revisit from the same index: the text before the mark may hold another figure.
        return index;
      }
      return;
    });
    file.data.figureMarks = [...marked].sort((a, b) => a - b);
  };
}
