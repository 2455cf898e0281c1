import type { z } from 'zod';

/** One line naming each field that is wrong and why: "dob: is not a real date; state: ...". */
export function zodMessage(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : 'arguments';
      return `${where}: ${i.message}`;
    })
    .join('; ');
}
