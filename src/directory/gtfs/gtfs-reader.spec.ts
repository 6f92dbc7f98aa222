import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { openPromise } from 'yauzl';
import { MAX_LISTED_ERRORS } from './gtfs-csv';
import { readGtfsFeed } from './gtfs-reader';
import type { GtfsReadResult } from './gtfs-reader';
import type { GtfsFeed, GtfsProblem } from './gtfs.model';

// Real feeds kept outside the repository; their tests are skipped where the data is absent.
const UL_FOLDER = '/work/shared/data/gtfs-se-ul-2021';
const KLT_ZIP = '/work/shared/data/gtfs-se-klt-minified/minified-test-feed.zip';
const describeWithData = existsSync(UL_FOLDER) && existsSync(KLT_ZIP) ? describe : describe.skip;

type FeedFiles = Record<string, string>;

/** A small feed that passes every check; tests break one file at a time. */
const VALID_FEED: FeedFiles = {
  'agency.txt': [
    'agency_id,agency_name,agency_url,agency_timezone',
    'A1,Länstrafiken,https://example.se,Europe/Stockholm',
  ].join('\n'),
  'routes.txt': [
    'route_id,agency_id,route_short_name,route_long_name,route_type,route_desc',
    'R1,A1,1,,700,Stadsbuss',
    'R2,A1,,Skärgårdsbåten,1200,',
  ].join('\n'),
  'stops.txt': [
    'stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station',
    'S1a,Centralen A,59.858,17.645,0,S1',
    'S1,Centralen,59.858,17.646,1,',
    'S2,Torget,-33.5,-70.6,,',
    'N1,,,,3,S1',
  ].join('\n'),
  'trips.txt': [
    'route_id,service_id,trip_id,trip_headsign,direction_id',
    'R1,WK,T1,Torget,0',
    'R1,WK,T2,Centralen,1',
    'R2,SAT,T3,,',
  ].join('\n'),
  'stop_times.txt': [
    'trip_id,arrival_time,departure_time,stop_id,stop_sequence',
    'T1,08:00:00,08:00:00,S1a,1',
    'T1,08:10:00,08:10:00,S2,2',
    'T2,09:00:00,09:00:00,S2,1',
    'T2,09:10:00,09:10:00,S1a,2',
    'T3,10:00:00,10:00:00,S2,1',
  ].join('\n'),
  'attributions.txt': [
    'trip_id,route_id,organization_name,is_operator',
    'T1,,Bussbolaget AB,1',
    ',R2,Rederiet,',
  ].join('\n'),
  'calendar.txt': [
    'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date',
    'WK,1,1,1,1,1,0,0,20240101,20241231',
  ].join('\n'),
  'calendar_dates.txt': ['service_id,date,exception_type', 'SAT,20240229,1', 'WK,20241224,2'].join(
    '\n',
  ),
  'feed_info.txt': [
    'feed_publisher_name,feed_publisher_url,feed_lang,feed_version',
    'Region Test,https://example.se,sv,2024.1',
  ].join('\n'),
};

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'gtfs-reader-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let feedCount = 0;
/** Writes VALID_FEED, with `changes` applied (null drops a file), to a fresh folder. */
function feedFolder(changes: Record<string, string | null> = {}): string {
  const folder = join(scratch, `feed-${++feedCount}`);
  mkdirSync(folder);
  for (const [name, text] of Object.entries(feedFiles(changes))) {
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

function feedFiles(changes: Record<string, string | null>): FeedFiles {
  const files: FeedFiles = { ...VALID_FEED };
  for (const [name, text] of Object.entries(changes)) {
    if (text === null) delete files[name];
    else files[name] = text;
  }
  return files;
}

function feedOf(result: GtfsReadResult): GtfsFeed {
  if (!result.ok) throw new Error(`feed refused: ${JSON.stringify(result.errors, null, 2)}`);
  return result.feed;
}

function errorsOf(result: GtfsReadResult): GtfsProblem[] {
  if (result.ok) throw new Error('feed was accepted');
  return result.errors;
}

async function errorsReading(changes: Record<string, string | null>): Promise<GtfsProblem[]> {
  return errorsOf(await readGtfsFeed(feedFolder(changes)));
}

/** A bare-bones zip writer (deflate, no zip64, no timestamps): enough to make test archives. */
function writeZip(path: string, files: Record<string, string | Buffer>): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    // version, UTF-8 names flag, deflate, time, date (1980-01-01), crc, sizes, name length
    const shared = littleEndian([2, 20], [2, 0x0800], [2, 8], [2, 0], [2, 0x21], [4, crc32(data)]);
    const sizes = littleEndian([4, packed.length], [4, data.length], [2, fileName.length]);
    const local = [littleEndian([4, 0x04034b50]), shared, sizes, littleEndian([2, 0]), fileName];
    const central = [littleEndian([4, 0x02014b50], [2, 20]), shared, sizes];
    central.push(littleEndian([2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]), fileName);
    locals.push(...local, packed);
    centrals.push(...central);
    offset += Buffer.concat(local).length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const count = Object.keys(files).length;
  const end = littleEndian([4, 0x06054b50], [2, 0], [2, 0], [2, count], [2, count]);
  const endTail = littleEndian([4, directory.length], [4, offset], [2, 0]);
  writeFileSync(path, Buffer.concat([...locals, directory, end, endTail]));
}

function littleEndian(...fields: [bytes: 2 | 4, value: number][]): Buffer {
  const buffer = Buffer.alloc(fields.reduce((total, [bytes]) => total + bytes, 0));
  let at = 0;
  for (const [bytes, value] of fields) {
    at = bytes === 2 ? buffer.writeUInt16LE(value, at) : buffer.writeUInt32LE(value >>> 0, at);
  }
  return buffer;
}

async function zipEntries(path: string): Promise<Record<string, Buffer>> {
  const zip = await openPromise(path, { lazyEntries: true, autoClose: false });
  const entries: Record<string, Buffer> = {};
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries[entry.fileName] = Buffer.concat(chunks);
  }
  zip.close();
  return entries;
}

describe(readGtfsFeed.name, () => {
  describe('on a well-formed feed', () => {
    it('returns every row, typed, with YYYYMMDD dates as ISO dates', async () => {
      const feed = feedOf(await readGtfsFeed(feedFolder()));

      expect(feed.version).toBe('2024.1');
      expect(feed.publisher).toBe('Region Test');
      expect(feed.agencies).toEqual([
        {
          agencyId: 'A1',
          name: 'Länstrafiken',
          url: 'https://example.se',
          timezone: 'Europe/Stockholm',
        },
      ]);
      expect(feed.routes).toEqual([
        {
          routeId: 'R1',
          agencyId: 'A1',
          shortName: '1',
          longName: '',
          type: 700,
          description: 'Stadsbuss',
        },
        {
          routeId: 'R2',
          agencyId: 'A1',
          shortName: '',
          longName: 'Skärgårdsbåten',
          type: 1200,
          description: '',
        },
      ]);
      expect(feed.stops).toEqual([
        {
          stopId: 'S1a',
          name: 'Centralen A',
          lat: 59.858,
          lon: 17.645,
          locationType: 0,
          parentStation: 'S1',
        },
        {
          stopId: 'S1',
          name: 'Centralen',
          lat: 59.858,
          lon: 17.646,
          locationType: 1,
          parentStation: null,
        },
        {
          stopId: 'S2',
          name: 'Torget',
          lat: -33.5,
          lon: -70.6,
          locationType: 0,
          parentStation: null,
        },
        { stopId: 'N1', name: '', lat: null, lon: null, locationType: 3, parentStation: 'S1' },
      ]);
      expect(feed.trips).toEqual([
        { tripId: 'T1', routeId: 'R1', serviceId: 'WK', directionId: 0, headsign: 'Torget' },
        { tripId: 'T2', routeId: 'R1', serviceId: 'WK', directionId: 1, headsign: 'Centralen' },
        { tripId: 'T3', routeId: 'R2', serviceId: 'SAT', directionId: null, headsign: '' },
      ]);
      expect(feed.attributions).toEqual([
        {
          tripId: 'T1',
          routeId: null,
          agencyId: null,
          organizationName: 'Bussbolaget AB',
          isOperator: true,
        },
        {
          tripId: null,
          routeId: 'R2',
          agencyId: null,
          organizationName: 'Rederiet',
          isOperator: false,
        },
      ]);
      expect(feed.calendar).toEqual([
        {
          serviceId: 'WK',
          weekdays: [true, true, true, true, true, false, false],
          startDate: '2024-01-01',
          endDate: '2024-12-31',
        },
      ]);
      expect(feed.calendarDates).toEqual([
        { serviceId: 'SAT', date: '2024-02-29', exceptionType: 1 },
        { serviceId: 'WK', date: '2024-12-24', exceptionType: 2 },
      ]);
      expect(feed.warnings).toEqual([]);
    });

    it('turns stop_times into distinct (stop, route) pairs through trips', async () => {
      const feed = feedOf(await readGtfsFeed(feedFolder()));

      expect(feed.stopRoutes).toHaveLength(3);
      expect(feed.stopRoutes).toEqual(
        expect.arrayContaining([
          { stopId: 'S1a', routeId: 'R1' },
          { stopId: 'S2', routeId: 'R1' },
          { stopId: 'S2', routeId: 'R2' },
        ]),
      );
    });

    it('reads the optional files as empty when they are absent', async () => {
      const optional = ['trips.txt', 'stop_times.txt', 'attributions.txt', 'calendar.txt'];
      const absent = Object.fromEntries(
        [...optional, 'calendar_dates.txt', 'feed_info.txt'].map((name) => [name, null]),
      );
      const feed = feedOf(await readGtfsFeed(feedFolder(absent)));

      expect(feed).toMatchObject({ version: null, publisher: null, trips: [], stopRoutes: [] });
      expect(feed.routes).toHaveLength(2);
    });

    it('strips a byte-order mark, trims headers and values, and takes CRLF and LF mixed', async () => {
      const agency = '\uFEFF agency_id , agency_name,agency_url,agency_timezone\r\n';
      const rows = 'A1, Länstrafiken ,https://example.se,Europe/Stockholm\n\r\n';
      const feed = feedOf(await readGtfsFeed(feedFolder({ 'agency.txt': agency + rows })));

      expect(feed.agencies).toEqual([
        {
          agencyId: 'A1',
          name: 'Länstrafiken',
          url: 'https://example.se',
          timezone: 'Europe/Stockholm',
        },
      ]);
    });

    it('lets a single agency go without agency_id, and fills it in on its routes', async () => {
      const feed = feedOf(
        await readGtfsFeed(
          feedFolder({
            'agency.txt':
              'agency_name,agency_url,agency_timezone\nSolo,https://solo.se,Europe/Stockholm',
            'routes.txt': 'route_id,route_short_name,route_type\nR1,1,3\nR2,2,3',
            'attributions.txt': null,
          }),
        ),
      );

      expect(feed.agencies[0].agencyId).toBe('');
      expect(feed.routes.map((route) => route.agencyId)).toEqual(['', '']);
    });

    it("fills in the one agency's id on routes that leave agency_id empty", async () => {
      const routes = 'route_id,agency_id,route_short_name,route_type\nR1,,1,3\nR2,A1,2,3';
      const feed = feedOf(
        await readGtfsFeed(feedFolder({ 'routes.txt': routes, 'attributions.txt': null })),
      );

      expect(feed.routes.map((route) => route.agencyId)).toEqual(['A1', 'A1']);
    });

    it('tolerates a repeated agency row identical to the first, with a warning', async () => {
      const agency = `${VALID_FEED['agency.txt']}\nA1,Länstrafiken,https://example.se,Europe/Stockholm`;
      const feed = feedOf(await readGtfsFeed(feedFolder({ 'agency.txt': agency })));

      expect(feed.agencies).toHaveLength(1);
      expect(feed.warnings).toEqual([
        {
          file: 'agency.txt',
          line: 3,
          reason: 'repeats agency_id A1 of line 2 (identical row ignored)',
        },
      ]);
    });

    it('numbers lines as the file does, across blank lines and quoted values that span lines', async () => {
      const stops = [
        'stop_id,stop_name,stop_lat',
        'S1a,"Centralen\r\nläge A\nvid spår 1",-91',
        'S1,Centralen,',
        '',
        'S2,Torget,95',
      ].join('\r\n');
      const errors = await errorsReading({ 'stops.txt': stops });

      expect(errors).toEqual([
        { file: 'stops.txt', line: 2, reason: 'stop_lat "-91" is not a number between -90 and 90' },
        { file: 'stops.txt', line: 7, reason: 'stop_lat "95" is not a number between -90 and 90' },
      ]);
    });
  });

  describe('refuses a broken feed, naming file, line and reason', () => {
    it('when a required file is missing', async () => {
      expect(await errorsReading({ 'stops.txt': null })).toEqual([
        { file: 'stops.txt', line: null, reason: 'is missing' },
      ]);
    });

    it('when a required column is missing, on the header line', async () => {
      const routes = 'route_id,agency_id,route_short_name\nR1,A1,1\nR2,A1,2';
      const errors = await errorsReading({ 'routes.txt': routes });

      expect(errors).toEqual([
        { file: 'routes.txt', line: 1, reason: 'lacks the required column route_type' },
      ]);
    });

    it('when routes.txt has neither name column', async () => {
      const errors = await errorsReading({ 'routes.txt': 'route_id,route_type\nR1,3\nR2,3' });

      expect(errors).toEqual([
        {
          file: 'routes.txt',
          line: 1,
          reason: 'lacks all of the columns route_short_name, route_long_name (one is required)',
        },
      ]);
    });

    it('when a route_type is not a GTFS route type', async () => {
      const routes =
        'route_id,agency_id,route_short_name,route_type\nR1,A1,1,3\nR2,A1,2,bus\nR3,A1,3,13';
      const errors = await errorsReading({ 'routes.txt': routes });

      expect(errors).toEqual([
        { file: 'routes.txt', line: 3, reason: 'route_type "bus" is not a GTFS route type' },
        { file: 'routes.txt', line: 4, reason: 'route_type "13" is not a GTFS route type' },
      ]);
    });

    it('when a date does not exist or is not YYYYMMDD', async () => {
      const calendar = `${VALID_FEED['calendar.txt']}\nX,0,0,0,0,0,1,1,20210231,2021-12-31`;
      const errors = await errorsReading({ 'calendar.txt': calendar });

      expect(errors).toEqual([
        {
          file: 'calendar.txt',
          line: 3,
          reason: 'start_date "20210231" is not a valid YYYYMMDD date',
        },
        {
          file: 'calendar.txt',
          line: 3,
          reason: 'end_date "2021-12-31" is not a valid YYYYMMDD date',
        },
      ]);
    });

    it('when a route names an agency that agency.txt lacks', async () => {
      const routes = 'route_id,agency_id,route_short_name,route_type\nR1,A1,1,3\nR2,123,2,3';
      const errors = await errorsReading({ 'routes.txt': routes });

      expect(errors).toEqual([
        { file: 'routes.txt', line: 3, reason: 'agency_id 123 is not in agency.txt' },
      ]);
    });

    it('when stops, trips, attributions and stop_times name rows that do not exist', async () => {
      const errors = await errorsReading({
        'stops.txt': `${VALID_FEED['stops.txt']}\nS3,Norr,,,0,P9`,
        'trips.txt': `${VALID_FEED['trips.txt']}\nR9,WK,T9,,`,
        'attributions.txt': 'trip_id,organization_name\nT1,Bussbolaget AB\nT8,Bussbolaget AB',
        'stop_times.txt': `${VALID_FEED['stop_times.txt']}\nT7,11:00:00,11:00:00,S1a,1\nT1,,,S9,3`,
      });

      expect(errors).toEqual([
        { file: 'stops.txt', line: 6, reason: 'parent_station P9 is not in stops.txt' },
        { file: 'trips.txt', line: 5, reason: 'route_id R9 is not in routes.txt' },
        { file: 'attributions.txt', line: 3, reason: 'trip_id T8 is not in trips.txt' },
        { file: 'stop_times.txt', line: 7, reason: 'trip_id T7 is not in trips.txt' },
        { file: 'stop_times.txt', line: 8, reason: 'stop_id S9 is not in stops.txt' },
      ]);
    });

    it('when a route_id, stop_id or trip_id repeats', async () => {
      const errors = await errorsReading({
        'routes.txt': `${VALID_FEED['routes.txt']}\nR1,A1,1b,,700,`,
        'stops.txt': `${VALID_FEED['stops.txt']}\nS2,Torget igen,,,,`,
        'trips.txt': `${VALID_FEED['trips.txt']}\nR1,WK,T1,,`,
      });

      expect(errors).toEqual([
        { file: 'routes.txt', line: 4, reason: 'repeats route_id R1 of line 2' },
        { file: 'stops.txt', line: 6, reason: 'repeats stop_id S2 of line 4' },
        { file: 'trips.txt', line: 5, reason: 'repeats trip_id T1 of line 2' },
      ]);
    });

    it('when stop_times.txt comes without trips.txt', async () => {
      const errors = await errorsReading({ 'trips.txt': null, 'attributions.txt': null });

      expect(errors).toEqual([
        { file: 'stop_times.txt', line: null, reason: 'needs trips.txt, which is missing' },
      ]);
    });

    it('when an agency row repeats with other values', async () => {
      const agency = `${VALID_FEED['agency.txt']}\nA1,Länstrafiken AB,https://example.se,Europe/Stockholm`;

      expect(await errorsReading({ 'agency.txt': agency })).toEqual([
        {
          file: 'agency.txt',
          line: 3,
          reason: 'repeats agency_id A1 of line 2 with other values (agency_name)',
        },
      ]);
    });

    it('when agency_id is left out in a feed with two agencies', async () => {
      const agency = [
        'agency_name,agency_url,agency_timezone',
        'Ett,https://ett.se,Europe/Stockholm',
        'Två,https://tva.se,Europe/Stockholm',
      ].join('\n');
      const errors = await errorsReading({ 'agency.txt': agency, 'routes.txt': null });

      expect(errors).toEqual([
        {
          file: 'agency.txt',
          line: 2,
          reason: 'agency_id is empty in a feed with several agencies',
        },
        {
          file: 'agency.txt',
          line: 3,
          reason: 'agency_id is empty in a feed with several agencies',
        },
        { file: 'routes.txt', line: null, reason: 'is missing' },
      ]);
    });

    it('when a quote is never closed, at the line csv-parse reports', async () => {
      const stops = 'stop_id,stop_name\nS1a,Centralen A\nS1,"Centralen\nS2,Torget\nN1,\n';
      const errors = await errorsReading({ 'stops.txt': stops });

      expect(errors).toEqual([
        {
          file: 'stops.txt',
          line: 5,
          reason: 'has a quote that is never closed (in the row after line 2)',
        },
      ]);
    });

    it('when a row has more values than the header has columns', async () => {
      const trips = `${VALID_FEED['trips.txt']}\nR1,WK,T4,Torget,0,extra`;

      expect(await errorsReading({ 'trips.txt': trips })).toEqual([
        { file: 'trips.txt', line: 5, reason: 'has 6 values but the header has 5 columns' },
      ]);
    });

    it('when coordinates, flags or stop names are out of bounds', async () => {
      const errors = await errorsReading({
        'stops.txt': `${VALID_FEED['stops.txt']}\nS3,Norr,91,17.6,0,\nS4,,59.8,17.6,2,S1\nS5,Syd,59.8,17.6,5,`,
        'calendar_dates.txt': `${VALID_FEED['calendar_dates.txt']}\nWK,20241225,3\nWK,20241224,1`,
      });

      expect(errors).toEqual([
        { file: 'stops.txt', line: 6, reason: 'stop_lat "91" is not a number between -90 and 90' },
        { file: 'stops.txt', line: 7, reason: 'stop_name is empty' },
        { file: 'stops.txt', line: 8, reason: 'location_type "5" is not one of 0, 1, 2, 3, 4' },
        { file: 'calendar_dates.txt', line: 4, reason: 'exception_type "3" is not one of 1, 2' },
        {
          file: 'calendar_dates.txt',
          line: 5,
          reason: 'repeats service_id and date WK 20241224 of line 3',
        },
      ]);
    });

    it('collects the errors of every file instead of stopping at the first', async () => {
      const errors = await errorsReading({
        'agency.txt': null,
        'stops.txt': 'stop_id,stop_name\nS1,Centralen\nS2,"Torget',
        'calendar.txt': `${VALID_FEED['calendar.txt']}\nX,1,1,1,1,1,1,1,20240102,20240101`,
      });

      expect(errors).toEqual([
        { file: 'agency.txt', line: null, reason: 'is missing' },
        {
          file: 'stops.txt',
          line: 3,
          reason: 'has a quote that is never closed (in the row after line 2)',
        },
        {
          file: 'calendar.txt',
          line: 3,
          reason: 'end_date 20240101 is before start_date 20240102',
        },
      ]);
    });

    it(`lists at most ${MAX_LISTED_ERRORS} errors, then says that more were left out`, async () => {
      const badRoutes = Array.from({ length: 1500 }, (_, i) => `R${i},A1,${i},tram`);
      const routes = ['route_id,agency_id,route_short_name,route_type', ...badRoutes].join('\n');
      const errors = await errorsReading({ 'routes.txt': routes, 'attributions.txt': null });

      expect(errors).toHaveLength(MAX_LISTED_ERRORS + 1);
      expect(errors[0]).toEqual({
        file: 'routes.txt',
        line: 2,
        reason: 'route_type "tram" is not a GTFS route type',
      });
      expect(errors[MAX_LISTED_ERRORS]).toEqual({
        file: '*',
        line: null,
        reason: 'more errors not listed',
      });
    });

    it('when the path is neither a folder nor a zip file', async () => {
      const notZip = join(scratch, 'feed.zip');
      writeFileSync(notZip, 'agency_id,agency_name\n');

      expect(errorsOf(await readGtfsFeed(join(scratch, 'nowhere')))).toEqual([
        { file: 'nowhere', line: null, reason: 'does not exist' },
      ]);
      expect(errorsOf(await readGtfsFeed(notZip))).toEqual([
        {
          file: 'feed.zip',
          line: null,
          reason: expect.stringMatching(/^is not a readable zip file/),
        },
      ]);
    });
  });

  describe('on a zip file', () => {
    it('reads the files at the root of the archive', async () => {
      const zipPath = join(scratch, 'root.zip');
      writeZip(zipPath, VALID_FEED);

      expect(await readGtfsFeed(zipPath)).toEqual(await readGtfsFeed(feedFolder()));
    });

    it('reads the files inside a single top-level folder, skipping macOS shadow files', async () => {
      const zipPath = join(scratch, 'nested.zip');
      const nested = Object.entries(VALID_FEED).map(([name, text]) => [`feed/${name}`, text]);
      writeZip(zipPath, {
        'feed/': '',
        ...Object.fromEntries(nested),
        '__MACOSX/feed/._agency.txt': 'not csv "',
        'feed/._stops.txt': 'not csv "',
      });

      expect(feedOf(await readGtfsFeed(zipPath)).stopRoutes).toHaveLength(3);
    });

    it('reports a required file missing from the archive', async () => {
      const zipPath = join(scratch, 'partial.zip');
      writeZip(zipPath, feedFiles({ 'agency.txt': null }));

      expect(errorsOf(await readGtfsFeed(zipPath))).toEqual([
        { file: 'agency.txt', line: null, reason: 'is missing' },
      ]);
    });
  });

  describeWithData('on the Uppsala (UL) 2021 feed, a folder without stop_times', () => {
    // How fast is a benchmark's question, not a test's: a timed test flakes on a busy machine.
    it('reads every row', async () => {
      const feed = feedOf(await readGtfsFeed(UL_FOLDER));

      expect({
        agencies: feed.agencies.length,
        routes: feed.routes.length,
        stops: feed.stops.length,
        trips: feed.trips.length,
        attributions: feed.attributions.length,
        calendar: feed.calendar.length,
        calendarDates: feed.calendarDates.length,
        stopRoutes: feed.stopRoutes.length,
      }).toEqual({
        agencies: 2,
        routes: 254,
        stops: 13523,
        trips: 8895,
        attributions: 8895,
        calendar: 56,
        calendarDates: 1502,
        stopRoutes: 0,
      });
      expect(feed).toMatchObject({
        version: '2021-09-30',
        publisher: 'Samtrafiken i Sverige AB',
        warnings: [],
      });
    });

    it('keeps the values of a sample of rows', async () => {
      const feed = feedOf(await readGtfsFeed(UL_FOLDER));

      expect(feed.agencies[0]).toEqual({
        agencyId: '33010000000001407',
        name: 'Kollektivtrafikförvaltningen, UL',
        url: 'https://www.ul.se/',
        timezone: 'Europe/Stockholm',
      });
      expect(feed.routes[0]).toEqual({
        routeId: '9011003000100000',
        agencyId: '33010000000001407',
        shortName: '1',
        longName: '',
        type: 700,
        description: 'Stadsbuss',
      });
      expect(feed.stops[0]).toEqual({
        stopId: '9021003760429000',
        name: 'Romstarbo',
        lat: 60.159935,
        lon: 17.64904,
        locationType: 1,
        parentStation: null,
      });
      expect(feed.trips[0]).toEqual({
        tripId: '33010000157649538',
        routeId: '9011001057900000',
        serviceId: '1',
        directionId: 1,
        headsign: '',
      });
      expect(feed.attributions[0]).toEqual({
        tripId: '33010000157649538',
        routeId: null,
        agencyId: null,
        organizationName: 'Arriva',
        isOperator: true,
      });
      expect(feed.calendar[0]).toMatchObject({
        serviceId: '1',
        startDate: '2021-10-02',
        endDate: '2021-12-11',
      });
      expect(feed.calendarDates[0]).toEqual({
        serviceId: '1',
        date: '2021-10-02',
        exceptionType: 1,
      });
    });
  });

  describeWithData('on the Kalmar (KLT) minified zip, which has stop_times', () => {
    it('refuses it: its agency row repeats with a different phone and e-mail', async () => {
      expect(errorsOf(await readGtfsFeed(KLT_ZIP))).toEqual([
        {
          file: 'agency.txt',
          line: 3,
          reason:
            'repeats agency_id 88100000000001375 of line 2 with other values (agency_phone, agency_email)',
        },
      ]);
    });

    it('reads it, stop routes included, once the repeated agency row matches the first', async () => {
      const entries = await zipEntries(KLT_ZIP);
      const agencyLines = entries['agency.txt'].toString('utf8').split(/\r?\n/);
      agencyLines[2] = agencyLines[1];
      const repairedZip = join(scratch, 'klt-repaired.zip');
      writeZip(repairedZip, { ...entries, 'agency.txt': agencyLines.join('\r\n') });

      const feed = feedOf(await readGtfsFeed(repairedZip));

      expect(feed.warnings).toEqual([
        {
          file: 'agency.txt',
          line: 3,
          reason: 'repeats agency_id 88100000000001375 of line 2 (identical row ignored)',
        },
      ]);
      expect(feed).toMatchObject({ version: '2019-05-20', publisher: 'Samtrafiken i Sverige AB' });
      expect(feed.agencies.map((agency) => agency.name)).toEqual(['Kalmar Länstrafik']);
      expect(feed.routes.map((route) => route.longName)).toEqual(['Närtrafik', 'Närtrafik 2']);
      expect(feed.stops).toHaveLength(9375);
      expect(feed.trips).toHaveLength(2);
      expect(feed.calendarDates).toHaveLength(24);
      expect(feed.stopRoutes).toHaveLength(92);
      expect(feed.stopRoutes).toContainEqual({
        stopId: '9022008950194001',
        routeId: '9011008834400000',
      });
    });
  });
});
