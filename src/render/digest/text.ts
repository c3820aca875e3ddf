import type { Messages } from '../../messages/index.ts';
import { shownItems, type Digest } from '../../../commands/alerts/digest.ts';
import { countsLine, planCountsLine } from './words.ts';

/** The digest as plain text for a terminal (`--dry-run`) or the CLI preview: same counts, no markup. */
export function renderDigestText(digest: Digest, m: Messages): string {
  const out = [m.alerts.title(m.date(digest.runDate))];
  const counts = countsLine(shownItems(digest), m);
  if (counts) out.push(counts);
  if (digest.groups.length > 0) out.push('');
  for (const group of digest.groups) out.push(planCountsLine(group, m, 'plain'));
  out.push('');
  if (digest.deferred.length > 0) out.push(m.alerts.deferred(digest.deferred.length));
  out.push(m.reminders.digest.privacy, m.alerts.footer);
  return out.join('\n');
}
