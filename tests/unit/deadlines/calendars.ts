// Hand-built district calendars for the deadline tests (a California-style district, two school years).
import type { DistrictCalendar } from '../../../shared/deadlines';

export function twoYearCalendar(overrides: Partial<DistrictCalendar> = {}): DistrictCalendar {
  return {
    name: 'Test USD 2023-25',
    terms: [
      { label: '2023-24', firstDay: '2023-08-16', lastDay: '2024-06-06' },
      { label: '2024-25', firstDay: '2024-08-14', lastDay: '2025-06-05' },
    ],
    closures: [
      { start: '2023-09-04', end: '2023-09-04', label: 'Labor Day', kind: 'holiday' },
      { start: '2023-11-10', end: '2023-11-10', label: 'Veterans Day (observed)', kind: 'holiday' },
      { start: '2023-11-20', end: '2023-11-24', label: 'Thanksgiving Break', kind: 'break' },
      { start: '2023-12-18', end: '2024-01-05', label: 'Winter Break', kind: 'break' },
      { start: '2024-01-15', end: '2024-01-15', label: 'Martin Luther King Jr. Day', kind: 'holiday' },
      { start: '2024-02-13', end: '2024-02-21', label: 'February Break', kind: 'break' },
      { start: '2024-03-25', end: '2024-03-29', label: 'Spring Break', kind: 'break' },
      { start: '2024-09-02', end: '2024-09-02', label: 'Labor Day', kind: 'holiday' },
      { start: '2024-12-23', end: '2025-01-03', label: 'Winter Recess', kind: 'break' },
    ],
    ...overrides,
  };
}
