// English strings of control.ts: a separate file so that the English chunk, loaded only when chosen, carries them.
import type { vi } from './control';

export const en: typeof vi = {
  menu: {
    notifications: 'Notifications', notificationsDesc: 'Urges, dossiers due soon or overdue, and the daily digest sent to you',
    late: 'Late dossiers', lateDesc: 'Which step, unit and officer used more than the budget; by unit or by reason',
  },
  bell: {
    label: 'Notifications', unread: '{{count}} unread', none: 'No new notification.', all: 'See all notifications', readAll: 'Mark all as read',
  },
  notifications: {
    title: 'My notifications', subtitle: 'Urges, dossiers due soon or overdue, and the department\'s daily digest',
    unreadOnly: 'Unread', all: 'All', markRead: 'Mark as read', readAll: 'Mark all as read', open: 'Open', empty: 'No notification.',
    total: '{{count}} notifications',
    kind: { urge: 'Urge', due_soon: 'Due soon', overdue: 'Overdue', digest: 'Daily digest' },
    email: { off: '', no_address: 'No e-mail address', pending: 'E-mail waiting', sending: 'E-mail sending', sent: 'E-mail sent', failed: 'E-mail failed' },
  },
  urge: {
    button: 'Urge', title: 'Urge dossier {{code}}',
    help: 'The note goes into the dossier\'s history and to whoever holds it and the department\'s head (or the reception desk while it is still at the center), by e-mail too when configured.',
    note: 'Note', noteRequired: 'Please write a note', notePlaceholder: 'E.g. Please finish and have it signed today; report the reason if not possible.',
    send: 'Send', sent: 'Urged: {{names}} notified.', sentNobody: 'Urge recorded (nobody to notify).',
    department: 'Urge department', departmentTitle: 'Urge {{name}}',
    departmentHelp: 'Each dossier urged gets a line in its history; the head receives one notification listing them, each officer one about their own.',
    which: 'Dossiers to urge', whichOpt: { late: 'Overdue and due soon', untouched: 'Not updated for more than half a working day', all: 'Every dossier in progress' },
    departmentSent: 'Urged {{name}}: {{count}} dossiers.',
    kind: { manual: 'Urge', department: 'Department urge', due_soon: 'Automatic: due soon', overdue: 'Automatic: overdue' },
    recipients: 'Notified: {{names}}',
  },
  untouched: {
    tag: 'Not updated', hint: 'The department has not updated it for more than half a working day (rule: update at the end of each morning and afternoon)',
    kpi: 'Not updated', kpiHint: 'Dossiers a department holds and has not updated for more than half a working day (4 office hours)',
  },
  control: {
    title: 'Control by department', subtitle: 'Overdue, due soon, not updated; click a number for its list',
    department: 'Department', overdue: 'Overdue', atRisk: 'Due soon', untouched: 'Not updated', empty: 'Nothing overdue, due soon or left without update.',
  },
  late: {
    title: 'Late dossiers and why',
    subtitle: 'Dossiers settled late or overdue in the period: which step, unit and officer used more than its budget, by how much (working time)',
    groupBy: { unit: 'By unit', reason: 'By reason' },
    col: {
      unit: 'Unit / officer', reason: 'Reason', dossiers: 'Dossiers', overruns: 'Steps over budget', over: 'Over budget',
      code: 'Code', state: 'State', due: 'Due', ended: 'Ended', lateBy: 'Late by', steps: 'Steps over budget', reasons: 'Reasons', notice: "Department's late notice",
    },
    state: { settled_late: 'Settled late', overdue: 'Overdue' },
    total: 'Total: {{dossiers}} dossiers ({{settled}} settled late, {{overdue}} overdue)', asOf: 'In progress as of {{time}}.',
    excel: 'Excel', details: 'Late dossiers', empty: 'No late dossier in the period.',
    step: '{{n}}. {{step}} — {{unit}}', used: 'used {{used}} / budget {{budget}}', overBy: 'over by {{over}}',
    hours: '{{n}} h', days: '{{d}} d {{h}} h', daysOnly: '{{d}} d', zero: '0',
  },
};
