// English strings of citizen-oidc.ts: a separate file so that the English chunk, loaded only when chosen, carries them.
import type { vi } from './citizen-oidc';

export const en: typeof vi = {
  button: 'Sign in with {{name}}',
  or: 'or get a code by phone or e-mail',
  hint: 'Use your national electronic identity account: the dossiers filed with your personal identity number show without a code.',
  failed: 'Could not sign in with the identity account',
  signedInAs: 'Signed in with {{name}}: {{fullName}}',
  idNumber: 'Personal identity number: {{idNumber}}',
  errors: {
    denied: 'You did not agree to share your information or cancelled the sign-in. Sign in again to continue.',
    expired: 'The sign-in expired or was already used. Please sign in again.',
    state: 'The sign-in answer does not belong to a sign-in started in this browser. Please sign in again.',
    provider: 'The identity service could not be reached or answered something invalid. Please try again in a few minutes.',
    'no-id': 'The identity account gave no 12-digit personal identity number. Use a level-2 identity account or sign in with a one-time code.',
    mismatch: 'The identity number received does not match the account linked before. Please contact the Center.',
    unknown: 'Sign-in failed. Please try again.',
  },
};
