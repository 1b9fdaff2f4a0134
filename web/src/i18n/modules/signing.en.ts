// English strings of signing.ts: a separate file so that the English chunk, loaded only when chosen, carries them.
import type { vi } from './signing';

export const en: typeof vi = {
  signed: 'Digitally signed',
  by: '{{name}} – {{title}}, {{unit}}',
  download: 'Download the signed result (PDF)',
  verify: 'Verification page',
  sign: 'Sign the result',
  confirmTitle: 'Sign the result digitally?',
  confirm: 'The result file is signed with your certificate and replaces the unsigned one; this cannot be undone.',
  done: 'Result signed',
  page: {
    title: 'Verify a digitally signed document',
    intro: 'The details below were recorded by the Center when the document was signed. To check the PDF you received, upload it: its SHA-256 hash is compared with the recorded one.',
    document: 'Document',
    documentValue: 'Result of the procedure: {{procedure}}',
    signer: 'Signed by',
    title2: 'Title',
    unit: 'Unit',
    center: 'Agency',
    signedAt: 'Signed at',
    sha256: 'SHA-256 hash',
    size: 'Size',
    bytes: '{{size}} bytes',
    upload: 'Choose a PDF file to check',
    checking: 'Checking…',
    match: 'The file matches: it is this signed document (same hash).',
    mismatch: 'The file does NOT match this signed document: it was changed or is another document.',
    yourHash: 'Hash of the chosen file: {{hash}}',
    notFound: 'No signed document has this verification code. Check the link or the QR code.',
  },
};
