import { en } from './en.ts';
import { ja, type Messages } from './ja.ts';

export type Locale = 'ja' | 'en';
export type { Messages };

export function messagesFor(locale: Locale): Messages {
  return locale === 'en' ? en : ja;
}
