import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../commands/answer.ts';
import { makeContext } from '../../commands/context.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { messagesFor } from '../../src/messages/index.ts';
import { renderText } from '../../src/render/text.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import type { Plan } from '../../src/store/schema.ts';
import { tempDatabase } from '../support/temp-db.ts';

/** The terminal renderer on its own: results of the real handlers, words checked line by line. */

let t: Awaited<ReturnType<typeof tempDatabase>>;
let plan: Plan;
const ja = messagesFor('ja');
const en = messagesFor('en');

const result = async (text: string) =>
  answer(
    text,
    makeContext({
      db: t.db,
      plan,
      now: new Date('2022-07-01T09:00:00+09:00'),
      dueRule: DEFAULT_DUE_DATE_RULE,
      actor: { id: 'cli', isAdmin: true, canOpenForms: false },
    }),
  );

beforeAll(async () => {
  t = await tempDatabase();
  plan = (await findPlan(t.db))!;
});
afterAll(() => t.cleanup());

describe('text renderer', () => {
  it('lays out ⑬ as a table of years with target, actual and status, in display-width columns', async () => {
    const lines = renderText(await result('13'), ja).split('\n');
    expect(lines[0]).toBe('⑬ 施設のＩＣＴ環境の充実');
    const fy2020 = lines.find((l) => l.startsWith('令和2年度'))!;
    expect(fy2020).toMatch(/令和2年度\s+\S+\s+\S+\s+✅/);
    // One row per fiscal year of the plan.
    const rows = lines.filter((l) => /^令和(元|\d)年度 /.test(l));
    expect(rows).toHaveLength(5);
  });

  it('writes English frames with English punctuation', async () => {
    const text = renderText(await result('13'), en);
    expect(text).toContain('FY2020');
    expect(text).not.toContain('：');
  });

  it('answers an error on one line and adds the help hint only to grammar mistakes', async () => {
    const parse = renderText(await result('frobnicate'), ja).split('\n');
    expect(parse).toHaveLength(2);
    expect(parse[1]).toBe(ja.errors.seeHelp);
    const missing = renderText(await result('99'), ja).split('\n');
    expect(missing).toHaveLength(1);
  });

  it('points the CLI to Slack for the figure form', async () => {
    expect(renderText(await result('report 13'), ja)).toBe(ja.errors.cliCannotOpenForms(13));
  });
});
