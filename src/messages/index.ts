import { en } from './en.ts';
import { ja, type Messages } from './ja.ts';

import type { Locale } from '../domain/locale.ts';

export type { Locale };
export type { Messages };

export function messagesFor(locale: Locale): Messages {
  return locale === 'en' ? en : ja;
}
