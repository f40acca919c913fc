// The NLP.js counterpart of `npm start`: an HTTP server that loads the saved model, answers GET /healthz
// and POST /ask ({"text"}), the least an NLP.js bot's server does.
import { createServer } from 'node:http';
import { classify, loadNlp } from './nlp.mjs';

const nlp = await loadNlp(process.argv[2]);
const server = createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  if (req.method !== 'POST' || req.url !== '/ask') return res.writeHead(404).end();
  let body = '';
  for await (const chunk of req) body += chunk;
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await classify(nlp, JSON.parse(body).text)));
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`));
