import type { CommandContext } from '../context.ts';
import type { CommitteeCommand, ReviewCommand } from '../grammar.ts';
import type { CommandResult } from '../results.ts';
import { manageCommittee } from './committee.ts';
import { agreeGrade, closeReview } from './decide.ts';
import { openReview } from './open.ts';
import { listAllReviews, reviewSheet, reviewSummary } from './read.ts';
import { reviseTargetCommand } from './targets.ts';

/** The `review` and `committee` verbs, one handler per sub-form. */
export async function runReview(ctx: CommandContext, command: ReviewCommand | CommitteeCommand): Promise<CommandResult> {
  if (command.verb === 'committee') return manageCommittee(ctx, command);
  switch (command.action) {
    case 'list':
      return listAllReviews(ctx);
    case 'summary':
      return reviewSummary(ctx, command.fiscalYear, command.page);
    case 'sheet':
      return reviewSheet(ctx, command.fiscalYear, command.number);
    case 'open':
      return openReview(ctx, command);
    case 'close':
      return closeReview(ctx, command);
    case 'agree':
      return agreeGrade(ctx, command);
    case 'target':
      return reviseTargetCommand(ctx, command);
  }
}
