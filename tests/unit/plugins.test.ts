/** The article pipeline on a real processor, compared as whole HTML. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { createParser, createRenderer } from '../../src/plugins/index.ts';

function render(md: string, texts: string[] = []): { html: string; messages: string[]; marks?: number[] } {
  const file = new VFile({ value: md });
  const renderer = createRenderer({ texts });
  const html = String(renderer.stringify(renderer.runSync(createParser().parse(file), file), file));
  return { html, messages: file.messages.map((m) => m.reason), marks: file.data.figureMarks };
}

describe('remarkArticleComponents', () => {
  it('renders <Figure> as a captioned figure, with image and credit when given', () => {
    expect(render('<Figure>\nChi bộ Quân sự giúp nhân dân.\n</Figure>').html).toBe(
      '<figure class="figure"><figcaption>Chi bộ Quân sự giúp nhân dân.</figcaption></figure>',
    );
    expect(render('<Figure src="/anh/1.jpg" alt="Họp chi bộ" credit="Ảnh: An Dương">\nHọp chi bộ.\n</Figure>').html).toBe(
      '<figure class="figure"><img src="/anh/1.jpg" alt="Họp chi bộ" loading="lazy" decoding="async"><figcaption>Họp chi bộ.<span class="credit">Ảnh: An Dương</span></figcaption></figure>',
    );
  });

  it('renders <Quote> as a pull quote with its speaker', () => {
    expect(render('<Quote by="Bí thư - Hoàng Mạnh Phúc">\nLời **mạnh**.\n</Quote>').html).toBe(
      '<figure class="pullquote"><blockquote><p>Lời <strong>mạnh</strong>.</p></blockquote><figcaption>Bí thư - Hoàng Mạnh Phúc</figcaption></figure>',
    );
  });

  it('drops and reports what MDX would execute', () => {
    const { html, messages } = render('Có {x} và <Chart />.\n\nexport const a = 1');
    expect(html).toBe('<p>Có  và .</p>');
    expect(messages).toHaveLength(3);
  });
});

describe('remarkFigureMarks', () => {
  it('marks each phrase once, on word boundaries, with numbered anchors', () => {
    const { html, marks } = render('Có 23 chi bộ và 3 chi bộ; *trên 90%* đạt.', ['3 chi bộ', 'trên 90%', 'không có']);
    expect(html).toBe(
      '<p>Có 23 chi bộ và <mark id="so-lieu-1" class="figure-quote">3 chi bộ</mark>; <em><mark id="so-lieu-2" class="figure-quote">trên 90%</mark></em> đạt.</p>',
    );
    expect(marks).toEqual([0, 1]);
  });

  it('marks two phrases in one text node', () => {
    expect(render('Có 18 chi bộ với 236 đảng viên.', ['236 đảng viên', '18 chi bộ']).html).toBe(
      '<p>Có <mark id="so-lieu-2" class="figure-quote">18 chi bộ</mark> với <mark id="so-lieu-1" class="figure-quote">236 đảng viên</mark>.</p>',
    );
  });
});
