// English strings of citizen.ts: a separate file so that the English chunk, loaded only when chosen, carries them.
import type { vi } from './citizen';

export const en: typeof vi = {
  signInTitle: 'Sign in to public services',
  signInIntro: 'Enter the mobile number or e-mail address you gave when you submitted your dossier. We send a 6-digit code to sign in, no password needed.',
  contact: 'Phone or e-mail',
  contactPlaceholder: '0905 123 456 or name@example.vn',
  sendCode: 'Send sign-in code',
  code: 'Sign-in code (6 digits)',
  verify: 'Sign in',
  otherContact: 'Use another phone or e-mail',
  resend: 'Send the code again',
  myDossiers: 'My dossiers',
  signedInAs: 'Signed in: {{contact}}',
  logout: 'Sign out',
  empty: 'No dossier was submitted with this phone number or e-mail address.',
  registeredAt: 'Submitted',
  dueAt: 'Due',
  procedure: 'Procedure',
  center: 'Received at',
  timeline: 'Progress',
  files: 'Files of the dossier',
  resultFile: 'Result',
  downloadResult: 'Download the result file',
  resultNotOnline: 'The result file can be downloaded here once the center returns the result online.',
  back: 'Back to my dossiers',
  notFound: 'This dossier is not among your dossiers.',
};
