// Saved files are named for the person: family name first, what the file is, the ISO date.
import { describe, expect, it } from 'vitest';
import { personFileName, personPart } from '../../../renderer/src/components/person-file-name';

describe('person file names', () => {
  it('puts the family name first and joins the rest with underscores', () => {
    expect(personFileName('Mateo Rivera', 'evidence packet', 'pdf', '2026-12-04')).toBe('Rivera_Mateo_evidence-packet_2026-12-04.pdf');
    expect(personFileName('Mateo Rivera', 'records_request', 'docx', '2026-12-04')).toBe('Rivera_Mateo_records-request_2026-12-04.docx');
    expect(personPart('Mary Ann Smith-Jones')).toBe('Smith-Jones_Mary_Ann');
  });

  it('keeps only letters, digits and hyphens, folding accents, and never gives an empty name', () => {
    expect(personPart('  José   Núñez ')).toBe('Nunez_Jose');
    expect(personPart("D'Angelo O'Brien")).toBe('OBrien_DAngelo');
    expect(personPart('   ')).toBe('Case');
    expect(personFileName('Ana', 'Exhibit list!', 'csv', '2026-01-02')).toBe('Ana_exhibit-list_2026-01-02.csv');
  });
});
