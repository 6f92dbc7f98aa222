import {
  firstSwedishWorkingDay,
  isSwedishWorkingDay,
  SWEDISH_CLOSED_EVES,
  swedishHolidayNames,
  swedishHolidaysOn,
} from './swedish-holidays';

const on = (date: string) => swedishHolidaysOn(date).map((h) => `${h.name}:${h.type}`);

describe(swedishHolidaysOn.name, () => {
  it('finds the moving public holidays of 2026 on their dates', () => {
    expect(on('2026-04-03')).toEqual(['långfredagen:public']);
    expect(on('2026-04-06')).toEqual(['annandag påsk:public']);
    expect(on('2026-05-14')).toEqual(['Kristi himmelsfärdsdag:public']);
    expect(on('2026-06-20')).toEqual(['midsommardagen:public']);
    expect(on('2026-10-31')).toEqual(['alla helgons dag:public']);
  });

  it('types the de facto closed eves as bank days, not public holidays', () => {
    expect(on('2026-06-19')).toEqual(['midsommarafton:bank']);
    expect(on('2027-06-25')).toEqual(['midsommarafton:bank']);
    expect(on('2026-12-24')).toEqual(['julafton:bank']);
    expect(on('2026-12-31')).toEqual(['nyårsafton:bank']);
  });

  it('types the usual half days as optional', () => {
    expect(on('2026-01-05')).toEqual(['trettondagsafton:optional']);
    expect(on('2026-04-30')).toEqual(['valborgsmässoafton:optional']);
    expect(on('2026-10-30')).toEqual(['allhelgonaafton:optional']);
  });

  it('keeps both holidays when two share a date (6 November 2027)', () => {
    expect(on('2027-11-06')).toEqual(['alla helgons dag:public', 'Gustav-Adolf-dagen:observance']);
  });

  it('lists nothing on an ordinary day, and only observances on Easter Saturday', () => {
    expect(on('2026-02-03')).toEqual([]);
    expect(on('2026-04-04')).toEqual(['påskafton:observance']);
  });
});

describe(swedishHolidayNames.name, () => {
  it('knows every Swedish name with its type, including the closed eves', () => {
    const names = swedishHolidayNames();
    expect(names.get('trettondagsafton')).toBe('optional');
    expect(names.get('juldagen')).toBe('public');
    for (const eve of SWEDISH_CLOSED_EVES) expect(names.get(eve)).toBe('bank');
    expect(names.has('Christmas Day')).toBe(false);
  });
});

describe('Swedish working days', () => {
  it('skips weekends, public holidays and the closed eves', () => {
    // Friday 1 January 2027 is nyårsdagen; the 2nd and 3rd a weekend.
    expect(firstSwedishWorkingDay('2027-01')).toBe('2027-01-04');
    // Tuesday 1 December 2026 is an ordinary day.
    expect(firstSwedishWorkingDay('2026-12')).toBe('2026-12-01');
    // 1 May 2027 is a Saturday; Monday the 3rd.
    expect(firstSwedishWorkingDay('2027-05')).toBe('2027-05-03');
    expect(isSwedishWorkingDay('2026-12-24')).toBe(false);
    expect(isSwedishWorkingDay('2026-06-19')).toBe(false);
    expect(isSwedishWorkingDay('2026-12-23')).toBe(true);
  });
});
