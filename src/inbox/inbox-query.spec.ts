import { decodeCursor, encodeCursor, inboxSearchParams, parseInboxQuery } from './inbox-query';

describe('inbox cursors', () => {
  const cursor = {
    createdAt: '2026-11-24T07:15:02.123456Z',
    id: '5f0c8f0e-3c1a-4f4e-9d2b-0a1b2c3d4e5f',
  };

  it('round-trip with microseconds intact', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuse what the inbox did not make', () => {
    expect(decodeCursor('nonsense')).toBeNull();
    const forged = Buffer.from(`${cursor.createdAt}_1 OR 1=1`).toString('base64url');
    expect(decodeCursor(forged)).toBeNull();
  });
});

describe(parseInboxQuery.name, () => {
  it('defaults to the open view without filters', () => {
    const { query, errors } = parseInboxQuery({});
    expect(errors).toEqual([]);
    expect(query.view).toBe('open');
    expect(query.after).toBeNull();
    expect(Object.values(query.filters).every((value) => value === null)).toBe(true);
  });

  it('treats empty fields as absent, as a submitted form sends them', () => {
    const { query, errors } = parseInboxQuery({ view: 'mine', kind: '', q: '  ', line: ' 4 ' });
    expect(errors).toEqual([]);
    expect(query).toMatchObject({ view: 'mine', filters: { kind: null, q: null, line: '4' } });
  });

  it('refuses a parameter it does not know', () => {
    expect(parseInboxQuery({ sort: 'oldest' }).errors).toEqual([
      { field: 'sort', reason: 'is not a parameter of the inbox' },
    ]);
  });

  it('names each field it does not understand', () => {
    const { errors } = parseInboxQuery({
      view: 'all',
      kind: 'rant',
      channel: ['web', 'sms'],
      from: '2026-02-30',
      after: 'x',
      q: 'x'.repeat(201),
    });
    expect(errors.map((error) => error.field)).toEqual([
      'view',
      'kind',
      'channel',
      'from',
      'q',
      'after',
    ]);
  });

  it('writes a view and its filters back as a query string, leaving out the defaults', () => {
    const { query } = parseInboxQuery({ view: 'overdue', line: '4', q: 'förseningar' });
    expect(inboxSearchParams(query, { after: 'c' }).toString()).toBe(
      'view=overdue&line=4&q=f%C3%B6rseningar&after=c',
    );
    expect(inboxSearchParams({ ...query, view: 'open' }).toString()).toBe(
      'line=4&q=f%C3%B6rseningar',
    );
  });
});
