// How IEP forms head a services table and group its rows, as data. services.ts reads any table whose
// header names a service column and at least two dose or place columns.

export type ServiceColumnKind = 'service' | 'delivery' | 'frequency' | 'period' | 'generalEd' | 'duration' | 'location' | 'provider' | 'start' | 'end' | 'dates' | 'other';

/** Column headers, first match wins, matched against the header cell text (all header lines joined). */
export const SERVICE_TABLE_COLUMNS: Array<[ServiceColumnKind, RegExp]> = [
  // New York: "Service Delivery Recommendations" (group size), before the generic "service" match.
  ['delivery', /\bservice\s+delivery\b|\bgroup\s+size\b|\bratio\b|\bdelivery\s+model\b|\bgroup\s*\/\s*individual\b/i],
  // "Projected Beginning/Service Dates" (New York), "Start - End" (SEIS), "Dates of Service".
  ['dates', /\bbeginning\s*\/\s*service\s+dates?\b|\bdates?\s+of\s+service\b|\bservice\s+dates?\b|\bprojected\b.*\bdates?\b|\bstart\s*[-–/]\s*end\b/i],
  // Texas schedules of services name the course a service is given in ("Course/Curriculum Area", "Subject").
  ['service', /\b(?:program\s*\/\s*)?services?\b|\bprogram\b|\btype\b|\bdescription\b|\bcourse\b|\bcurriculum\s+area\b|^subject(?:\s+area)?\b|\binstructional\s+area\b/i],
  ['start', /\b(?:start|begin(?:s|ning)?|initiation|from)\b/i],
  // Missouri: "Duration Date" is the date services end.
  ['end', /\b(?:ends?|ending|through|expiration)\b|\bduration\s+date\b/i],
  // "Times" beside "Minutes" and "Per" (vendor grids printing the dose in three columns).
  ['frequency', /\b(?:frequency|freq\.?|how\s+often|sessions?|times)\b/i],
  // New York: "Period" (Daily / Weekly / 6 day cycle) beside "Frequency"; "Per" (Week / Month) after "Times".
  ['period', /^period\b|^per$|^interval$/i],
  // Texas schedules of services and some Midwest forms give general-education and special-education
  // minutes in two columns ("Gen. Ed. Minutes" | "Special Ed. Minutes"); the service's dose is the
  // special-education time, so the general-education column is no dose.
  ['generalEd', /\bgen(?:eral)?\.?\s*ed(?:ucation|\.)?\b|\breg(?:ular)?\.?\s*ed(?:ucation|\.)?\b/i],
  ['duration', /\b(?:minutes|min\.?|duration|amount|length|time)\b/i],
  ['location', /\b(?:location|setting|where)\b/i],
  ['provider', /\b(?:provider|responsible|staff|personnel|provided\s+by)\b/i],
];

/** Columns printed before the service's own, naming when it runs ("Semester | Year | Course ..."). */
export const LEADING_COLUMNS = /^(?:semester|year|school\s+year|term|grading\s+period|six\s+weeks|sem\.?|yr\.?)$/i;

/** A column whose header names minutes: its bare figures ("180", "180 per 6 wks") are minutes. */
export const MINUTES_COLUMN = /\bmin(?:ute)?s?\b|\bmins?\.|\btime\b/i;

/**
 * Labels of a service described in labelled fields rather than a table row (a label printed above
 * its value, or "Label: value" lines): the name first, then its dose and where and by whom.
 * Seen: IEP systems that print each service as a block ("Service" / "Frequency and duration" /
 * "Location"), Word-typed IEPs ("Service: ...", "Minutes: ...", "Frequency: ...").
 */
export const SERVICE_BLOCK_LABELS: Array<[ServiceColumnKind, RegExp]> = [
  ['service', /^(?:(?:related|special\s+education|instructional)\s+)?service(?:\s+(?:type|name|area|description))?$|^type\s+of\s+service$|^program\s*\/\s*service$/i],
  // "Frequency/Duration", "Duration/Freq", "Time and Frequency": the dose named both ways round.
  ['frequency', /^(?:frequency|freq\.?|how\s+often|sessions?)(?:\s*(?:and|&|\/)\s*(?:duration|time|minutes|length))?$|^(?:duration|time|minutes|length)\s*(?:and|&|\/)\s*(?:frequency|freq\.?)$|^(?:amount|dosage)(?:\s+of\s+(?:service|time))?$/i],
  ['duration', /^(?:duration|minutes(?:\s+per\s+(?:session|week|month))?|session\s+length|time(?:\s+per\s+session)?|length)$/i],
  ['location', /^(?:location|setting|place|where)(?:\s+of\s+service)?$/i],
  ['provider', /^(?:provider|provided\s+by|responsible\s+(?:staff|person)|staff)$/i],
  ['start', /^(?:start|begin(?:ning)?|initiation)(?:\s+date)?$/i],
  ['end', /^(?:end|ending|duration)\s+date$/i],
];

/** Headings of the services part of an IEP. */
export const SERVICES_HEADING = /SERVICES|OFFER\s+OF\s+FAPE|SPECIAL\s+EDUCATION\s+(?:AND|&)\s+RELATED|RELATED\s+SERVICES|SUPPLEMENTARY\s+AIDS/i;

/**
 * Bands inside a services table: rows under these are services (New York "SPECIAL EDUCATION
 * PROGRAM/SERVICES", "RELATED SERVICES"), rows under NOT_SERVICE_BAND are accommodations or supports
 * printed in the same table ("SUPPLEMENTARY AIDS AND SERVICES/PROGRAM MODIFICATIONS/ACCOMMODATIONS").
 */
export const NOT_SERVICE_BAND = /SUPPLEMENTARY\s+AIDS|PROGRAM\s+MODIFICATIONS?|ACCOMMODATIONS?|ASSISTIVE\s+TECHNOLOGY|SUPPORTS?\s+FOR\s+(?:SCHOOL\s+)?PERSONNEL|TESTING|TRANSPORTATION/i;
export const SERVICE_BAND = /SERVICES?|PROGRAMS?|INSTRUCTION|THERAP/i;

/** "No change": an amendment that keeps the services of the IEP it amends lists none of its own. */
export const NO_CHANGE = /\bno\s+changes?\b|\bremain(?:s)?\s+(?:as\s+written|in\s+effect|unchanged|the\s+same)|\bunchanged\b|\bcontinue\s+as\s+(?:written|stated)/i;

/** Service-row marks that are notes, not part of the name ("(revised)", "(new)", "*"). */
export const SERVICE_NAME_NOTES = /\s*(?:\((?:revised|new|added|changed|amended|updated)\)|\*+)\s*/gi;
