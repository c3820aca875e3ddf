/**
 * The guard that keeps answers inside Block Kit's limits, fed data far larger than the
 * 4th plan: a future plan, a long narrative or a broad search must shorten the answer,
 * never make Slack refuse it.
 */
import { describe, expect, it } from 'vitest';
import type { ActionPlanSummary, CommandResult, HistoryEntry, IndicatorView, OverdueGroup, YearView } from '../../../commands/results.ts';
import { ja } from '../../../src/messages/ja.ts';
import { context, section, type SlackMessage } from '../../../src/render/blocks/build.ts';
import { renderMessage } from '../../../src/render/blocks/index.ts';
import { checkLimits, fitToLimits, LIMITS, linesToSections, truncateMrkdwn, truncateText } from '../../../src/render/blocks/limits.ts';
import { RECORD_FIGURE_ACTION_ID, SHOW_CHART_ACTION_ID } from '../../../src/render/blocks/ids.ts';
import { UNGRADED, UNGRADED_YEAR } from '../../support/results.ts';

const long = (n: number, unit = '長') => unit.repeat(n);

function years(): YearView[] {
  return [2019, 2020, 2021, 2022, 2023].map((fiscalYear) => ({
    fiscalYear,
    target: 123456789.5,
    actual: fiscalYear < 2021 ? 987654321.25 : null,
    provisional: false,
    status: fiscalYear < 2021 ? 'achieved' : 'overdue',
    dueDate: `${fiscalYear + 1}-06-30`,
    beforeEvaluation: false,
    grade: UNGRADED_YEAR,
    note: long(300, '記'),
    noteEn: null,
    corrected: false,
    targetRevised: false,
  }));
}

function indicator(i: number): IndicatorView {
  return {
    id: i,
    name: `${long(400)}<&>${i}`,
    nameEn: null,
    kind: 'count',
    unit: long(40, '単'),
    unitEn: null,
    noteEn: null,
    direction: i % 2 ? 'higher_is_better' : 'lower_is_better',
    comparator: '以上',
    note: Array.from({ length: 15 }, (_, j) => `注${j} ${long(300)}`).join('\n'),
    years: years(),
    latest: { fiscalYear: 2020, target: 1, actual: 2, rate: 2 },
    status: 'overdue',
  };
}

const hugePlan: Extract<CommandResult, { kind: 'action_plan' }> = {
  kind: 'action_plan',
  asOf: '2024-08-01',
  share: true,
  plan: {
    number: 13,
    name: long(300),
    nameEn: null,
    policy: { number: 2, name: long(500), nameEn: null },
    theme: long(500),
    themeEn: null,
    grading: UNGRADED,
    narrative: long(20_000),
    narrativeFiscalYear: 2020,
    indicators: Array.from({ length: 60 }, (_, i) => indicator(i)),
    owners: Array.from({ length: 40 }, (_, i) => `U${String(i).padStart(8, '0')}`),
    status: 'overdue',
  },
};

function summary(n: number): ActionPlanSummary {
  return {
    number: n,
    name: long(200),
    nameEn: null,
    policy: { number: 1, name: 'p', nameEn: null },
    theme: long(100),
    themeEn: null,
    status: 'missed',
    indicatorCount: 1,
    grading: UNGRADED,
  };
}

describe('a much larger action plan than any in the 4th plan', () => {
  const message = renderMessage(hugePlan, ja, { userId: 'U0STAFF' });

  it('stays inside every limit', () => {
    expect(checkLimits(message)).toEqual([]);
  });

  it('keeps the record button and says how much was left out', () => {
    const last = message.blocks.at(-1)!;
    expect(last).toMatchObject({
      type: 'actions',
      elements: [
        { action_id: RECORD_FIGURE_ACTION_ID, value: '13' },
        { action_id: SHOW_CHART_ACTION_ID, value: '13' },
      ],
    });
    const notice = message.blocks.at(-2)!;
    expect(notice.type).toBe('context');
    expect(JSON.stringify(notice)).toMatch(/…ほか\d+項目は表示しきれませんでした。/);
  });

  it('escapes what came from the database', () => {
    expect(JSON.stringify(message.blocks)).toContain('&lt;&amp;&gt;0');
  });
});

describe.each([
  ['a list of 500 action plans', { kind: 'action_plan_list', scope: { kind: 'all' }, items: Array.from({ length: 500 }, (_, i) => summary(i + 1)), asOf: '2024-08-01', share: false }],
  [
    'overdue figures in 1,000 action plans',
    {
      kind: 'overdue',
      asOf: '2024-08-01',
      share: false,
      closed: null,
      figureCount: 5000,
      groups: Array.from({ length: 1000 }, (_, i): OverdueGroup => ({
        actionPlan: { number: i + 1, name: long(100), nameEn: null },
        count: 5,
        fiscalYears: [2019, 2021, 2022, 2023],
        oldestDueDate: '2020-06-30',
        daysLate: 1493,
      })),
    },
  ],
  [
    '2,000 revisions',
    {
      kind: 'history',
      share: false,
      actionPlan: { number: 13, name: 'x', policy: { number: 2, name: 'p' }, theme: 't' },
      entries: Array.from({ length: 2000 }, (_, i): HistoryEntry => ({
        indicatorName: `指標${Math.floor(i / 100)}`,
        unit: '回',
        fiscalYear: 2019 + (i % 5),
        value: i,
        provisional: false,
        recordedBy: 'U0STAFF',
        recordedAt: '2024-07-01T00:00:00Z',
        source: 'slack',
        note: long(200),
        current: i % 2 === 0,
        correction: i % 3 === 0 ? long(200) : null,
      })),
      targetRevisions: [],
    },
  ],
  [
    '1,000 owners',
    {
      kind: 'owners',
      actionPlan: { number: 13, name: 'x', policy: { number: 2, name: 'p' }, theme: 't' },
      owners: Array.from({ length: 1000 }, (_, i) => `U${String(i).padStart(10, '0')}`),
      change: null,
    },
  ],
] as Array<[string, CommandResult]>)('%s', (_what, result) => {
  it('fits in one message, saying what did not', () => {
    const message = renderMessage(result, ja);
    expect(checkLimits(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toMatch(/…ほか\d+(件|項目)は表示しきれませんでした。/);
  });
});

describe('truncation', () => {
  it('cuts to the limit with an ellipsis, never inside a surrogate pair', () => {
    expect(truncateText('abc', 3)).toBe('abc');
    expect(truncateText('abcd', 3)).toBe('ab…');
    const emoji = '🎉'.repeat(10);
    const cut = truncateText(emoji, 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe('🎉🎉…');
  });

  it('never leaves half an entity or half a mention in mrkdwn', () => {
    expect(truncateMrkdwn('ab &amp; cd', 6)).toBe('ab …');
    expect(truncateMrkdwn('hi <@U0123|name> there', 8)).toBe('hi …');
  });
});

describe('packing lines into sections', () => {
  it('puts lines together up to the section text limit', () => {
    const lines = Array.from({ length: 10 }, () => long(1000, 'x'));
    const blocks = linesToSections(lines, 50, (n) => `more ${n}`);
    expect(blocks).toHaveLength(5);
    expect(checkLimits({ text: 't', blocks })).toEqual([]);
  });

  it('summarises the lines that do not fit in the blocks it may use', () => {
    const lines = Array.from({ length: 100 }, () => long(1500, 'x'));
    const blocks = linesToSections(lines, 5, (n) => `more ${n}`);
    expect(blocks).toHaveLength(5);
    expect(blocks.at(-1)).toEqual(context('more 96'));
  });

  it('uses the last block for lines when they all fit in it', () => {
    const blocks = linesToSections(['a', 'b', 'c'], 1, (n) => `more ${n}`);
    expect(blocks).toEqual([section('a\nb\nc')]);
  });
});

describe('checkLimits', () => {
  it('names each broken limit', () => {
    const message: SlackMessage = {
      text: '',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: long(151) } },
        { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'f' })) },
        context(...Array.from({ length: 11 }, () => 'c')),
        ...Array.from({ length: 48 }, () => section('s')),
      ],
    };
    const problems = checkLimits(message);
    expect(problems).toEqual(
      expect.arrayContaining([
        'text: empty fallback text',
        `blocks: 51 > ${LIMITS.blocksPerMessage}`,
        'blocks[0] (header).text: 151 > 150 characters',
        'blocks[1] (section).fields: 11 > 10',
        'blocks[2] (context).elements: 11 > 10',
      ]),
    );
    expect(checkLimits(fitToLimits(message, (n) => `omitted ${n}`))).toEqual([]);
  });
});
