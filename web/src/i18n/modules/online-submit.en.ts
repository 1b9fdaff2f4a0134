// English strings of online-submit.ts: a separate file so that the English chunk, loaded only when chosen, carries them.
import type { vi } from './online-submit';

export const en: typeof vi = {
  cta: 'Submit online',
  title: 'Submit a dossier online',
  contact: 'The center contacts you at {{contact}} (verified at sign-in); the dossier will show in "My dossiers".',
  fullName: "Applicant's full name",
  idNumber: 'Personal identification number (12 digits)',
  address: 'Address',
  delivery: 'How to receive the result',
  deliveryOnline: 'Electronic result online',
  deliveryCounter: 'At the center',
  deliveryPost: 'By post',
  fees: 'Fees',
  noFee: 'Free of charge.',
  dueNote: 'The official due date is set when a clerk receives the dossier.',
  submit: 'Submit',
  back: 'Back to the procedure',
  notOnline: 'This procedure has no online service yet: please submit at the center or by post.',
  submitted: 'Dossier {{code}} submitted. Upload each document below (PDF, JPEG or PNG).',
  uploadTitle: 'Upload the documents',
  choose: 'Choose a file',
  replace: 'Replace the file',
  missing: '{{n}} mandatory document(s) not uploaded yet.',
  open: 'Open it in "My dossiers"',
};
