/** Collects the links an article makes, with their positions, for the broken-link check. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** A link as written, and where. */
export interface LinkRef {
  url: string;
  line: number;
  column: number;
}

declare module 'vfile' {
  interface DataMap {
    links: LinkRef[];
  }
}

/** remark plugin: fills `file.data.links`. */
export function remarkCollectLinks() {
  return (tree: Root, file: VFile) => {
    const links: LinkRef[] = [];
    visit(tree, 'link', (node) => {
      links.push({ url: node.url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    });
    file.data.links = links;
  };
}
