import type { FigureStatus } from '../domain/status.ts';

/** The same in every language, so kept apart from the words. */
export const STATUS_SYMBOL: Record<FigureStatus, string> = {
  achieved: '✅',
  missed: '❌',
  pending: '⏳',
  overdue: '⚠️',
  no_target: '➖',
};
