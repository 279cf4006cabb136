import { constants } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateToken } from '@roster/service-kit';

export interface AdminToken {
  readonly token: string;
  /** Where a generated token is kept; undefined when it came from the env. */
  readonly file: string | undefined;
}

/**
 * The operator token: ROSTER_ADMIN_TOKEN, or the one kept in the data
 * directory, made (mode 0600) on first start.
 */
export async function resolveAdminToken(
  fromEnv: string | undefined,
  dataDir: string,
): Promise<AdminToken> {
  if (fromEnv) return { token: fromEnv, file: undefined };

  const file = join(dataDir, 'admin-token');
  await mkdir(dataDir, { recursive: true });
  try {
    const handle = await open(
      file,
      constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
      0o600,
    );
    const token = generateToken('rst_op');
    await handle.writeFile(`${token}\n`);
    await handle.close();
    return { token, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { token: (await readFile(file, 'utf8')).trim(), file };
  }
}
