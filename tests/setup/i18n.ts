// Vitest setup (vitest.config.ts): the fake browser has no i18n; it answers from the English
// messages, as the browser does for an English user.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../public/_locales/en/messages.json';
import { createGetMessage, type Messages } from './chrome-i18n';

const i18n = fakeBrowser.i18n as unknown as {
  getMessage: (name: string, substitutions?: string | string[]) => string;
  getUILanguage: () => string;
};
i18n.getMessage = createGetMessage(messages as Messages, fakeBrowser.runtime.id);
i18n.getUILanguage = () => 'en';
