import { describe, expect, it } from 'vitest';
import { teamsErrorFields } from '../../src/teams/error-fields.js';

describe('teamsErrorFields', () => {
  it('keeps name, message, code and status only', () => {
    const error = Object.assign(new Error('connector unavailable'), { code: 'ECONNRESET', statusCode: 503, request: { headers: { authorization: 'Bearer abc' } } });
    expect(teamsErrorFields(error)).toEqual({ error: 'Error', message: 'connector unavailable', code: 'ECONNRESET', status: 503 });
  });

  it("keeps the connector's words but not what they quote of the activity sent", () => {
    const quoting = Object.assign(new Error('Bad activity: text "zebrafrost mta is down" is invalid'), { code: 'BadArgument', statusCode: 400 });
    expect(teamsErrorFields(quoting)).toEqual({ error: 'Error', message: 'Bad activity [detail omitted]', code: 'BadArgument', status: 400 });
    const json = Object.assign(new Error('{"error":{"message":"zebrafrost"}}'), { statusCode: 400 });
    expect(teamsErrorFields(json).message).toBe('[detail omitted]');
  });

  it('keeps the whole message of an error of our own, which has no HTTP status', () => {
    expect(teamsErrorFields(new TypeError("Cannot read properties of null (reading 'type')")).message).toBe("Cannot read properties of null (reading 'type')");
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
