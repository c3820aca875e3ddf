import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { Routes } from '../../src/slack/routes.ts';

/** The listener table every request is routed through (the Slack door tests run it for real). */
describe('Routes', () => {
  const ran: string[] = [];
  const listener = (name: string) => async () => {
    ran.push(name);
  };
  const routes = new Routes();
  routes.command('/plan', listener('command /plan'));
  routes.action('record_figure', listener('action record_figure'));
  routes.view('figure_form', listener('view figure_form'));
  routes.event('app_home_opened', listener('event app_home_opened'));

  const route = async (body: unknown): Promise<string> => {
    ran.length = 0;
    let passedOn = false;
    const args = { body, next: async () => void (passedOn = true) } as unknown as AnyMiddlewareArgs & AllMiddlewareArgs;
    await routes.middleware(args);
    return passedOn ? 'passed on' : (ran[0] ?? 'nothing');
  };

  it('finds each kind of request by its name or id', async () => {
    expect(await route({ command: '/plan', text: '13' })).toBe('command /plan');
    expect(await route({ type: 'block_actions', actions: [{ action_id: 'record_figure' }] })).toBe('action record_figure');
    expect(await route({ type: 'view_submission', view: { callback_id: 'figure_form' } })).toBe('view figure_form');
    expect(await route({ type: 'event_callback', event: { type: 'app_home_opened' } })).toBe('event app_home_opened');
  });

  it('passes on what no listener is for, and never mistakes one kind for another', async () => {
    expect(await route({ command: '/other', text: '' })).toBe('passed on');
    expect(await route({ type: 'block_actions', actions: [] })).toBe('passed on');
    expect(await route({ type: 'block_actions', actions: [{ action_id: 'figure_form' }] })).toBe('passed on');
    expect(await route({ type: 'view_closed', view: { callback_id: 'figure_form' } })).toBe('passed on');
    expect(await route({ type: 'event_callback', event: { type: 'record_figure' } })).toBe('passed on');
    expect(await route({ type: 'block_actions' })).toBe('passed on');
    expect(await route({})).toBe('passed on');
  });

  it('refuses a second listener for the same id', () => {
    expect(() => routes.action('record_figure', listener('again'))).toThrow(/two listeners for the action record_figure/);
    // The same id in another kind is another request.
    expect(() => routes.view('record_figure', listener('a view'))).not.toThrow();
  });
});
