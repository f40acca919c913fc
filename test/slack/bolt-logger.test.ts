import { describe, expect, it } from 'vitest';
import { withoutDetail, withoutPayload } from '../../src/slack/bolt-logger.js';

describe('withoutPayload', () => {
  it.each([
    [['http request body: {"channel":"C1","text":"emails stuck"}'], 'http request body: [payload omitted]'],
    [['ack() call begins (body: {"text":"x"})'], 'ack() call begins (body: [payload omitted]'],
    [['Received a message on the WebSocket: {"envelope_id":"e"}'], 'Received a message on the WebSocket: [payload omitted]'],
    [['Calling ack() - type: events_api, envelope_id: e, data: [1]'], 'Calling ack() - type: events_api, envelope_id: e, data: [payload omitted]'],
    [['Unable to parse: SyntaxError: Unexpected token \'e\', "emails stu"... is not valid JSON'], "Unable to parse: SyntaxError: Unexpected token 'e', [payload omitted]"],
    [['http request failed', 'connect ECONNREFUSED 127.0.0.1:9'], 'http request failed connect ECONNREFUSED 127.0.0.1:9'],
    [['Slack API error: invalid_blocks', { data: { text: 'emails stuck' } }], 'Slack API error: invalid_blocks [payload omitted]'],
    [[new Error('An API error occurred: invalid_blocks')], 'Error: An API error occurred: invalid_blocks'],
    [["apiCall('chat.postMessage') start"], "apiCall('chat.postMessage') start"],
  ])('%j → %j', (parts, expected) => {
    expect(withoutPayload(parts)).toBe(expected);
  });
});

describe('withoutDetail', () => {
  it.each([
    [['bad text: emails stuck on mta@prod since 9'], 'bad text: [detail omitted]'],
    [['must be less than 3001 characters [json-pointer:/blocks/2/text/text]'], 'must be less than 3001 characters [payload omitted]'],
    [['http request failed connect ECONNREFUSED 127.0.0.1:9'], 'http request failed connect ECONNREFUSED 127.0.0.1:9'],
    [['Slack API error: invalid_blocks', { data: { text: 'emails stuck' } }], 'Slack API error: invalid_blocks [payload omitted]'],
    [['Slack API error: invalid_blocks'], 'Slack API error: invalid_blocks'],
    [['odd text: zebrafrost'], 'odd text: [detail omitted]'],
    [['Request verification failed (code: 401, message: signature mismatch)'], 'Request verification failed (code: [detail omitted])'],
    [['Failed to parse and verify the request data: Failed to verify authenticity: signature mismatch'], 'Failed to parse and verify the request data: [detail omitted]'],
  ])('%j → %j', (parts, expected) => {
    expect(withoutDetail(parts)).toBe(expected);
  });
});
