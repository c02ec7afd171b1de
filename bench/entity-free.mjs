// The pages of "The cost of being everywhere": a news article of about 1,100 words that names
// nothing Gloss knows (a local story: no country, capital, organization or official of the
// bundled pack, no acronym, no title before a surname), alone or with 20 small ad-like frames,
// same-origin or cross-origin. The article is written by hand so that it reads like the pages
// Gloss mostly meets: ordinary prose, headings, a figure, a list, a quote, a byline.
//
// The benchmark checks on every run that Gloss marked nothing on these pages; a change to the
// pack that makes a word here a name shows up as a failed check, not as a silent change of cost.

const PARAGRAPHS = [
  ['h2', 'After three wet winters, a river town bets on a wall it hopes it will never need'],
  [
    'p',
    'HARROWGATE FALLS — The first steel panels of the new flood barrier went up along the riverside on Tuesday morning, watched by a small crowd of shopkeepers, retired engineers and children who had been let out of class early for the occasion. The barrier, which will run for almost two kilometres from the old grain mill to the rowing club, is the largest building project the town has undertaken since the bridge was rebuilt half a century ago.',
  ],
  [
    'p',
    'For most of the year the river is a slow, brown ribbon that barely covers the stones below the footbridge. But in each of the last three winters it has climbed over its banks, filled the cellars of the lower streets and closed the market square for days at a time. The worst flood, two years ago, reached the second step of the town hall and left a line of mud on the walls that can still be seen behind the bakery.',
  ],
  [
    'p',
    '"We used to talk about the big flood as something our grandparents saw once," said Margit Ellery, who has run the hardware shop on Quay Lane for twenty-six years. "Now we talk about it every November. I keep sandbags in the back room the way other people keep umbrellas by the door."',
  ],
  ['h3', 'A wall that folds away'],
  [
    'p',
    'The design chosen by the town council is not a permanent wall. Most of the time the barrier will be invisible: a row of low concrete sills set into the pavement, with slots for steel panels that are stored in a depot on the hill. When the river gauge upstream passes a warning level, crews will have about eighteen hours to bolt the panels into place. Engineers say a trained team of forty can close the whole line in under ten hours.',
  ],
  [
    'p',
    '"People did not want to live behind a wall," said Tomas Brandvold, the engineer who led the design team. "They wanted to keep walking along the water, sitting on the steps, fishing off the quay. So we looked for a barrier that is there only on the days when it has to be. The hard part is not the steel. The hard part is making sure that, on a cold night in January, enough people turn up to put it in place."',
  ],
  [
    'figure',
    'Workers lower a steel panel into its sill near the rowing club. The panels weigh about ninety kilograms each and are carried by two people.',
  ],
  ['h3', 'Volunteers, drills and a siren'],
  [
    'p',
    'To make sure that they do, the town has started recruiting volunteers. More than two hundred residents have signed up so far, from sixth-form students to a pair of brothers in their eighties who say they helped fill sandbags during every flood since they were boys. Each volunteer is assigned to a section of the barrier and will take part in two practice drills a year, one in the autumn and one in early spring.',
  ],
  ['h3', 'What it costs, and who pays'],
  [
    'p',
    'The project is expected to cost a little over eleven million, most of it borrowed over thirty years and repaid from a small increase in local property charges. Shop owners on the lower streets will also pay a modest annual fee, which the council has promised to review once the barrier has been tested by a real flood. Insurers, who have raised premiums sharply for riverside buildings, have said they will look again at their prices once the work is finished.',
  ],
  [
    'p',
    "Not everyone is convinced. A group of residents from the upper town, whose homes have never flooded, argued at a public meeting that they should not pay for a barrier that protects other people's cellars. Others worry that the river will simply find a new way round, spilling over the fields upstream or backing up the small stream that runs beneath the churchyard.",
  ],
  [
    'quote',
    'Water always goes somewhere. The question is whether we choose where it goes, or whether it chooses for us.',
  ],
  [
    'p',
    'The engineers say they have planned for that. Two large meadows upstream have been set aside as storage areas, where the river will be allowed to spread out during a flood, and a new set of gates will let the churchyard stream drain into the river once the water has fallen. The farmers who own the meadows will be paid each year for keeping them free of buildings and compensated for any crops lost to the water.',
  ],
  ['h3', 'Life on the lower streets'],
  [
    'p',
    'For the people who live and work along the river, the barrier cannot come soon enough. The cafe at the foot of the footbridge has been closed for a total of seven weeks over the last three winters, and its owner, Ilse Marwood, says she has lost count of the number of times she has carried her chairs and tables up to the flat above the shop. The bookshop next door now keeps its most valuable stock on shelves that start at waist height.',
  ],
  [
    'p',
    '"You learn to read the river," said Marwood, pointing to a row of pencil marks on the door frame, each one labelled with a date. "When it gets to the third stone on the bridge, I start moving the flour. When it gets to the fifth, I call my sister and ask if I can sleep on her sofa."',
  ],
  ['h3', 'What happens next'],
  [
    'p',
    'Work on the barrier is expected to last about eighteen months. The northern section, between the grain mill and the footbridge, should be finished before next winter; the rest will follow in the spring. During the building work the riverside path will be closed in stages, and the Saturday market will move to the car park behind the library for several weeks in the summer.',
  ],
  [
    'list',
    'The northern section, from the grain mill to the footbridge, before the first frosts.|The depot on the hill, with room for every panel and a loading bay for two lorries.|The southern section, from the footbridge to the rowing club, by the end of next spring.|A full drill with every volunteer, once all the sills are in the ground.',
  ],
  [
    'p',
    'For now, the first panels stand in a neat row by the rowing club, gleaming in the weak autumn sun. Children climbed on the sills until a foreman shooed them away, and a man walking his dog stopped to knock on the steel with his knuckles, as if to check that it was real. Across the water, a heron stood motionless in the shallows, apparently unimpressed.',
  ],
  [
    'p',
    '"It is a strange thing to build," said Brandvold, as the crowd began to drift back towards the market square. "If we have done our job well, most people will forget it is there. And on the one night that matters, they will be very glad that it is."',
  ],
];

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function articleBody() {
  const parts = [
    '<header><h1>The town that learned to read its river</h1>',
    '<p class="byline">By Clara Whitcombe, regional correspondent · Updated 14 October, 08:40</p></header>',
  ];
  for (const [kind, text] of PARAGRAPHS) {
    if (kind === 'figure') {
      parts.push(
        `<figure><div class="photo" role="img" aria-label="Photo"></div><figcaption>${escapeHtml(text)}</figcaption></figure>`,
      );
    } else if (kind === 'quote') {
      parts.push(`<blockquote><p>${escapeHtml(text)}</p></blockquote>`);
    } else if (kind === 'list') {
      parts.push(
        `<ul>${text
          .split('|')
          .map((item) => `<li>${escapeHtml(item)}</li>`)
          .join('')}</ul>`,
      );
    } else {
      parts.push(`<${kind}>${escapeHtml(text)}</${kind}>`);
    }
  }
  parts.push('<footer><p>More local news: weather, roads, schools, sport.</p></footer>');
  return parts.join('\n');
}

/** Words of the article, as the benchmark counts words (runs of non-space). */
export const ARTICLE_WORDS = (
  articleBody()
    .replace(/<[^>]+>/g, ' ')
    .match(/\S+/g) ?? []
).length;

const STYLE = `body { font: 17px/1.55 Georgia, serif; max-width: 760px; margin: 2em auto; padding: 0 1em; color: #222; }
.photo { height: 220px; background: #ccd5d8; }
.ads { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 2em; }
.ads iframe { width: 180px; height: 120px; border: 1px solid #ddd; }`;

/**
 * The article, with `frames` ad frames whose address is `frameUrl(i)` below it (`head` goes first
 * in the head, for the page's own instruments).
 */
export function articlePage({ frames = 0, frameUrl = (i) => `/ad.html?slot=${i}`, head = '' } = {}) {
  const ads =
    frames > 0
      ? `<aside class="ads">${Array.from({ length: frames }, (_, i) => `<iframe src="${frameUrl(i)}" title="Advertisement ${i + 1}" loading="eager"></iframe>`).join('')}</aside>`
      : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<title>The town that learned to read its river</title><style>${STYLE}</style></head><body><article>${articleBody()}</article>${ads}</body></html>`;
}

/** One small ad: a label, an image placeholder, a line of copy, no name Gloss knows. */
export function adFrame(slot) {
  const copies = ['Fresh bread, delivered daily', 'Winter tyres: book your fitting', 'Learn to row this spring'];
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:4px;font:12px sans-serif;color:#555}.img{height:60px;background:#e3e3e3}</style></head><body><small>Advertisement</small><div class="img"></div><p>${copies[slot % copies.length]}</p></body></html>`;
}
