/**
 * Turns the MDX components editors may use into plain HTML-bound nodes. Nothing in an article
 * runs: raw HTML (`<script>`, `<img onerror=…>`), `{…}` expressions and import/export lines are
 * shown as the text they are, with a warning (ruleId "shown-as-text"); an unknown capitalised
 * component is an error, as it is most likely a misspelt one.
 */
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Components an article may use, with the attributes each accepts. */
export const ARTICLE_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  /** A photo caption (the image itself may be absent in scraped reports): `<Figure src? alt? credit?>caption</Figure>`. */
  Figure: ['src', 'alt', 'credit'],
  /** A pull quote with its speaker: `<Quote by="Bí thư Đảng ủy xã Sơn Hà - Hoàng Mạnh Phúc">…</Quote>`. */
  Quote: ['by'],
  /** An editor's note set apart from the report: `<Note title="Ghi chú của ban biên tập">…</Note>`. */
  Note: ['title'],
};

function attributes(node: JsxElement, file: VFile): Record<string, string> {
  const allowed = ARTICLE_COMPONENTS[node.name ?? ''] ?? [];
  const out: Record<string, string> = {};
  for (const attr of node.attributes) {
    if (attr.type !== 'mdxJsxAttribute' || typeof (attr as MdxJsxAttribute).value !== 'string') {
      file.message(`thuộc tính của <${node.name}> phải là chữ trong dấu nháy, như by="…"`, { place: node.position, ruleId: 'body' });
      continue;
    }
    if (!allowed.includes(attr.name)) {
      file.message(`<${node.name}> không có thuộc tính '${attr.name}'; thuộc tính dùng được: ${allowed.join(', ') || 'không có'}`, {
        place: node.position,
        ruleId: 'body',
      });
      continue;
    }
    out[attr.name] = attr.value as string;
  }
  return out;
}

/** Inline content of the element: a single paragraph is unwrapped for use inside <figcaption>. */
function inline(children: RootContent[]): PhrasingContent[] {
  return children.flatMap((c) => (c.type === 'paragraph' ? c.children : [c as PhrasingContent]));
}

function build(node: JsxElement, file: VFile): RootContent | null {
  const attrs = attributes(node, file);
  const children = node.children as RootContent[];
  const el = (hName: string, kids: RootContent[], hProperties: Record<string, unknown> = {}) =>
    ({ type: 'paragraph', data: { hName, hProperties }, children: kids }) as unknown as RootContent;
  if (node.name === 'Figure') {
    const parts: RootContent[] = [];
    if (attrs.src) {
      // remark-images decides how the file is served (Astro's pipeline or public/).
      parts.push({ type: 'image', url: attrs.src, alt: attrs.alt ?? '', position: node.position } as RootContent);
    }
    const caption = inline(children) as RootContent[];
    if (attrs.credit) caption.push(el('span', [{ type: 'text', value: attrs.credit }], { className: ['credit'] }));
    parts.push(el('figcaption', caption));
    return el('figure', parts, { className: ['figure'] });
  }
  if (node.name === 'Quote') {
    const parts: RootContent[] = [el('blockquote', children)];
    if (attrs.by) parts.push(el('figcaption', [{ type: 'text', value: attrs.by }]));
    return el('figure', parts, { className: ['pullquote'] });
  }
  if (node.name === 'Note') {
    const parts: RootContent[] = attrs.title ? [el('p', [{ type: 'text', value: attrs.title }], { className: ['note-title'] })] : [];
    return el('div', [...parts, ...children], { className: ['note'], role: 'note' });
  }
  return null;
}

/** The source of a node, to show it as text. */
function sourceOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, file: VFile): string {
  const { start, end } = node.position ?? { start: {}, end: {} };
  return start.offset !== undefined && end.offset !== undefined ? String(file.value).slice(start.offset, end.offset) : '';
}

/** remark plugin: see the module comment. Problems go to `file.messages` with ruleId "body" (errors) or "shown-as-text" (warnings). */
export function remarkArticleComponents() {
  return (tree: Root, file: VFile) => {
    const asText = (node: RootContent, flow: boolean, what: string): RootContent => {
      file.message(`${what} được hiện như chữ, không chạy; muốn hiện như chữ thì viết \\< hoặc \\{`, { place: node.position, ruleId: 'shown-as-text' });
      const text = { type: 'text', value: sourceOf(node, file) } as const;
      return (flow ? { type: 'paragraph', children: [text] } : text) as RootContent;
    };
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      switch (node.type) {
        case 'mdxjsEsm':
          (parent.children as RootContent[])[index] = asText(node, true, 'dòng import/export');
          return [SKIP, index + 1];
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          (parent.children as RootContent[])[index] = asText(node, node.type === 'mdxFlowExpression', 'biểu thức {…}');
          return [SKIP, index + 1];
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const known = Object.keys(ARTICLE_COMPONENTS);
          if (!node.name || /^[a-z]/.test(node.name)) {
            (parent.children as RootContent[])[index] = asText(node, node.type === 'mdxJsxFlowElement', `thẻ HTML <${node.name ?? ''}>`);
            return [SKIP, index + 1];
          }
          const replacement = known.includes(node.name) ? build(node, file) : null;
          if (!replacement) {
            file.message(
              `không có thành phần <${node.name ?? ''}>; bài dùng được: ${known.map((k) => `<${k}>`).join(', ')}. Muốn hiện '<' như chữ thì viết \\<`,
              { place: node.position, ruleId: 'body' },
            );
            parent.children.splice(index, 1);
            return [SKIP, index];
          }
          (parent.children as RootContent[])[index] = replacement;
          return;
        }
        default:
          return;
      }
    });
  };
}
