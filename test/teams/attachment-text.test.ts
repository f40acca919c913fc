import { describe, expect, it } from 'vitest';
import { attachmentText } from '../../src/teams/attachment-text.js';

const connectorCard = (content: unknown) => ({ contentType: 'application/vnd.microsoft.teams.card.o365connector', content: JSON.stringify(content) });

describe('attachmentText', () => {
  it("reads a connector card's title, then each section's activity title, subtitle, text and facts", () => {
    const card = connectorCard({
      '@type': 'MessageCard',
      summary: 'PROBLEM',
      title: 'Zabbix alert',
      sections: [
        {
          activityTitle: 'PROBLEM: wfserver@mkt not responding',
          activitySubtitle: 'app02 since 03:12',
          activityText: 'Trigger fired 3 times',
          facts: [
            { name: 'Severity', value: 'High' },
            { name: 'Host', value: 'app02' },
          ],
          text: 'Workflows stuck in <b>start in progress</b>',
        },
        { title: 'Recent events', text: 'wfserver@mkt restarted at 03:05' },
      ],
    });
    expect(attachmentText(card)).toEqual([
      'Zabbix alert',
      'PROBLEM: wfserver@mkt not responding',
      'app02 since 03:12',
      'Trigger fired 3 times',
      'Workflows stuck in start in progress',
      'Severity: High',
      'Host: app02',
      'Recent events',
      'wfserver@mkt restarted at 03:05',
    ]);
  });

  it("reads an Adaptive Card's text blocks in containers and columns, and each fact as one line", () => {
    const card = {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: {
        type: 'AdaptiveCard',
        body: [
          { type: 'TextBlock', text: 'CRITICAL mta@prod' },
          { type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 'queue 12000' }] }] },
          { type: 'FactSet', facts: [{ title: 'Host', value: 'app01' }, { title: 'Since' }, { title: '', value: '03:12' }] },
        ],
      },
    };
    expect(attachmentText(card)).toEqual(['CRITICAL mta@prod', 'queue 12000', 'Host: app01', 'Since', '03:12']);
  });

  it('reads a hero card, and nothing from what is not a card', () => {
    expect(attachmentText({ contentType: 'application/vnd.microsoft.card.hero', content: { title: 'stat@prod down', subtitle: 'app03', text: ' ' } })).toEqual([
      'stat@prod down',
      'app03',
    ]);
    expect(attachmentText({ content: '{not json' })).toEqual([]);
    expect(attachmentText('text')).toEqual([]);
  });
});
