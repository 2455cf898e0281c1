// Core side of deadlines: the pure engine lives in shared/deadlines; this adds the file steps (import a district
// calendar .ics, write deadlines to .ics). Paths are given by the caller.
import { readFile, writeFile } from 'node:fs/promises';
import { deadlinesToIcs, parseDistrictCalendarIcs, type CalendarImport, type Deadline } from '../../../shared/deadlines';

export * from '../../../shared/deadlines';

export async function importDistrictCalendarFile(filePath: string, name?: string): Promise<CalendarImport> {
  return parseDistrictCalendarIcs(await readFile(filePath, 'utf8'), name);
}

/** Writes the deadlines as .ics; returns the ids left out because their date could not be computed. */
export async function writeDeadlinesIcsFile(
  filePath: string,
  deadlines: Deadline[],
  opts: { calendarName: string; now: Date },
): Promise<string[]> {
  const { ics, skipped } = deadlinesToIcs(deadlines, { calendarName: opts.calendarName, stamp: opts.now.toISOString() });
  await writeFile(filePath, ics, 'utf8');
  return skipped;
}
