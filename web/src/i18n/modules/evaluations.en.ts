// English strings of evaluations.ts: a separate file so that the English chunk, loaded only when chosen, carries them.
import type { vi } from './evaluations';

export const en: typeof vi = {
  title: 'Satisfaction evaluation',
  intro: 'Dossier {{code}}: please choose one level for each criterion. Each dossier is rated once.',
  submit: 'Send evaluation',
  missing: 'Please choose one level for each criterion.',
  thanks: 'Thank you for your evaluation. It has been recorded.',
  already: 'This dossier has already been rated. Each dossier is rated once.',
  notFound: 'This evaluation link is not valid.',
};
