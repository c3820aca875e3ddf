import type { types } from '@slack/bolt';
import { truncateText } from '../truncate.ts';
import { context, section, type Block, type SlackMessage } from './build.ts';

export { truncateText };

/**
 * Block Kit's limits for messages (docs.slack.dev/reference/block-kit). Slack refuses a
 * whole message that breaks one of them (`invalid_blocks`), so an answer that grew with
 * the data would turn into silence; `fitToLimits` is the last step of every renderer.
 *
 * Lengths are measured in UTF-16 code units (`string.length`), which is never less than
 * the character count Slack applies, so a text that passes here passes there.
 */
export const LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  /** Any other text object (context elements included). */
  textObject: 3000,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  /** action_id and block_id. */
  id: 255,
  /**
   * Not documented, but Slack answers `msg_blocks_too_long` once the blocks of one
   * message hold somewhere past ~13,000 characters; stay well below.
   */
  messageBlockText: 12_000,
  /** The fallback `text` is only a notification preview; Slack itself cuts at 40,000. */
  fallbackText: 3000,
} as const;

/**
 * Block Kit's limits for the App Home tab (views.publish): a view holds up to 100 blocks, the
 * per-block limits are those above, and Slack refuses the whole view (`invalid_arguments`)
 * when one is broken. `fitViewBlocks` is the Home renderer's last step.
 */
export const HOME_LIMITS = {
  blocksPerView: 100,
  privateMetadata: 3000,
  callbackId: 255,
} as const;

/** Like `truncateText`, but never leaves half an entity (`&am`) or half a mention (`<@U12`). */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = truncateText(text, max).slice(0, -1);
  return `${cut.replace(/&[a-z]*$/, '').replace(/<[^>]*$/, '')}…`;
}

/**
 * Packs lines into as few mrkdwn sections as the text limit allows, and at most
 * `maxBlocks` blocks; lines that do not fit are summarised by `more(count)` in a
 * context block (which counts towards `maxBlocks`).
 */
export function linesToSections(lines: string[], maxBlocks: number, more: (n: number) => string): Block[] {
  const clamped = lines.map((line) => truncateMrkdwn(line, LIMITS.sectionText));
  // restLength[i]: lines i… joined with newlines, to know whether they all fit in one more section.
  const restLength = new Array<number>(clamped.length + 1).fill(0);
  for (let i = clamped.length - 1; i >= 0; i--) {
    restLength[i] = clamped[i]!.length + (i < clamped.length - 1 ? 1 + restLength[i + 1]! : 0);
  }
  const blocks: Block[] = [];
  let i = 0;
  while (i < clamped.length) {
    if (blocks.length >= maxBlocks - 1 && restLength[i]! > LIMITS.sectionText) {
      // One block left and more than one section to show: say how much was left out.
      blocks.push(context(more(clamped.length - i)));
      return blocks;
    }
    const part = [clamped[i++]!];
    let length = part[0]!.length;
    while (i < clamped.length && length + 1 + clamped[i]!.length <= LIMITS.sectionText) {
      length += 1 + clamped[i]!.length;
      part.push(clamped[i++]!);
    }
    blocks.push(section(part.join('\n')));
  }
  return blocks;
}

/** Every way the message breaks a limit, as readable paths; empty when Slack will take it. */
export function checkLimits(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (message.text.trim() === '') problems.push('text: empty fallback text');
  if (message.text.length > LIMITS.fallbackText) problems.push(`text: ${message.text.length} > ${LIMITS.fallbackText} characters`);
  if (message.blocks.length > LIMITS.blocksPerMessage) {
    problems.push(`blocks: ${message.blocks.length} > ${LIMITS.blocksPerMessage}`);
  }
  const total = message.blocks.reduce((sum, b) => sum + blockTextLength(b), 0);
  if (total > LIMITS.messageBlockText) problems.push(`blocks: ${total} > ${LIMITS.messageBlockText} characters in all`);

  problems.push(...blockProblems(message.blocks));
  return problems;
}

/** Every way single blocks break a limit (lengths, counts), whatever surface carries them. */
function blockProblems(blocks: Block[]): string[] {
  const problems: string[] = [];
  const tooLong = (path: string, text: string | undefined, max: number) => {
    if (text !== undefined && text.length > max) problems.push(`${path}: ${text.length} > ${max} characters`);
  };
  const emptyText = (path: string, text: string | undefined) => {
    if (text !== undefined && text.trim() === '') problems.push(`${path}: empty text`);
  };
  blocks.forEach((block, i) => {
    const at = `blocks[${i}] (${block.type})`;
    tooLong(`${at}.block_id`, block.block_id, LIMITS.id);
    switch (block.type) {
      case 'header':
        tooLong(`${at}.text`, block.text.text, LIMITS.headerText);
        emptyText(`${at}.text`, block.text.text);
        break;
      case 'section':
        if (block.text === undefined && (block.fields ?? []).length === 0) problems.push(`${at}: neither text nor fields`);
        tooLong(`${at}.text`, block.text?.text, LIMITS.sectionText);
        emptyText(`${at}.text`, block.text?.text);
        if ((block.fields ?? []).length > LIMITS.sectionFields) {
          problems.push(`${at}.fields: ${block.fields!.length} > ${LIMITS.sectionFields}`);
        }
        block.fields?.forEach((f, j) => tooLong(`${at}.fields[${j}]`, f.text, LIMITS.fieldText));
        if (block.accessory?.type === 'button') {
          tooLong(`${at}.accessory.text`, block.accessory.text.text, LIMITS.buttonText);
          tooLong(`${at}.accessory.value`, block.accessory.value, LIMITS.buttonValue);
          tooLong(`${at}.accessory.action_id`, block.accessory.action_id, LIMITS.id);
        }
        break;
      case 'context':
        if (block.elements.length > LIMITS.contextElements) {
          problems.push(`${at}.elements: ${block.elements.length} > ${LIMITS.contextElements}`);
        }
        block.elements.forEach((e, j) => {
          if ('text' in e && typeof e.text === 'string') {
            tooLong(`${at}.elements[${j}]`, e.text, LIMITS.textObject);
            emptyText(`${at}.elements[${j}]`, e.text);
          }
        });
        break;
      case 'actions':
        if (block.elements.length > LIMITS.actionsElements) {
          problems.push(`${at}.elements: ${block.elements.length} > ${LIMITS.actionsElements}`);
        }
        block.elements.forEach((e, j) => {
          if (e.type !== 'button') return;
          tooLong(`${at}.elements[${j}].text`, e.text.text, LIMITS.buttonText);
          tooLong(`${at}.elements[${j}].value`, e.value, LIMITS.buttonValue);
          tooLong(`${at}.elements[${j}].action_id`, e.action_id, LIMITS.id);
        });
        break;
      default:
        break;
    }
  });
  return problems;
}

/** Every way a Home tab view breaks a limit; empty when views.publish will take it. */
export function checkViewLimits(view: { blocks: Block[]; private_metadata?: string; callback_id?: string }): string[] {
  const problems: string[] = [];
  if (view.blocks.length > HOME_LIMITS.blocksPerView) problems.push(`blocks: ${view.blocks.length} > ${HOME_LIMITS.blocksPerView}`);
  if ((view.private_metadata?.length ?? 0) > HOME_LIMITS.privateMetadata) problems.push('private_metadata: too long');
  if ((view.callback_id?.length ?? 0) > HOME_LIMITS.callbackId) problems.push('callback_id: too long');
  problems.push(...blockProblems(view.blocks));
  return problems;
}

/**
 * Brings a view's blocks inside the limits: every text clamped, and past `maxBlocks` the
 * blocks from the end dropped and `omitted(n)` said in their place. Renderers budget their
 * blocks themselves; this is the guard that keeps a surprise from emptying the tab.
 */
export function fitViewBlocks(blocks: Block[], omitted: (n: number) => string, maxBlocks: number = HOME_LIMITS.blocksPerView): Block[] {
  const clamped = blocks.flatMap(clampBlock);
  if (clamped.length <= maxBlocks) return clamped;
  const kept = clamped.slice(0, maxBlocks - 1);
  return [...kept, context(omitted(clamped.length - kept.length))];
}

/**
 * Brings any message inside the limits: clamps every text, splits over-full field
 * lists, and when there are too many blocks or too much text in all, drops blocks from
 * the end (keeping a closing actions block, so the buttons survive) and says so.
 */
export function fitToLimits(message: SlackMessage, omitted: (n: number) => string): SlackMessage {
  const blocks = message.blocks.flatMap(clampBlock);
  const trailing = blocks.at(-1)?.type === 'actions' ? [blocks.pop()!] : [];
  const reserve = trailing.reduce((sum, b) => sum + blockTextLength(b), 0);

  let kept = blocks;
  const fits = (list: Block[], extra: number) =>
    list.length + trailing.length + extra <= LIMITS.blocksPerMessage &&
    list.reduce((sum, b) => sum + blockTextLength(b), 0) + reserve <= LIMITS.messageBlockText - (extra ? 200 : 0);
  if (!fits(kept, 0)) {
    // Room for the notice itself: one block and a short line of text.
    kept = [...blocks];
    while (kept.length > 0 && !fits(kept, 1)) kept.pop();
    kept.push(context(omitted(blocks.length - kept.length)));
  }
  return {
    text: truncateText(message.text.trim() === '' ? '—' : message.text, LIMITS.fallbackText),
    blocks: [...kept, ...trailing],
  };
}

function clampBlock(block: Block): Block[] {
  switch (block.type) {
    case 'header':
      return [{ ...block, text: { ...block.text, text: truncateText(block.text.text, LIMITS.headerText) } }];
    case 'section': {
      const text = block.text ? { ...block.text, text: clampText(block.text, LIMITS.sectionText) } : undefined;
      const fields = block.fields?.map((f) => ({ ...f, text: clampText(f, LIMITS.fieldText) }));
      const accessory =
        block.accessory?.type === 'button'
          ? { ...block.accessory, text: { ...block.accessory.text, text: truncateText(block.accessory.text.text, LIMITS.buttonText) } }
          : block.accessory;
      if (!fields || fields.length <= LIMITS.sectionFields) {
        return [{ ...block, ...(text ? { text } : {}), ...(fields ? { fields } : {}), ...(accessory ? { accessory } : {}) }];
      }
      // Two-column fields read row by row, so splitting after an even count keeps rows whole.
      const out: Block[] = [];
      for (let i = 0; i < fields.length; i += LIMITS.sectionFields) {
        const part = fields.slice(i, i + LIMITS.sectionFields);
        out.push(
          i === 0
            ? { ...block, ...(text ? { text } : {}), fields: part }
            : { type: 'section', fields: part },
        );
      }
      return out;
    }
    case 'context': {
      const elements = block.elements
        .slice(0, LIMITS.contextElements)
        .map((e) => ('text' in e && typeof e.text === 'string' ? { ...e, text: clampText(e as types.TextObject, LIMITS.textObject) } : e));
      return [{ ...block, elements }];
    }
    case 'actions': {
      const elements = block.elements.slice(0, LIMITS.actionsElements).map((e) =>
        e.type === 'button'
          ? { ...e, text: { ...e.text, text: truncateText(e.text.text, LIMITS.buttonText) } }
          : e,
      );
      return [{ ...block, elements }];
    }
    default:
      return [block];
  }
}

function clampText(object: types.TextObject, max: number): string {
  return object.type === 'mrkdwn' ? truncateMrkdwn(object.text, max) : truncateText(object.text, max);
}

/** Characters of text a block carries, for the whole-message budget. */
export function blockTextLength(block: Block): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((sum, f) => sum + f.text.length, 0);
    case 'context':
      return block.elements.reduce((sum, e) => sum + ('text' in e && typeof e.text === 'string' ? e.text.length : 0), 0);
    case 'actions':
      return block.elements.reduce((sum, e) => sum + (e.type === 'button' ? e.text.text.length + (e.value?.length ?? 0) : 0), 0);
    default:
      return 0;
  }
}
