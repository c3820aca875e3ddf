import type { PlanGrading, YearView } from '../../commands/results.ts';

/** Neutral grading fields for hand-built result objects, where a test is about something else. */
export const UNGRADED: PlanGrading = {
  scheme: 'abcd',
  latest: null,
  previous: null,
  trend: null,
  reason: 'no_actual',
  missingYears: [],
  closed: false,
};
export const UNGRADED_YEAR: YearView['grade'] = { met: null, achievement: null, grade: null, reason: 'no_actual' };
