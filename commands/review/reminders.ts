import { civilDateInTokyo, type CivilDate } from '../../src/domain/fiscal-year.ts';
import { latestBy, membersYetToGrade, reminderDue } from '../../src/domain/review.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { claimReminder, listAssessments, listOpenReviews, releaseReminder } from '../../src/store/reviews.ts';
import { currentCommittee } from './common.ts';
import { LOCAL_WORKSPACE } from '../../src/store/workspaces.ts';
import { readSnapshot } from './snapshot.ts';

/**
 * The reminder before a meeting: a week before the meeting date, each member who has not yet
 * graded every action plan the engine could grade gets one direct message, and only that
 * member: nobody is named anywhere else. Claimed before sending, so two runs never send twice;
 * a send that fails gives the claim back for the next run.
 */

export interface ReviewReminder {
  memberId: string;
  fiscalYear: number;
  meetingDate: CivilDate;
  /** Action plans still without this member's grade. */
  owed: number;
  total: number;
}

/** Delivers one reminder (a Slack DM); throws when it could not. */
export type SendReminder = (reminder: ReviewReminder) => Promise<void>;

export interface ReminderRun {
  sent: ReviewReminder[];
  failed: { reminder: ReviewReminder; error: unknown }[];
}

export async function runReviewReminders(options: {
  db: PlanDb;
  /** Default: the token mode's workspace. */
  workspace?: string;
  committee: readonly string[];
  now: Date;
  send: SendReminder;
}): Promise<ReminderRun> {
  const { db, now } = options;
  const today = civilDateInTokyo(now);
  const run: ReminderRun = { sent: [], failed: [] };
  const workspace = options.workspace ?? LOCAL_WORKSPACE;
  const members = await currentCommittee(db, workspace, options.committee);
  for (const review of await listOpenReviews(db, workspace)) {
    if (!reminderDue(review.meetingDate, today)) continue;
    const snapshot = readSnapshot(review.snapshot, review.id);
    const gradable = snapshot.actionPlans.filter((ap) => ap.grade !== null).map((ap) => ap.id);
    const grades = latestBy(await listAssessments(db, review.id), (a) => `${a.actionPlanId}\u0000${a.memberId}`);
    for (const { memberId, owed } of membersYetToGrade(members, gradable, grades)) {
      const reminder: ReviewReminder = {
        memberId,
        fiscalYear: review.fiscalYear,
        meetingDate: review.meetingDate!,
        owed,
        total: gradable.length,
      };
      if (!(await claimReminder(db, { reviewId: review.id, memberId, now }))) continue;
      try {
        await options.send(reminder);
        run.sent.push(reminder);
      } catch (error) {
        await releaseReminder(db, { reviewId: review.id, memberId });
        run.failed.push({ reminder, error });
      }
    }
  }
  return run;
}
