// Correspondence in shapes other than the fixture's: an Outlook print with "Sent:", a district letter
// with a date line, "Re:", salutation and signature.
import { describe, expect, it } from 'vitest';
import { extractCorrespondence } from '../../../main/core/extract/correspondence';
import { pdfFromText } from './compose';

const OUTLOOK = `
From: Baker, Tom <tbaker@district.example.org>
Sent: Tuesday, October 3, 2023 4:12 PM
To: Sara Lin <sara.lin@example.com>; Jones, Amy <ajones@district.example.org>
Cc: Case File
Subject: Invitation to IEP meeting

Ms. Lin, please find attached the meeting notice.
`;

const LETTER = `
                    Lakeview Unified School District
                    Office of Special Education

November 14, 2023

Mr. and Mrs. Ortega
44 Elm Street
Lakeview, MO 65000

Re: Request for independent educational evaluation - Daniel Ortega

Dear Mr. and Mrs. Ortega:

We received your request dated 11/02/2023 for an independent educational evaluation.

Respectfully,

Maria Chen
Director of Student Services
cc: Building principal
`;

describe('correspondence in other layouts', () => {
  it('reads an Outlook email printout', async () => {
    const mail = extractCorrespondence(await pdfFromText(OUTLOOK), 'outlook');
    expect(mail).toEqual({
      from: 'Baker, Tom <tbaker@district.example.org>',
      to: 'Sara Lin <sara.lin@example.com>; Jones, Amy <ajones@district.example.org>',
      cc: 'Case File',
      date: '2023-10-03',
      subject: 'Invitation to IEP meeting',
    });
  });

  it('reads a letter: date line, Re:, salutation and signature', async () => {
    const letter = extractCorrespondence(await pdfFromText(LETTER), 'letter');
    expect(letter).toEqual({
      from: 'Maria Chen, Director of Student Services',
      to: 'Mr. and Mrs. Ortega',
      cc: 'Building principal',
      date: '2023-11-14',
      subject: 'Request for independent educational evaluation - Daniel Ortega',
    });
  });
});
