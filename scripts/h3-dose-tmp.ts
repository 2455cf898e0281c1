import { parseServiceDose } from '../main/core/extract/iep-dose';
for (const t of ['4 Times Weekly 45 min/session 180 min Weekly','30 minutes, 2 times per week','60 minutes per month','30 min daily','1 hour twice weekly','120 minutes per week','3x weekly, 20 minute sessions','45 min 4x weekly', '2 x 30 min/week', '15 min 1x monthly'])
  console.log(t, JSON.stringify(parseServiceDose(t)));
