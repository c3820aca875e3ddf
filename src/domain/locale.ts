/** The languages the bot speaks: Japanese by default, English on request. */
export type Locale = 'ja' | 'en';
