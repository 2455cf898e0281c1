import type { Migration } from '../migrate';

/**
 * A Prior Written Notice read from a letter becomes its own kind of event, pwn_received (it was stored as
 * violation_known). The events already made from accepted notices, and the stored answers about them,
 * take the new kind; the limitation periods still start from them (shared/deadlines EVENT_ALSO_STARTS).
 */
export const m0241PwnReceived: Migration = {
  version: 241,
  name: 'pwn received events',
  up(db) {
    db.exec(`
      UPDATE case_events SET type = 'pwn_received'
       WHERE type = 'violation_known'
         AND id IN (SELECT event_id FROM event_suggestions WHERE kind = 'prior_written_notice' AND event_id IS NOT NULL);
      UPDATE event_suggestions SET event_type = 'pwn_received' WHERE kind = 'prior_written_notice';
    `);
  },
};
