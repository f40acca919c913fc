import type { AddressInfo } from 'node:net';
// ws arrives with botbuilder; it plays Slack's Socket Mode endpoint here.
import WebSocket from 'ws';

export interface SocketStandIn {
  url: string;
  /** Sends an envelope to the connected bot and resolves with its acknowledgement. */
  deliver(type: string, payload: unknown): Promise<{ envelope_id: string; payload?: Record<string, any> }>;
  close(): Promise<void>;
}

/** Slack's side of a Socket Mode connection: says hello, pushes envelopes, collects acks. */
export async function startSocketStandIn(): Promise<SocketStandIn> {
  const server = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  let socket: WebSocket | undefined;
  const acks = new Map<string, (ack: { envelope_id: string; payload?: Record<string, any> }) => void>();
  const connected = new Promise<void>((resolve) => {
    server.on('connection', (ws) => {
      socket = ws;
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as { envelope_id: string };
        acks.get(ack.envelope_id)?.(ack);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in' }, connection_info: { app_id: 'A0CAMPAIGN' } }));
      resolve();
    });
  });
  let envelopes = 0;
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    async deliver(type, payload) {
      await connected;
      const envelopeId = `env-${(envelopes += 1)}`;
      const acked = new Promise<{ envelope_id: string; payload?: Record<string, any> }>((resolve) => acks.set(envelopeId, resolve));
      socket?.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
      return acked;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
