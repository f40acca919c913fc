import { describe, expect, it } from 'vitest';
import { questionForm } from '../../src/core/question-form.js';

describe('questionForm', () => {
  it('keeps the small words, their pairs and how each sentence starts', () => {
    const form = questionForm('Can I raise the limit? It has stopped since noon.');
    expect(form).toEqual(expect.arrayContaining(['w:can', 'w:i', 'w:the', 'w2:can_i', 'w2:has_stopped', 's:can i', 's:it has', 'q:mark']));
  });

  it('keeps the endings of Korean words and of Japanese sentences', () => {
    expect(questionForm('한도를 바꿀 수 있나요')).toEqual(expect.arrayContaining(['e2:나요', 'e3:있나요']));
    expect(questionForm('上限を変えられますか。')).toEqual(expect.arrayContaining(['je:ますか']));
  });

  it('has no question mark feature for a statement, and nothing for empty text', () => {
    expect(questionForm('the mta stopped')).not.toContain('q:mark');
    expect(questionForm('')).toEqual([]);
  });
});
