// English strings of ranking.ts: a separate file so that the English chunk, loaded only when chosen, carries them.
import type { vi } from './ranking';

export const en: typeof vi = {
  menu: {
    ranking: 'Staff ranking', rankingDesc: 'Dossiers settled, on-time share normalised by procedure, supplements, delay caused, ratings',
    index: 'Index 766', indexDesc: 'The service index figures the center determines, with formulas and the dossiers behind them',
  },
  title: 'Ranking of officers and departments',
  subtitle: 'The score compares each officer with the overall on-time share of the very procedures they handled — a land officer with land dossiers.',
  by: { staff: 'By officer', department: 'By department' },
  formula: 'Score formula',
  asOf: 'Figures as of {{time}}.',
  notAvailable: 'Not available',
  chart: 'Normalised score (100 = the overall level on the same procedures)',
  chartAria: 'Bar chart of each officer\'s normalised score',
  col: {
    rank: 'Rank', name: 'Officer', department: 'Department', unit: 'Unit', handled: 'Dossiers settled', onTime: 'On time',
    share: 'On-time share', expected: 'Expected share', score: 'Score', supplements: 'Supplement requests', delay: 'Delay caused',
    evaluation: 'Rating (0–2)', evaluations: '{{count}} forms', assess: 'Assess', lateDossiers: '{{count}} late dossiers', onTimeOf: '{{onTime}}/{{handled}} dossiers',
  },
  unranked: 'Not ranked',
  empty: 'No dossier was settled in the period.',
  codes: 'Dossiers settled ({{count}})',
  assess: {
    button: 'Periodic assessment', title: 'Periodic assessment: {{name}}',
    help: 'Regulation 16.3: the director assesses the officers seconded to the center. The period\'s ranking figures are stored with the assessment.',
    rating: 'Rating', ratingRequired: 'Please choose a rating', remarks: 'Remarks', remarksPlaceholder: 'E.g. proactive and on time; fewer supplement requests needed.',
    period: 'Period', save: 'Save assessment', saved: 'Assessment of {{name}} saved.',
    list: 'Assessments recorded', empty: 'No assessment yet.',
    col: { officer: 'Officer', period: 'Period', rating: 'Rating', figures: 'Figures attached', remarks: 'Remarks', by: 'Assessed by', at: 'Date' },
    figures: '{{handled}} dossiers · on time {{share}} · score {{score}}',
  },
  index: {
    title: 'Service index for citizens and businesses (Decision 766/QĐ-TTg)',
    subtitle: 'The indicators the center determines from this software\'s data; each with its formula and the dossiers counted.',
    formula: 'Formula', value: 'Result', fraction: '{{num}} / {{den}}', notAvailable: 'Not available', noData: 'No data in the period',
    items: 'List ({{count}})', counted: 'In the numerator', notCounted: 'Denominator only', truncated: 'Showing the first {{shown}} of {{total}}.',
    col: { key: 'Indicator', name: 'Name', group: 'Group', value: 'Result' },
    kind: { dossier: 'Dossier code', procedure: 'Procedure code' },
  },
  transparency: {
    title: 'Public results of administrative procedures',
    period: 'Month {{month}} ({{from}} – {{to}})',
    onTime: 'Share of dossiers settled early or on time', onTimeDetail: '{{onTime}} / {{ended}} dossiers ended this month',
    noEnded: 'No dossier ended this month yet.',
    late: 'Late dossiers with a written apology to the applicant', lateNone: 'No late dossier needed an apology this month.',
    newDue: 'apology, new date: {{date}}', apology: { extension: 'apology, new date', second_supplement: 'apology for a second supplement request' },
    evaluations: 'Satisfaction ratings', evaluationsCount: '{{count}} rating forms this month', satisfaction: 'Satisfaction',
    noEvaluations: 'No rating this month yet.', question: 'Criterion', average: 'Average (max 2)',
    feedback: 'Answers to feedback', privacy: 'This page publishes dossier codes and totals only, no personal data.',
    formula: 'How it is counted',
  },
};
