import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlText } from './html-text';

describe('htmlText', () => {
  it('keeps the article, one paragraph a line, and leaves out scripts, menus and footers', () => {
    const page = `<!doctype html><html><head><title>Ports &amp; power</title>
      <meta property="article:published_time" content="2025-04-09T08:00:00Z"><script>var x = "<p>no</p>";</script></head>
      <body><nav><a>Home</a></nav><header>Site</header>
      <article><h1>Ports agree</h1><p>Rotterdam and <b>Antwerp</b>
      signed&nbsp;it.</p><!-- a comment --><p>De Vries said &ldquo;yes&rdquo; &#8212; twice.<br>Then left.</p>
      <aside>Related</aside><style>p{}</style></article><footer>© Harbour Times</footer></body></html>`;
    expect(htmlText(page)).toEqual({
      title: 'Ports & power',
      date: '2025-04-09',
      text: 'Ports agree\n\nRotterdam and Antwerp signed it.\n\nDe Vries said “yes” — twice. Then left.',
    });
  });

  it('takes <main>, else <body>, where there is no <article>', () => {
    expect(htmlText('<body><nav>Menu</nav><main><p>Chile</p></main><p>Out</p></body>').text).toBe('Chile');
    expect(htmlText('<body><div>Chile</div><div>Peru</div></body>').text).toBe('Chile\n\nPeru');
  });

  it('decodes character references, leaving unknown names as written', () => {
    expect(decodeEntities('&lt;a&gt; &#x41;&#66; &unknown; &#0;')).toBe('<a> AB &unknown; &#0;');
  });
});
