/** Logs go to operators and into tickets: tokens must never reach them, whatever the level. */
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../src/slack/logger.ts';

describe('the logger', () => {
  it('blanks out configured secrets and anything shaped like a Slack token', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: LogLevel.DEBUG, secrets: ['5ec7e75ec7e7secret'], write: (l) => lines.push(l) });
    logger.debug('signing with 5ec7e75ec7e7secret');
    logger.info({ headers: { Authorization: 'Bearer xoxb-123-456-abcdef' } });
    logger.error(new Error('failed for xapp-1-A0-789-zzz'));
    const all = lines.join('\n');
    expect(all).not.toMatch(/5ec7e75ec7e7secret|xoxb-123|xapp-1-A0/);
    expect(all.match(/\[redacted\]/g)).toHaveLength(3);
  });

  it('writes one line per entry from the chosen level up', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: LogLevel.WARN, write: (l) => lines.push(l) });
    logger.info('hidden');
    logger.warn('shown');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ WARN \[plan-bot\] shown$/);
    logger.setLevel(LogLevel.DEBUG);
    expect(logger.getLevel()).toBe(LogLevel.DEBUG);
  });

  it('leaves the hint "(xoxb-…)" in help texts alone', () => {
    expect(redact('copy the token (xoxb-…)', [])).toBe('copy the token (xoxb-…)');
  });
});
