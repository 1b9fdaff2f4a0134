// English strings of reports.ts: a separate file so that the English chunk, loaded only when chosen, carries them.
import type { vi } from './reports';

export const en: typeof vi = {
  menu: { reports: 'Settlement reports', reportsDesc: 'Period reports (form II.06a), Excel, PDF and the automatic monthly report' },
  scope: { allCenters: 'All centers', center: 'Center', department: 'Department: {{name}}' },
  fig: {
    received: 'Received', receivedTotal: 'Total to settle', online: 'Online', direct: 'In person, by post', carriedOver: 'Carried over',
    settled: 'Settled', early: 'Early', onTime: 'On time', late: 'Late', withdrawn: 'Withdrawn',
    rejected: 'Not eligible', refused: 'Refused at reception',
    inProgress: 'In progress', withinTime: 'Within time', overdue: 'Overdue', atRisk: 'At risk (≤ 1 working day)',
    onTimeRate: 'Early or on time', none: '—',
  },
  dash: {
    title: 'How dossiers stand',
    today: 'Today', month: 'This month', asOf: 'Updated at {{time}}',
    overdueNow: 'Overdue now', atRiskNow: 'At risk', atRiskHint: 'Due within one working day (paused time not counted)',
    queue: 'Queue today', waiting: 'Waiting', avgWait: 'Average wait', minutes: '{{n}} min', served: 'Served',
    byChannel: 'Received this month by channel', bySettlement: 'Settled this month', byProgress: 'In progress',
    byField: 'Early or on time by field (this month)', byDepartment: 'Early or on time by department (this month)',
    mostOverdue: 'The 10 most overdue dossiers', step: 'Current step', holder: 'Held by', overdueBy: 'Overdue by',
    workingDays: '{{n}} working days', paused: 'Paused, waiting for a supplement', noOverdue: 'No overdue dossier.',
    holderKind: { department: 'Department', inter_agency: 'Inter-agency partner', applicant: 'Applicant (supplement)', center: 'Center' },
    openList: 'Click a figure to see its dossiers', noData: 'No dossier settled this month yet.',
  },
  settlement: {
    title: 'Settlement of administrative procedures',
    subtitle: 'By field or department; every row: received = settled + in progress',
    groupBy: { field: 'By field', department: 'By department' },
    col: { field: 'Field', department: 'Department', received: 'Dossiers to settle', settled: 'Settled', inProgress: 'In progress', total: 'Total', note: 'Notes' },
    totalRow: 'Total', excel: 'Excel', pdf: 'PDF (printable form)', asOf: 'In progress as of {{time}}.',
    empty: 'No dossier in the period.', period: 'Period',
  },
  monthly: {
    title: 'Automatic monthly reports',
    subtitle: 'Made at 16:00 on the last working day of the month (center calendar) and e-mailed to the recipients set',
    month: 'Month', center: 'Center', generatedAt: 'Made at', figures: 'Received / settled / in progress', mail: 'E-mail', files: 'Files',
    status: { generating: 'Being made', ready: 'Ready', failed: 'Failed' },
    mailStatus: { off: 'No mail server configured', no_recipients: 'No recipients', sent: 'Sent', failed: 'Sending failed' },
    empty: 'No monthly report yet.',
    recipients: 'Monthly report recipients', recipientsHint: 'One e-mail address per line.',
    saveRecipients: 'Save recipients', saved: 'Recipients saved.', chooseCenter: 'Choose a center to set its recipients.',
  },
  stat: {
    banner: 'Dossiers behind the figure: {{label}}', period: 'period {{from}} – {{to}}', now: 'now', clear: 'Clear the figure filter',
    received: 'to settle', received_online: 'newly received online', received_direct: 'newly received in person or by post', carried_over: 'carried over',
    settled: 'settled', settled_early: 'settled early', settled_on_time: 'settled on time', settled_late: 'settled late',
    settled_withdrawn: 'withdrawn', settled_rejected: 'not eligible', in_progress: 'in progress', in_progress_within: 'in progress within time',
    in_progress_overdue: 'in progress overdue', refused: 'refused at reception', overdue: 'overdue now', at_risk: 'at risk',
    untouched: 'not updated for more than half a working day',
  },
};
