// Prepared statements for the settings table: one JSON value per key.
import type { Db } from '../open';

export function settingsQueries(db: Db) {
  return {
    /** Every stored setting, its value parsed. */
    all: (): [string, unknown][] => db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings').all().map((r) => [r.key, JSON.parse(r.value_json) as unknown]),
    /** Writes the given keys in one transaction. */
    put(entries: [string, unknown][]): void {
      const upsert = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json');
      db.transaction(() => {
        for (const [k, v] of entries) upsert.run(k, JSON.stringify(v));
      })();
    },
  };
}
