import { describe, expect, it } from 'vitest';
import { teamsErrorFields } from '../../src/teams/error-fields.js';

describe('teamsErrorFields', () => {
  it('keeps name, message, code and status only', () => {
    const error = Object.assign(new Error('connector: 503'), { code: 'ECONNRESET', statusCode: 503, request: { headers: { authorization: 'Bearer abc' } } });
    expect(teamsErrorFields(error)).toEqual({ error: 'Error', message: 'connector: 503', code: 'ECONNRESET', status: 503 });
  });

  it('redacts bearer tokens quoted in a message and caps its length', () => {
    const fields = teamsErrorFields(new Error(`failed with Authorization: Bearer eyJhbGciOi.payload.sig ${'x'.repeat(1000)}`));
    expect(fields.message).toContain('Bearer [redacted]');
    expect(fields.message).not.toContain('eyJhbGciOi');
    expect(String(fields.message).length).toBe(500);
  });

  it('describes things thrown that are not errors', () => {
    expect(teamsErrorFields('boom')).toEqual({ error: 'boom' });
  });
});
