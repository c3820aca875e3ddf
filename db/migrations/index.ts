import type { Migration } from 'kysely';
import * as plans from './2026-11-27-01-plans.ts';
import * as alertLedger from './2026-11-27-02-alert-ledger.ts';
import * as revisionRequestKey from './2026-11-27-03-revision-request-key.ts';
import * as signedRequest from './2026-11-30-12-01-signed-request.ts';
import * as grading from './2026-11-30-13-01-grading.ts';
import * as planClosure from './2026-11-30-13-02-plan-closure.ts';
import * as planSourceDate from './2026-11-30-13-03-plan-source-date.ts';
import * as reminderLadder from './2026-11-30-17-reminder-ladder.ts';
import * as review from './2026-11-30-15-01-review.ts';
import * as writeCounter from './2026-11-30-18-01-write-counter.ts';
import * as workspaces from './2026-11-30-18-02-workspaces.ts';

// Listed by hand rather than read from the folder: the set of migrations is then
// part of the type-checked program and works the same under tsx, vitest and a bundle.
export const migrations: Record<string, Migration> = {
  '2026-11-27-01-plans': plans,
  '2026-11-27-02-alert-ledger': alertLedger,
  '2026-11-27-03-revision-request-key': revisionRequestKey,
  '2026-11-30-12-01-signed-request': signedRequest,
  '2026-11-30-13-01-grading': grading,
  '2026-11-30-13-02-plan-closure': planClosure,
  '2026-11-30-13-03-plan-source-date': planSourceDate,
  '2026-11-30-17-reminder-ladder': reminderLadder,
  '2026-11-30-15-01-review': review,
  '2026-11-30-18-01-write-counter': writeCounter,
  '2026-11-30-18-02-workspaces': workspaces,
};
