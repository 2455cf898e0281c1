// Two-letter codes accepted for a case's state: the 50 states, DC, and the territories and
// freely associated states that receive IDEA Part B funds.
export const STATE_CODES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY',
  'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND',
  'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  'DC', 'PR', 'VI', 'GU', 'AS', 'MP', 'FM', 'MH', 'PW',
] as const;
export type StateCode = (typeof STATE_CODES)[number];

export function isStateCode(s: string): s is StateCode {
  return (STATE_CODES as readonly string[]).includes(s);
}
