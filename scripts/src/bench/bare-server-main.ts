// The floor of scenario 4: a bare node:http server that reads a JSON body
// and answers a fixed allowed check, nothing else. Prints its port.
//   node --import tsx bare-server-main.ts
import { createServer } from 'node:http';

const answer = JSON.stringify({
  allowed: true,
  userId: 'bare',
  sources: [{ kind: 'direct' }],
});

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString());
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(answer),
    });
    res.end(answer);
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') process.exit(1);
  console.log(`port ${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
