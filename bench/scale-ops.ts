import type { Summary } from './stats.ts';

/** What bench/scale-child.ts measures, shared with bench/scale.ts which reports it. */

export const OPERATIONS = {
  show: "answer('13')",
  list: "answer('list')",
  listAfterWrite: "answer('list') right after a write",
  search: "answer('search 防犯')",
  overduePlan: "answer('overdue')",
  history: "answer('history 13')",
  alertDigest: 'alert run: computeDigest (one plan)',
  overdueScan: 'overdue scan, all plans',
} as const;

export type Operation = keyof typeof OPERATIONS;

export interface ScaleChildResult {
  timings: Record<string, Summary>;
  /** RSS once the bot's code is loaded and the database open, before any query. */
  rssAtStartBytes: number;
  /** High-water mark of the whole process (getrusage maxrss). */
  maxRssBytes: number;
  overdueFound: number;
  overdueScanSource: string;
}
