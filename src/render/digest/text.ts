import type { Messages } from '../../messages/index.ts';
import { shownItems, type Digest } from '../../../commands/alerts/digest.ts';
import { countsLine, groupHeading, itemLine } from './words.ts';

/** The digest as plain text for a terminal (`--dry-run`) or the CLI preview: same words, no markup. */
export function renderDigestText(digest: Digest, m: Messages): string {
  const out = [m.alerts.title(m.date(digest.runDate))];
  const counts = countsLine(shownItems(digest), m);
  if (counts) out.push(counts);
  for (const group of digest.groups) {
    out.push('', groupHeading(group, m, 'plain'));
    for (const item of group.items) out.push(`  ${itemLine(item, group.actionPlan.number, m, 'plain')}`);
    if (group.deferredCount > 0) out.push(`  ${m.alerts.groupMore(group.deferredCount)}`);
  }
  out.push('');
  if (digest.deferred.length > 0) out.push(m.alerts.deferred(digest.deferred.length));
  out.push(m.alerts.footer);
  return out.join('\n');
}
