import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { openPromise } from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { GtfsProblem } from './gtfs.model';

/** Where a feed's `*.txt` files come from: a folder or a zip archive, read one file at a time. */
export interface GtfsSource {
  has(fileName: string): boolean;
  /** A byte stream of the file; the caller consumes it to the end or destroys it. */
  open(fileName: string): Promise<Readable>;
  close(): void;
}

export type GtfsSourceResult = { ok: true; source: GtfsSource } | { ok: false; error: GtfsProblem };

/** Opens `path` as a folder of `*.txt` files or, when it is a file, as a zip archive. */
export async function openGtfsSource(path: string): Promise<GtfsSourceResult> {
  const feedName = basename(path);
  const kind = await pathKind(path);
  try {
    if (kind === 'folder') return { ok: true, source: await openFolderSource(path) };
    if (kind === 'file') return { ok: true, source: await openZipSource(path) };
    return { ok: false, error: { file: feedName, line: null, reason: 'does not exist' } };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const what = kind === 'file' ? 'is not a readable zip file' : 'cannot be read';
    return { ok: false, error: { file: feedName, line: null, reason: `${what} (${detail})` } };
  }
}

async function pathKind(path: string): Promise<'folder' | 'file' | 'absent'> {
  try {
    const stats = await stat(path);
    return stats.isDirectory() ? 'folder' : 'file';
  } catch {
    return 'absent';
  }
}

async function openFolderSource(folder: string): Promise<GtfsSource> {
  const entries = await readdir(folder, { withFileTypes: true });
  const fileNames = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  return {
    has: (fileName) => fileNames.has(fileName),
    open: (fileName) => Promise.resolve(createReadStream(join(folder, fileName))),
    close: () => undefined,
  };
}

async function openZipSource(zipPath: string): Promise<GtfsSource> {
  // autoClose off: files are opened one after another, long after the entry listing has ended.
  const zip = await openPromise(zipPath, { lazyEntries: true, autoClose: false });
  try {
    const entries = await listFileEntries(zip);
    const folder = feedFolderOf([...entries.keys()]);
    return {
      has: (fileName) => entries.has(folder + fileName),
      open: (fileName) => openZipEntry(zip, entries.get(folder + fileName)),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function listFileEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  for await (const entry of zip.eachEntry()) {
    if (!entry.fileName.endsWith('/') && !isMacResourceFork(entry.fileName)) {
      entries.set(entry.fileName, entry);
    }
  }
  return entries;
}

// Archives made with the macOS Finder carry `__MACOSX/` and `._name` shadows of every file.
function isMacResourceFork(entryName: string): boolean {
  return entryName.startsWith('__MACOSX/') || basename(entryName).startsWith('._');
}

/**
 * The folder prefix ('' or 'name/') holding the feed: the zip root when it has `.txt` files,
 * else the one top-level folder that has them (zipping a folder instead of its contents is common).
 */
function feedFolderOf(entryNames: readonly string[]): string {
  const textFiles = entryNames.filter((name) => name.endsWith('.txt'));
  if (textFiles.some((name) => !name.includes('/'))) return '';
  const folders = new Set(
    textFiles.filter((name) => name.split('/').length === 2).map((name) => name.split('/')[0]),
  );
  return folders.size === 1 ? `${[...folders][0]}/` : '';
}

async function openZipEntry(zip: ZipFile, entry: Entry | undefined): Promise<Readable> {
  if (!entry) throw new Error('no such entry in the zip file');
  return zip.openReadStreamPromise(entry);
}
