// Slip sheets: one page in front of each exhibit naming it, so a reader (or a hearing officer) can find
// exhibits in the printed binder. They carry the packet page number, not a Bates number. They are laid
// out in the front matter's document, after its last page, so the packet embeds one font subset and
// shapes each word (Bates numbers, descriptions) once.
import type { ExhibitPlan } from './plan';
import { displayDate, type FrontMatterWriter } from './writer';

/** Appends one slip page per plan, in plan order, to `w`. */
export function writeSlipSheets(w: FrontMatterWriter, plans: ExhibitPlan[], formatBates: (n: number) => string): void {
  for (const plan of plans) {
    w.newPage();
    w.doc.moveDown(12);
    w.doc.font('Bold').fontSize(40).text(`EXHIBIT ${plan.label}`, { align: 'center' });
    w.doc.moveDown(1);
    w.doc.font('Body').fontSize(14).text(plan.exhibit.description, { align: 'center' });
    if (plan.exhibit.date) w.doc.fontSize(12).text(displayDate(plan.exhibit.date), { align: 'center' });
    w.doc.moveDown(1);
    const first = formatBates(plan.bates[0]);
    const last = formatBates(plan.bates[plan.bates.length - 1]);
    w.doc.fontSize(11).text(plan.bates.length === 1 ? `Bates ${first}` : `Bates ${first} - ${last}`, { align: 'center' });
    w.doc.text(`${plan.pages.length} page${plan.pages.length === 1 ? '' : 's'}`, { align: 'center' });
  }
}
