import { describe, expect, it } from 'vitest';
import { businessDays, parseIsoDate, shiftMonths } from './calendar.ts';

describe('businessDays', () => {
  it('lists Monday to Friday and skips the weekend', () => {
    expect(businessDays('2025-01-03', '2025-01-07')).toEqual(['2025-01-03', '2025-01-06', '2025-01-07']);
  });

  it('includes both ends when they are weekdays', () => {
    expect(businessDays('2025-06-02', '2025-06-02')).toEqual(['2025-06-02']);
  });

  it('returns nothing for a weekend-only range', () => {
    expect(businessDays('2025-06-07', '2025-06-08')).toEqual([]);
  });

  it('counts 261 weekdays in 2025 and handles the leap day of 2024', () => {
    expect(businessDays('2025-01-01', '2025-12-31')).toHaveLength(261);
    expect(businessDays('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('refuses a start after the end and impossible dates', () => {
    expect(() => businessDays('2025-02-01', '2025-01-01')).toThrow(/startDate 2025-02-01 is after endDate 2025-01-01/);
    expect(() => businessDays('2025-02-30', '2025-03-01')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => parseIsoDate('2025/01/01', 'from')).toThrow(/from must be a real date/);
  });
});

describe('shiftMonths', () => {
  it('moves by calendar months and clamps to the end of a shorter month', () => {
    expect(shiftMonths('2025-12-31', -120)).toBe('2015-12-31');
    expect(shiftMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(shiftMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(shiftMonths('2025-01-15', 1)).toBe('2025-02-15');
  });
});
