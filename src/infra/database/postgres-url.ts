import { Client } from 'pg';

export interface PostgresTarget {
  url: string;
  database: string;
  maintenanceUrl: string;
}

export function parsePostgresUrl(url: string): PostgresTarget {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return { url, database, maintenanceUrl: maintenance.toString() };
}

/** Shows a URL with its password masked, for log lines and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}

/** Creates the URL's database when it does not exist yet (CREATE DATABASE cannot run in a transaction). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = parsePostgresUrl(url);
  const client = new Client({
    connectionString: target.maintenanceUrl,
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      target.database,
    ]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${target.database.replace(/"/g, '""')}"`);
    return true;
  } catch (error) {
    // Two processes may race to create it; the loser finds it there.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const target = parsePostgresUrl(url);
  const client = new Client({
    connectionString: target.maintenanceUrl,
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    await client.query(
      `DROP DATABASE IF EXISTS "${target.database.replace(/"/g, '""')}" WITH (FORCE)`,
    );
  } finally {
    await client.end();
  }
}
