import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import Redis from 'ioredis';

function redisServerBinary(): string | null {
  try {
    return (
      execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || null
    );
  } catch {
    return null;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A Redis of the test's own that it may stop and start again on the same port: the real
 * redis-server where installed, else the js-redis-server stand-in.
 */
export class DisposableRedis {
  private process?: ChildProcess;
  private embedded?: { close(): Promise<void> };

  private constructor(readonly port: number) {}

  static async start(): Promise<DisposableRedis> {
    const redis = new DisposableRedis(await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const binary = redisServerBinary();
    if (binary) {
      this.process = spawn(
        binary,
        ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
    } else {
      const { createRedisMock } = await import('js-redis-server');
      this.embedded = await createRedisMock({ port: this.port });
    }
    await this.waitUntilAnswering();
  }

  async down(): Promise<void> {
    if (this.process) {
      const exited = new Promise((resolve) => this.process!.once('exit', resolve));
      this.process.kill('SIGKILL');
      await exited;
      this.process = undefined;
    }
    await this.embedded?.close();
    this.embedded = undefined;
  }

  private async waitUntilAnswering(): Promise<void> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const client = new Redis(this.url, {
        lazyConnect: true,
        retryStrategy: () => null,
        maxRetriesPerRequest: 0,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        client.disconnect();
      }
    }
  }
}
