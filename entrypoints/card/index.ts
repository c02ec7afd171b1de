// The in-page card's script: loaded into a frame by the background (scripting.executeScript) the
// first time that frame needs a card, into the content script's isolated world, where it leaves
// the module the content script then drives (content/card-loader.ts). Pages that never show a
// card never parse Preact or the card.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardUi } from './card-ui';

export default defineUnlistedScript(() => {
  globalThis.glossCard ??= { create: (ctx, deps) => new CardUi(ctx, deps) };
});
