import { problem } from '../infra/http/problem-details';
import { isAcceptedApiKey } from './api-key';
import { open311ErrorsOf } from './open311-exception.filter';
import { renderOpen311 } from './open311-format';
import { resolveLanguage } from './open311-language';
import { MAX_WINDOW_MS, parseRequestQuery, parseW3cDateTime } from './open311-query.parser';
import { mediaContentType, parseServiceRequest } from './open311-request.parser';

const NOW = new Date('2026-11-23T12:00:00Z');

describe(parseRequestQuery.name, () => {
  it('defaults to the most recent 90 days', () => {
    expect(parseRequestQuery({}, NOW)).toEqual({
      by: 'window',
      from: new Date(NOW.getTime() - MAX_WINDOW_MS),
      to: NOW,
      serviceCodes: [],
      statuses: [],
    });
  });

  it('treats an empty argument as one not given', () => {
    expect(parseRequestQuery({ start_date: '', status: '', service_request_id: '' }, NOW)).toEqual(
      parseRequestQuery({}, NOW),
    );
  });

  it('runs 90 days on from a start_date alone, and back from an end_date alone', () => {
    const start = parseRequestQuery({ start_date: '2021-01-01T00:00:00Z' }, NOW);
    expect(start).toMatchObject({ to: new Date('2021-04-01T00:00:00Z') });
    const end = parseRequestQuery({ end_date: '2021-04-01T00:00:00Z' }, NOW);
    expect(end).toMatchObject({ from: new Date('2021-01-01T00:00:00Z') });
  });

  it('takes service_request_id as a comma list that overrides the rest', () => {
    expect(
      parseRequestQuery(
        { service_request_id: 'SP-2026-000001, SP-2026-000002', start_date: 'x' },
        NOW,
      ),
    ).toEqual({ by: 'ids', ids: ['SP-2026-000001', 'SP-2026-000002'] });
  });
});

describe(parseW3cDateTime.name, () => {
  it.each(['2010-01-01T00:00:00Z', '1994-11-05T08:15:30-05:00', '2021-10-05T08:00+02:00'])(
    'reads %s',
    (text) => expect(parseW3cDateTime(text)).toBeInstanceOf(Date),
  );
  it.each(['2010-01-01', '2010-01-01T00:00:00', '2021-02-29T00:00:00Z', '2021-01-01T24:00:00Z'])(
    'refuses %s',
    (text) => expect(parseW3cDateTime(text)).toBeNull(),
  );
});

describe(parseServiceRequest.name, () => {
  const base = { service_code: 'punctuality', description: 'Sen', address_string: 'Flogsta' };

  it('reads attributes as form keys and as a JSON object alike', () => {
    const asForm = parseServiceRequest({
      ...base,
      'attribute[kind]': 'praise',
      'attribute[line]': '4',
    });
    const asJson = parseServiceRequest({ ...base, attribute: { kind: 'praise', line: '4' } });
    expect(asForm).toEqual(asJson);
    expect(asForm).toMatchObject({ kind: 'praise', line: '4', addressString: 'Flogsta' });
  });

  it('refuses a list where one value is expected', () => {
    expect(() =>
      parseServiceRequest({ ...base, 'attribute[kind][]': ['praise', 'complaint'] }),
    ).toThrow(
      expect.objectContaining({
        fieldErrors: [{ field: 'attribute[kind]', reason: 'must be given once, as text' }],
      }) as Error,
    );
  });

  it('joins first and last name and keeps no account or device id', () => {
    const parsed = parseServiceRequest({
      ...base,
      'attribute[kind]': 'question',
      first_name: ' Anna ',
      last_name: 'Andersson',
      device_id: 'tt222111',
      account_id: '123456',
    });
    expect(parsed.contact).toEqual({ name: 'Anna Andersson', email: undefined, phone: undefined });
    expect(JSON.stringify(parsed)).not.toMatch(/tt222111|123456/);
  });
});

describe(mediaContentType.name, () => {
  it('guesses from the extension, else says image/*', () => {
    expect(mediaContentType('http://example.org/a/photo.JPG?size=large')).toBe('image/jpeg');
    expect(mediaContentType('https://twitpic.com/1e2f3g')).toBe('image/*');
  });
});

describe(resolveLanguage.name, () => {
  it.each([
    [undefined, undefined, 'sv'],
    ['en_GB', 'sv', 'en'],
    ['fi', 'en-US,en;q=0.9', 'en'],
    [undefined, 'de, sv;q=0.5, en;q=0.7', 'en'],
    [undefined, 'en;q=0, sv', 'sv'],
  ])('locale %s with Accept-Language %s gives %s', (locale, header, expected) => {
    expect(resolveLanguage(locale, header)).toBe(expected);
  });
});

describe(renderOpen311.name, () => {
  it('writes empty elements for nulls and drops characters XML cannot hold', () => {
    const text = renderOpen311('xml', 'errors', [{ code: 400, description: 'bad\u0001 <input>' }]);
    expect(text).toContain('<description>bad &lt;input&gt;</description>');
    expect(renderOpen311('xml', 'service_requests', [{ account_id: null }])).toContain(
      '<account_id></account_id>',
    );
  });
});

describe(isAcceptedApiKey.name, () => {
  it('needs no key while none is configured, and otherwise one of them exactly', () => {
    expect(isAcceptedApiKey(undefined, [])).toBe(true);
    expect(isAcceptedApiKey(undefined, ['k1'])).toBe(false);
    expect(isAcceptedApiKey('k2', ['k1', 'k2'])).toBe(true);
    expect(isAcceptedApiKey('k', ['k1', 'k2'])).toBe(false);
  });
});

describe(open311ErrorsOf.name, () => {
  it('lists each wrong field as an error with the HTTP status as its code', () => {
    const invalid = problem(400, {
      errors: [
        { field: 'description', reason: 'is required' },
        { field: 'attribute[kind]', reason: 'is required' },
      ],
    });
    expect(open311ErrorsOf(invalid)).toEqual({
      status: 400,
      errors: [
        { code: 400, description: 'description is required' },
        { code: 400, description: 'attribute[kind] is required' },
      ],
    });
  });

  it("answers a failure of ours as the spec's 400 General Service Error, keeping the code and id", () => {
    expect(open311ErrorsOf(problem(500, { errorId: 'e-1' }))).toEqual({
      status: 400,
      errors: [{ code: 500, description: expect.stringContaining('Quote e-1') }],
    });
  });
});
