// Vocabulary of service logs (provider trackers, encounter attendance reports, session notes): what
// their column headings, header fields, attendance codes and non-session rows look like. Data, not
// control flow: a new system's log is a row here (with where it was seen) and a test.

/** Column headings of a session table, by role. The first role a heading matches wins, in this order. */
export const LOG_COLUMNS: Array<{ role: LogColumnRole; re: RegExp; seen: string }> = [
  { role: 'date', re: /\bdate\b/i, seen: 'every log: "Date", "Session Date", "Date of Service"' },
  { role: 'timeIn', re: /^(?:time\s+in|in|start(?:\s+time)?|begin(?:\s+time)?|from)$/i, seen: 'Medicaid-style session notes with Time In / Time Out' },
  { role: 'timeOut', re: /^(?:time\s+out|out|end(?:\s+time)?|stop(?:\s+time)?|to)$/i, seen: 'Medicaid-style session notes with Time In / Time Out' },
  { role: 'scheduled', re: /sched|required|planned|expected|iep\s+min|session\s+length|\blength\b|mandated|mandate\b|prescribed/i, seen: 'SEIS "Sched. Min", NYC/NYS encounter reports "Mandated Duration"' },
  { role: 'delivered', re: /deliver|actual|provided|served|duration|minutes|\bmins?\b|time\s+spent|total\s+time/i, seen: 'SEIS "Min. Delivered", Frontline "Duration (min)", NYS "Session Duration"' },
  { role: 'status', re: /status|attendance|code|reason|outcome|result|absence/i, seen: 'SEIS "Status", Frontline and NYS "Attendance"' },
  { role: 'notes', re: /note|comment|explanation|narrative/i, seen: '"Notes", "Session Notes", "Comments"' },
  { role: 'service', re: /service|type|activity|discipline|therapy|program/i, seen: 'encounter reports listing several services in one table' },
  // Columns a session does not need: they are named so no other role takes them.
  { role: 'ignore', re: /group|size|ratio|cycle|^day$|weekday|provider|therapist|location|setting|goal|objective|signature|initial/i, seen: 'NYS encounter reports (Day, Cycle Day, Group Size), Frontline (Provider)' },
];

export type LogColumnRole = 'date' | 'timeIn' | 'timeOut' | 'scheduled' | 'delivered' | 'status' | 'notes' | 'service' | 'ignore';

/** Header fields that name the service a log (or a section of it) is for: the value follows the label. */
export const SERVICE_FIELD = /^(?:(?:related\s+|provider\s+)?service(?:\s+(?:type|name|area|provided))?|discipline|therapy(?:\s+type)?|program(?:\/service)?)\s*[:\-–]\s*(.+)$/i;

/**
 * Header labels printed without a colon, the value in the cell beside them (two-column headers of
 * vendor session logs: "Service | Occupational Therapy | Frequency | 2 x 30 min weekly").
 */
export const LOG_HEADER_LABELS: Array<{ kind: 'service' | 'scheduled'; re: RegExp; seen: string }> = [
  { kind: 'service', re: /^(?:(?:related|provider)\s+)?service(?:\s+(?:type|name|area|provided))?$|^discipline$|^therapy(?:\s+type)?$/i, seen: 'provider session logs with a two-column header' },
  { kind: 'scheduled', re: /^(?:scheduled(?:\s+(?:minutes|time|duration))?|frequency(?:\s+(?:and|&)\s+duration)?|mandate[d]?(?:\s+(?:minutes|duration))?|minutes\s+per\s+session|session\s+length|iep\s+minutes|duration)$/i, seen: 'session logs that print the IEP dose once in the header, not per row' },
];

/**
 * Attendance codes and statuses, by what they mean for the minutes. The first match wins, so a
 * make-up or a closure is recognised before the words "present" or "absent" inside it.
 *  - makeup: a session given to make up a missed one; not in the minutes required, counted apart.
 *  - closed: school closed that day; the session was not owed (only when it is the row's code).
 *  - provider_absent / student_absent: who caused a missed session.
 *  - delivered: the session took place (fully or partly).
 *  - not_provided: missed, the reason in the notes.
 */
export const ATTENDANCE_CODES: Array<{ re: RegExp; meaning: AttendanceMeaning; seen: string }> = [
  { re: /\bmake[- ]?ups?\b|\bmakeup\b|\bcompensatory\s+session\b|\bMU\b/i, meaning: 'makeup', seen: 'NYS encounter attendance "Make-up", Frontline "Makeup Session"' },
  { re: /^\s*(?:school\s+closed?|school\s+closure|closed|emergency\s+clos\w*|snow\s+day|weather\s+closure|holiday|no\s+school|non[- ]?(?:instructional|school)\s+day)\b/i, meaning: 'closed', seen: 'NYS encounter attendance "School Closed"' },
  { re: /\b(?:provider|therapist|clinician|staff|teacher|counsel+or|slp|ot|pt)\s+(?:absent|unavailable|out|ill|on\s+leave|cancel+ed)\b|\bno\s+sub(?:stitute)?\b/i, meaning: 'provider_absent', seen: 'Frontline and NYS "Provider Absent", SEIS "Not Provided - Provider unavailable"' },
  { re: /\b(?:student|child|pupil)\s+(?:absent|unavailable|refused|declined|ill|sick|tardy|suspended)\b|^\s*absent\b|\bno[- ]show\b/i, meaning: 'student_absent', seen: 'Frontline and NYS "Student Absent", "Student Refused"' },
  { re: /\bnot\s+(?:provided|delivered|held|seen)\b|\bmissed\b|\bcancel+ed\b|\bnot\s+served\b/i, meaning: 'not_provided', seen: 'SEIS "Not Provided - ...", Frontline "Cancelled"' },
  { re: /\bpresent\b|\bdelivered\b|\bprovided\b|\battended\b|\bseen\b|\bcomplete[d]?\b|\bheld\b|\bserved\b|^\s*P\s*$/i, meaning: 'delivered', seen: 'SEIS "Delivered", NYS "Student Present", Frontline "Present"' },
];

export type AttendanceMeaning = 'makeup' | 'closed' | 'provider_absent' | 'student_absent' | 'not_provided' | 'delivered';

/** Rows that are not sessions even when they start with a date: subtotals, week or month totals, notes. */
export const NOT_A_SESSION = /\b(?:sub-?)?totals?\b|\bweek\s+(?:of|total|ending)\b|\bmonth(?:ly)?\s+total\b|\bsummary\b|^[\s\-–—:,]*(?:provider\s+|case\s+)?notes?\s*:|\bno\s+sessions?\s+(?:scheduled|this\s+week)\b/i;

/** Printed counts of entries ("Entries listed: 144", "Encounters listed: 118", "Total sessions: 36"). */
export const PRINTED_COUNT = /(?:entries|sessions|encounters)\s+(?:listed|logged|recorded|total)\s*[:=]\s*(\d+)|total\s+(?:entries|sessions|encounters)\s*[:=]\s*(\d+)/i;
