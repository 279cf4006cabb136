import { createPgliteClient } from '../pglite/pglite-client';

// Test helper run as its own process: holds a PGlite data directory until
// its stdin closes. Prints "ready", or the error message and exits 3.
const dataDir = process.argv[2] ?? '';

try {
  const client = await createPgliteClient({ dataDir });
  console.log('ready');
  process.stdin.resume();
  process.stdin.on('end', () => {
    void client.close().then(() => process.exit(0));
  });
} catch (error) {
  console.log(error instanceof Error ? error.message : String(error));
  process.exit(3);
}
