import type { INestApplication } from '@nestjs/common';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createIsolatedDatabase } from './isolated-database';
import { createTestApp } from './test-app';
import type { TestApp } from './test-app';
import { loadDemoArea } from './demo-area';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Per action and navigation: a test that waits longer than this is broken, not slow. */
export const ACTION_TIMEOUT_MS = 15_000;

/** `npm test` sets this when no Chromium could be installed (outside CI). */
export const browserTestsSkipped = process.env.SKIP_BROWSER_TESTS === '1';

/** Headless Chromium, or an error that says how to get it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` ` +
        '(or set SKIP_BROWSER_TESTS=1 to skip the browser tests)',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    timeout: ACTION_TIMEOUT_MS,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Serves the test app on a free port of 127.0.0.1 and gives its base URL. */
export async function listenLocally(app: TestApp): Promise<string> {
  const nest = app.app as INestApplication;
  await nest.listen(0, '127.0.0.1');
  const { port } = (nest.getHttpServer() as { address(): AddressInfo }).address();
  return `http://127.0.0.1:${port}`;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * The serious and critical accessibility violations axe-core finds on the page. The
 * context must bypass CSP: axe is injected as a script of the page's own.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[]).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

/** A readable list of violations, for the failure message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help}\n` +
        violation.nodes
          .map((node) => `  at ${node.target.join(' ')}\n    ${node.failureSummary ?? ''}`)
          .join('\n'),
    )
    .join('\n');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/** A valid 1×1 PNG of one colour, built here so that no binary is committed. */
export function tinyPng(rgb: [number, number, number] = [11, 61, 92]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bits per sample
  header[9] = 2; // colour type: RGB
  // One scanline: filter byte 0, then the pixel.
  const pixels = deflateSync(Buffer.from([0, ...rgb]));
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// The form as a browser without JavaScript uses it, through supertest.

export interface FormSession {
  /** `synpunkt_form=<nonce>`, as the Cookie header sends it back. */
  cookie: string;
  token: string;
  html: string;
}

/** A valid report of a rude driver on line 4 in October 2021 (the demo feed's time). */
export function validFields(description: string): Record<string, string> {
  return {
    kind: 'complaint',
    category: 'staff-treatment',
    description,
    line: '4',
    stop: 'Flogsta',
    date: '2021-10-05',
    time: '17:30',
    vehicle: '5123',
    name: 'Anna Åberg',
    email: 'anna@example.se',
    phone: '070-123 45 67',
    replyChannel: 'email',
  };
}

/** GETs the form and keeps what a browser would: its cookie and the hidden token. */
export async function openForm(
  server: Server,
  path = '/feedback',
  headers: Record<string, string> = {},
): Promise<FormSession & { headers: Record<string, string> }> {
  const response = await request(server).get(path).set(headers).expect(200);
  const cookie = /synpunkt_form=[^;]+/.exec(String(response.headers['set-cookie']))?.[0];
  const token = /name="token" value="([^"]+)"/.exec(response.text)?.[1];
  if (!cookie || !token) throw new Error('the form came without its cookie or token');
  return { cookie, token, html: response.text, headers: response.headers };
}

export interface Photo {
  data: Buffer;
  filename: string;
  contentType: string;
}

/** POSTs the form as multipart, fields first and photos last, as a browser orders them. */
export function postForm(
  server: Server,
  session: { cookie?: string; token?: string },
  fields: Record<string, string>,
  photos: Photo[] = [],
  path = '/feedback',
): request.Test {
  let call = request(server).post(path);
  if (session.cookie) call = call.set('Cookie', session.cookie);
  if (session.token) call = call.field('token', session.token);
  for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
  for (const photo of photos)
    call = call.attach('photos', photo.data, {
      filename: photo.filename,
      contentType: photo.contentType,
    });
  return call;
}

/** The value a page shows again in the input or textarea with this id. */
export function shownValue(html: string, id: string): string | undefined {
  const input = new RegExp(`<input[^>]*id="${id}"[^>]*value="([^"]*)"`).exec(html);
  if (input) return input[1];
  return new RegExp(`<textarea[^>]*id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1];
}

/**
 * The service on a database of its own with the demo area and its GTFS feed loaded,
 * so that routing (who handles a case) and the form's lists are the demo's.
 */
export async function createDemoAreaApp(
  label: string,
  overrides: Record<string, string> = {},
): Promise<TestApp & { databaseUrl: string }> {
  const database = await createIsolatedDatabase(label);
  const app = await createTestApp({ DATABASE_URL: database.url, ...overrides });
  await loadDemoArea(app);
  return {
    ...app,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
