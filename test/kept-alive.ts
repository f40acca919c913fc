import { request } from 'node:http';

/** A POST over a kept-alive connection, to see what the server says about that connection. */
export function postKeptAlive(url: string, body: string, contentType: string): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: 'POST', headers: { 'content-type': contentType, connection: 'keep-alive' } }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
    });
    // The server may close before it has read the whole body: what matters is its answer.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(body);
  });
}
