// Who is responsible for a service session that fell short, from the log's status and notes.
// Student-caused shortfalls (absence, illness, tardiness, refusal) are not normally compensable;
// everything else the district controls (provider absence or leave, unfilled positions, meetings,
// testing, assemblies, closures not made up, schedules not set up) is district-responsible.
import type { ServiceSession } from '../../../shared/domain';
import { ATTENDANCE_CODES, type AttendanceMeaning } from './vocab/service-log';

const STAFF = String.raw`(?:provider|therapist|teacher|staff|clinician|specialist|case\s+manager|slp|ot|pt|aide|para(?:professional)?|counsell?or|psychologist|interventionist|instructor)`;
const STAFF_OUT = new RegExp(String.raw`\b${STAFF}\b[^.;]*\b(?:absent|absence|out|ill|sick|leave|unavailable|vacation|conflict|cancel+ed|late)\b|\b(?:absent|absence|out|leave|unavailable)\b[^.;]*\b${STAFF}\b`, 'i');
const STUDENT_OUT = /\b(?:student|child|pupil)\b[^.;]*\b(?:absent|absence|ill|sick|tardy|late|unavailable|refus\w*|declin\w*|suspend\w*|left\s+early|picked\s+up\s+early|dismissed\s+early|asleep|vacation|not\s+in\s+school)\b|\b(?:absent|absence|ill(?:ness)?|sick|tardy|refus\w*|declin\w*|no[- ]show|excused|unexcused)\b|\bparent\s+(?:cancel\w*|request\w*|declin\w*)|\bfamily\s+(?:vacation|trip|emergency)/i;

/** 'student_absence' when the student (or family) caused the shortfall, otherwise 'district'. */
export function classifyResponsibility(text: string): ServiceSession['responsibility'] {
  if (STAFF_OUT.test(text)) return 'district';
  if (STUDENT_OUT.test(text)) return 'student_absence';
  return 'district';
}

/** What a row's attendance code or status says (vocab/service-log.ts), or null when it says nothing known. */
export function attendanceOf(status: string | null): AttendanceMeaning | null {
  if (!status?.trim()) return null;
  return ATTENDANCE_CODES.find((c) => c.re.test(status))?.meaning ?? null;
}
