/**
 * Images in articles. One stored next to the article (`./anh-1.jpg`) goes through Astro's
 * image pipeline: it is marked the way Astro's own Markdown renderer marks it, and listed in
 * `file.data.imagePaths`, so `render()` emits an optimised <img> with width and height. One in
 * public/ (`/anh/x.jpg`) is served as is, with width/height read from the file. Missing files
 * and images on other sites are problems: an archive keeps its own copies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { Image, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { imageSize } from 'image-size';

/** Width and height from the file's header, or null for a format `image-size` does not know. */
function pixelSize(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    const { width, height } = imageSize(bytes);
    return width && height ? { width, height } : null;
  } catch {
    return null;
  }
}

/** Where to look for image files; without it existence is not checked (e.g. unit tests). */
export interface ImagesOptions {
  /** Folder of the article file. */
  articleDir?: string;
  /** The site's public/ folder. */
  publicDir?: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Local image paths for Astro's pipeline, as written in the article. */
    imagePaths: string[];
  }
}

const REMOTE = /^[a-z][a-z0-9+.-]*:/i;

/** remark plugin: see the module comment. */
export function remarkImages(options: ImagesOptions = {}) {
  return (tree: Root, file: VFile) => {
    const paths: string[] = [];
    visit(tree, 'image', (node: Image) => {
      const src = node.url;
      const data = (node.data ??= {});
      const props = (data.hProperties ??= {}) as Record<string, unknown>;
      if (REMOTE.test(src) || src.startsWith('//')) {
        file.message(`ảnh '${src}' nằm ở trang khác; tải về, đặt cạnh bài và viết src="./ten-anh.jpg"`, {
          place: node.position,
          ruleId: 'body',
        });
        return;
      }
      if (src.startsWith('/')) {
        const path = options.publicDir ? join(options.publicDir, normalize(src)) : undefined;
        if (path && !existsSync(path)) {
          file.message(`ảnh '${src}' không có trong public/`, { place: node.position, ruleId: 'body' });
          return;
        }
        const size = path ? pixelSize(readFileSync(path)) : null;
        Object.assign(props, { loading: 'lazy', decoding: 'async' }, size ?? {});
        return;
      }
      if (options.articleDir && !existsSync(join(options.articleDir, src))) {
        file.message(`ảnh '${src}' không có cạnh bài`, { place: node.position, ruleId: 'body' });
        return;
      }
      // The same marker Astro's Markdown renderer writes, and nothing else: Astro swaps it for the
      // optimised <img>'s attributes, and a leftover src would win over the optimised one.
      const marker = JSON.stringify({ src, alt: node.alt ?? '', index: paths.filter((p) => p === src).length });
      Object.assign(node, { type: 'astroImage', data: { hName: 'img', hProperties: { __ASTRO_IMAGE_: marker } } });
      paths.push(src);
    });
    file.data.imagePaths = [...new Set(paths)];
  };
}
