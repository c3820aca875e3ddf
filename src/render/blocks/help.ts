import type { Messages } from '../../messages/index.ts';
import { usageLines } from '../describe.ts';
import { context, header, section, type SlackMessage } from './build.ts';

export function helpMessage(m: Messages): SlackMessage {
  const usage = usageLines(m).map(([example, what]) => `${asCode(example)}　${what}`);
  return {
    text: m.help.title,
    blocks: [header(m.help.title), section(m.help.intro), section(usage.join('\n')), context(m.help.share, m.help.statusLegend)],
  };
}

/** The usage column with each `/plan …` form as code: "/plan  or  /plan list" → "`/plan` or `/plan list`". */
export function asCode(usage: string): string {
  return usage
    .split(/\s{2,}/)
    .map((part) => (part.startsWith('/') ? `\`${part}\`` : part))
    .join(' ');
}
