// Headings for red flag types: the shared table (shared/timeline/flag-labels.ts), so the app and the meeting brief agree.
export { flagLabel } from '../../../../shared/timeline/flag-labels';
