import { randomBytes } from 'node:crypto';
import { prepareDatabase } from '../../src/bootstrap';
import { loadConfig } from '../../src/infra/config/app-config';
import { dropDatabase } from '../../src/infra/database/postgres-url';

/**
 * A database of the test file's own, for state there is one of per deployment (the area
 * directory, the active feed), so that files running side by side cannot disturb it.
 */
export async function createIsolatedDatabase(
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_${label}_${randomBytes(2).toString('hex')}`;
  const databaseUrl = url.toString();
  await prepareDatabase(loadConfig({ ...process.env, DATABASE_URL: databaseUrl }));
  return { url: databaseUrl, drop: () => dropDatabase(databaseUrl) };
}
