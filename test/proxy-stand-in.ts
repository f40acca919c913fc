import { Agent, createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** A loopback forward proxy, recording each request it relays: `POST http://127.0.0.1:…/api/chat.postMessage` or `CONNECT host:port`. */
export interface ProxyStandIn {
  url: string;
  relayed: Array<{ line: string; proxyAuthorization?: string }>;
  /** Set: a CONNECT is recorded and then left unanswered, like a proxy whose far side never answers. */
  hangTunnels: boolean;
  close(): Promise<void>;
}

export async function startProxyStandIn(): Promise<ProxyStandIn> {
  const relayed: ProxyStandIn['relayed'] = [];
  // Its own agent: the process under test may have pointed Node's global agent at this very proxy.
  const direct = new Agent();
  const sockets = new Set<Socket>();
  const note = (line: string, auth: string | string[] | undefined) => relayed.push({ line, ...(typeof auth === 'string' && { proxyAuthorization: auth }) });
  const server: Server = createServer((req, res) => {
    // A proxied plain-HTTP request names its whole target: http://host:port/path.
    note(`${req.method} ${req.url}`, req.headers['proxy-authorization']);
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = request({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers, agent: direct }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  const state = { hangTunnels: false };
  server.on('connect', (req, client: Socket, head: Buffer) => {
    note(`CONNECT ${req.url}`, req.headers['proxy-authorization']);
    if (state.hangTunnels) return;
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    relayed,
    get hangTunnels() {
      return state.hangTunnels;
    },
    set hangTunnels(value: boolean) {
      state.hangTunnels = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
