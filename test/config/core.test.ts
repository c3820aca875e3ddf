import { describe, expect, it } from 'vitest';
import { ConfigError, loadCoreConfig } from '../../src/config/core.ts';

describe('PLAN_COMMITTEE', () => {
  it('reads comma-separated Slack user ids, blanks and repeats dropped, none by default', () => {
    expect(loadCoreConfig({ PLAN_COMMITTEE: ' U0MEMBER1, W0MEMBER2,,U0MEMBER1 ' }).committee).toEqual(['U0MEMBER1', 'W0MEMBER2']);
    expect(loadCoreConfig({}).committee).toEqual([]);
    expect(loadCoreConfig({ PLAN_COMMITTEE: '  ' }).committee).toEqual([]);
  });

  it('refuses what is not a user id, naming the variable and the value', () => {
    expect(() => loadCoreConfig({ PLAN_COMMITTEE: 'U0MEMBER1,@suzuki' })).toThrow(ConfigError);
    expect(() => loadCoreConfig({ PLAN_COMMITTEE: 'U0MEMBER1,@suzuki' })).toThrow(
      'PLAN_COMMITTEE "@suzuki" is not a Slack user id (like U0123ABCD); separate ids with commas',
    );
  });

  it('reads PLAN_ADMINS the same way', () => {
    expect(loadCoreConfig({ PLAN_ADMINS: 'U0ADMIN, U0ADMIN' }).admins).toEqual(['U0ADMIN']);
  });
});
