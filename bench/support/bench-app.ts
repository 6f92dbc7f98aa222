import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppConfig, loadConfig } from '../../src/infra/config/app-config';
import { dropDatabase } from '../../src/infra/database/postgres-url';

const ROOT = join(__dirname, '..', '..');

export interface BenchApp {
  config: AppConfig;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the real service (api and worker) in a child process on a database of the
 * benchmark's own with the demo area loaded. Rate limits are lifted: they would be the
 * only thing measured.
 */
export async function startBenchApp(
  name: string,
  overrides: Record<string, string> = {},
  options: { database?: string; keepDatabase?: boolean } = {},
): Promise<BenchApp> {
  const base = loadConfig(process.env);
  const databaseUrl = new URL(base.DATABASE_URL);
  // A named database may be kept between runs (bench/inbox's million cases take minutes).
  databaseUrl.pathname = `/${options.database ?? `synpunkt_bench_${name}_${Date.now().toString(36)}`}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DATABASE_URL: databaseUrl.toString(),
    QUEUE_PREFIX: `sp-bench-${name}-${Date.now().toString(36)}`,
    SYNPUNKT_ROLE: process.env.BENCH_SPLIT_ROLES === '1' ? 'api' : 'both',
    LOG_LEVEL: 'silent',
    INTAKE_RATE_LIMIT_PER_MINUTE: '100000000',
    SMS_RATE_LIMIT_PER_HOUR: '100000000',
    OUTBOX_POLL_MS: '200',
    ...overrides,
  };
  const config = loadConfig(env);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the service when it stops.
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
        : []),
      '-r',
      'ts-node/register/transpile-only',
      join(ROOT, 'bench', 'support', 'bench-server.ts'),
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        // not the ready line
      }
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  // With BENCH_SPLIT_ROLES=1 the queue is worked by a process of its own, as in production.
  const workers: ChildProcess[] =
    process.env.BENCH_SPLIT_ROLES === '1'
      ? [
          spawn(
            process.execPath,
            [
              '-r',
              'ts-node/register/transpile-only',
              join(ROOT, 'src', 'main.ts'),
              '--role',
              'worker',
            ],
            {
              cwd: ROOT,
              env: { ...env, RUN_MIGRATIONS: 'false' },
              stdio: ['ignore', 'ignore', 'inherit'],
            },
          ),
        ]
      : [];
  const stop = async (process: ChildProcess) => {
    const exited = new Promise((resolve) => process.once('exit', resolve));
    process.kill('SIGTERM');
    await exited;
  };
  return {
    config,
    url,
    close: async () => {
      await Promise.all([child, ...workers].map(stop));
      if (!options.keepDatabase) await dropDatabase(config.DATABASE_URL);
    },
  };
}
