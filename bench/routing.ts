// bench/routing: decisions per second and time per decision for a realistic mix of
// reports over the largest feed in the shared data (Uppsala, 254 routes, 8,895 trips),
// through the real import path (PostgreSQL) into the in-memory index. Run: npm run bench:routing
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AreaLoaderService } from '../src/directory/area-loader.service';
import { DirectoryEvents } from '../src/directory/directory-events';
import { DirectoryRepository } from '../src/directory/directory.repository';
import { GtfsImportService } from '../src/directory/gtfs/gtfs-import.service';
import { prepareDatabase } from '../src/bootstrap';
import { loadConfig } from '../src/infra/config/app-config';
import { dataSourceOptions } from '../src/infra/database/data-source-options';
import { dropDatabase } from '../src/infra/database/postgres-url';
import { route, RoutingIndex } from '../src/routing/router';
import type { RoutingRequest } from '../src/routing/routing.model';
import { format, seededRandom, summarise } from './support/stats';
import { runBench } from './support/run-bench';

const ROOT = join(__dirname, '..');
const FEED = process.env.BENCH_FEED ?? join(ROOT, '..', 'shared', 'data', 'gtfs-se-ul-2021');
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 200_000);

function requestMix(shortNames: string[], stops: string[], categories: string[]): RoutingRequest[] {
  const random = seededRandom(2026);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const forms = [
    (l: string) => l,
    (l: string) => `linje ${l}`,
    (l: string) => `buss ${l}`,
    (l: string) => `${l}:an`,
    (l: string) => `Linje ${l}`,
  ];
  const start = Date.parse('2021-09-27T05:00:00+02:00');
  return Array.from({ length: 10_000 }, () => {
    const roll = random();
    const occurredAt = new Date(start + Math.floor(random() * 70 * 24) * 3600_000);
    const request: RoutingRequest = {
      category: pick(categories),
      occurredAt,
      receivedAt: new Date(occurredAt.getTime() + 3600_000),
    };
    if (roll < 0.7) request.line = pick(forms)(pick(shortNames));
    else if (roll < 0.78) request.line = pick(['upptåget', 'pendeltåget', 'Röd linje']);
    else if (roll < 0.86) request.line = `${Math.floor(random() * 9000) + 1000}`;
    else if (roll < 0.94) request.stop = pick(stops);
    if (roll < 0.5 && random() < 0.3) request.stop = pick(stops);
    return request;
  });
}

async function main(): Promise<void> {
  Logger.overrideLogger(['warn', 'error']);
  const base = loadConfig(process.env);
  const url = new URL(base.DATABASE_URL);
  url.pathname = `/synpunkt_bench_routing_${Date.now().toString(36)}`;
  const config = loadConfig({ ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' });
  await prepareDatabase(config);
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    const events = new DirectoryEvents();
    await new AreaLoaderService(dataSource, events).loadText(
      readFileSync(join(ROOT, 'area', 'demo-uppsala.yaml'), 'utf8'),
    );
    const imported = await new GtfsImportService(dataSource, events).importPath(FEED);
    const buildStart = performance.now();
    const data = (await new DirectoryRepository(dataSource).loadRoutingIndexData())!;
    const index = RoutingIndex.build(data);
    const buildMs = performance.now() - buildStart;

    const shortNames = data.routes.map((r) => r.shortName);
    const stops = data.stops.slice(0, 2000).map((s) => s.name);
    const requests = requestMix(
      shortNames,
      stops,
      data.categories.map((c) => c.code),
    );

    // Baseline in the same process: the least any router must do, one map lookup per report.
    const byName = new Map(data.routes.map((r) => [r.shortName.toLowerCase(), r]));
    const baseline: number[] = [];
    const decisions: number[] = [];
    let triage = 0;
    for (let i = 0; i < 20_000; i++) route(index, requests[i % requests.length]); // warm-up
    for (let i = 0; i < DECISIONS; i++) {
      const request = requests[i % requests.length];
      let t = performance.now();
      byName.get((request.line ?? '').toLowerCase());
      baseline.push(performance.now() - t);
      t = performance.now();
      const decision = route(index, request);
      decisions.push(performance.now() - t);
      if (decision.triage) triage++;
    }
    const routed = summarise(decisions);
    const bare = summarise(baseline);
    const lines = [
      `bench/routing — feed ${imported.version} (${imported.routes} routes, ${imported.stops} stops), ${data.contracts.length} contracts`,
      `index load + build: ${buildMs.toFixed(0)} ms`,
      `decisions: ${routed.count}, triage ${((100 * triage) / routed.count).toFixed(1)} %`,
      `router:   ${Math.round(routed.perSecond).toLocaleString('en')} decisions/s, p50 ${format(routed.p50)}, p99 ${format(routed.p99)}, max ${format(routed.max)}`,
      `baseline: one Map lookup, p50 ${format(bare.p50)}, p99 ${format(bare.p99)}; router p99 / baseline p99 = ${(routed.p99 / bare.p99).toFixed(1)}x`,
      `goal: p99 under 0.2 ms — ${routed.p99 < 0.2 ? 'met' : 'NOT met'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await dataSource.destroy();
    await dropDatabase(config.DATABASE_URL);
  }
}

runBench(main);
