import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { createTriage } from '../../src/core/triage.js';
import { renderTerminal } from '../../src/cli/terminal.js';
import { formatConfidence, labelled, LABELS } from '../../src/render/labels.js';

describe('French typography', () => {
  it('sets a colon and a percent sign off with a no-break space, as French writes them; other languages do not', () => {
    expect(labelled(LABELS.fr.confidence, 'fr')).toBe('Confiance\u00a0:');
    expect(formatConfidence(0.873, 'fr')).toBe('87\u00a0%');
    expect(labelled(LABELS.en.confidence, 'en')).toBe('Confidence:');
    expect(formatConfidence(0.873, 'de')).toBe('87%');
  });

  it('is what a French card shows', () => {
    const knowledge = loadKnowledge('knowledge');
    const text = renderTerminal(createTriage(knowledge).reply('Le MTA refuse de démarrer sur mkt depuis ce matin'), { knowledge, color: false });
    expect(text).toMatch(/^Module probable\u00a0: MTA/);
    expect(text).toMatch(/Confiance \d+\u00a0% · Langue français/);
    expect(text).toContain('# ⚠ Attention\u00a0: ');
  });
});
