import type { CommandResult } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { localName } from '../local.ts';
import { escapeMrkdwn, header, mention, section, type Block, type SlackMessage } from './build.ts';
import { LIMITS, linesToSections } from './limits.ts';

export function ownersMessage(result: Extract<CommandResult, { kind: 'owners' }>, m: Messages): SlackMessage {
  const title = m.owners.title(m.circled(result.actionPlan.number), localName(result.actionPlan.name, result.actionPlan.nameEn, m));
  const blocks: Block[] = [];
  let text = title;
  if (result.change) {
    const { action, userId, changed } = result.change;
    const who = mention(userId);
    text =
      action === 'add'
        ? changed ? m.owners.added(who) : m.owners.alreadyOwner(who)
        : changed ? m.owners.removed(who) : m.owners.notOwner(who);
    blocks.push(section(`${changed ? '✅' : 'ℹ️'} ${text}`));
  }
  blocks.push(header(title));
  if (result.owners.length === 0) blocks.push(section(escapeMrkdwn(m.owners.none)));
  else blocks.push(...linesToSections(result.owners.map((o) => `・${mention(o)}`), LIMITS.blocksPerMessage - blocks.length, m.slack.more));
  return { text, blocks };
}
