import { SLACK_LIMITS } from '../../src/render/limits.js';
import type { SlackMessage } from '../../src/slack/blocks.js';

/** Every Block Kit budget a message can break, as readable problems (empty when it is within all of them). */
export function limitProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check(message.blocks.length <= SLACK_LIMITS.blocks, `${message.blocks.length} blocks`);
  check(message.text.length <= SLACK_LIMITS.fallbackText, `fallback text ${message.text.length} chars`);
  message.blocks.forEach((block, i) => {
    if (block.type === 'header') check(block.text.text.length <= SLACK_LIMITS.headerText, `header ${i}: ${block.text.text.length} chars`);
    if (block.type === 'section') {
      check(block.text.text.length <= SLACK_LIMITS.sectionText, `section ${i}: ${block.text.text.length} chars`);
      if (block.accessory) check(block.accessory.text.text.length <= SLACK_LIMITS.buttonText, `section ${i}: accessory text too long`);
    }
    if (block.type === 'context') {
      check(block.elements.length <= SLACK_LIMITS.contextElements, `context ${i}: ${block.elements.length} elements`);
      for (const el of block.elements) check(el.text.length <= SLACK_LIMITS.sectionText, `context ${i}: element too long`);
    }
    if (block.type === 'actions') {
      check(block.elements.length <= SLACK_LIMITS.actionElements, `actions ${i}: ${block.elements.length} elements`);
      const ids = block.elements.map((b) => b.action_id);
      check(new Set(ids).size === ids.length, `actions ${i}: duplicate action_id in ${ids.join(',')}`);
      for (const b of block.elements) {
        check(b.text.text.length <= SLACK_LIMITS.buttonText, `actions ${i}: button text ${b.text.text.length} chars`);
        check((b.value ?? '').length <= SLACK_LIMITS.actionValue, `actions ${i}: value too long`);
        check(b.url === undefined || b.url.length <= 3000, `actions ${i}: url too long`);
      }
    }
  });
  const blockIds = message.blocks.flatMap((b) => ('block_id' in b && b.block_id ? [b.block_id] : []));
  check(new Set(blockIds).size === blockIds.length, `duplicate block_id in ${blockIds.join(',')}`);
  return problems;
}

/** Every mrkdwn string in a message, where Slack would act on `<…>` control sequences. */
export function mrkdwnTexts(message: SlackMessage): string[] {
  const texts = [message.text];
  for (const block of message.blocks) {
    if (block.type === 'section') texts.push(block.text.text);
    if (block.type === 'context') texts.push(...block.elements.map((e) => e.text));
  }
  return texts;
}
