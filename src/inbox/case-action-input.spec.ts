import { parseCaseAction } from './case-action-input';

describe(parseCaseAction.name, () => {
  it('reads a reply, trimmed', () => {
    expect(parseCaseAction('reply', { body: '  Hej!  ' })).toEqual({
      input: { action: 'reply', body: 'Hej!' },
      errors: [],
    });
  });

  it('refuses an empty reply and fields the action does not have', () => {
    const { input, errors } = parseCaseAction('reply', { body: '   ', to: 'GUB' });
    expect(input).toBeNull();
    expect(errors).toEqual([
      { field: 'to', reason: 'is not a field of this action' },
      { field: 'body', reason: 'is required' },
    ]);
  });

  it('refuses a note longer than 10 000 characters', () => {
    expect(parseCaseAction('note', { body: 'x'.repeat(10_001) }).errors).toEqual([
      { field: 'body', reason: 'must be at most 10000 characters' },
    ]);
  });

  it('reads a transfer with an upper-cased organisation code and no empty fields', () => {
    expect(parseCaseAction('transfer', { reason: 'not-our-line', to: 'nobina', note: '' })).toEqual(
      {
        input: { action: 'transfer', reason: 'not-our-line', to: 'NOBINA', note: undefined },
        errors: [],
      },
    );
  });

  it('names an unknown outcome, transfer reason or user id', () => {
    expect(parseCaseAction('resolve', { outcome: 'maybe' }).errors[0].field).toBe('outcome');
    expect(parseCaseAction('transfer', { reason: 'bored' }).errors[0].field).toBe('reason');
    expect(parseCaseAction('assign', { userId: 'me' }).errors).toEqual([
      { field: 'userId', reason: 'must be a user id' },
    ]);
  });

  it('takes no fields for claim and reopen', () => {
    expect(parseCaseAction('claim', {}).input).toEqual({ action: 'claim' });
    expect(parseCaseAction('reopen', { status: 'open' }).input).toBeNull();
  });
});
