import { describe, expect, it } from 'vitest';
import { EVENT_SPECS, eventOfTopic, exampleValues } from './events';
import { fitSms } from './sms-text';
import { placeholdersOf, renderTemplate, unknownPlaceholders } from './template';

describe('templates with ((placeholders))', () => {
  it.each([
    ['Hồ sơ ((ma_ho_so))', { ma_ho_so: 'X-1' }, 'Hồ sơ X-1'],
    ['((MA_HO_SO)) và ((Ma_Ho_So))', { ma_ho_so: 'X' }, 'X và X'],
    ['Trả ((hinh_thuc))((van_don??, mã vận đơn ))((van_don)).', { hinh_thuc: 'qua bưu điện', van_don: 'EV1' }, 'Trả qua bưu điện, mã vận đơn EV1.'],
    ['Trả ((hinh_thuc))((van_don??, mã vận đơn ))((van_don)).', { hinh_thuc: 'tại quầy', van_don: '' }, 'Trả tại quầy.'],
    ['Thiếu ((khong_co)).', {}, 'Thiếu .'],
    ['Không có chỗ trống', { a: 'b' }, 'Không có chỗ trống'],
  ])('%s', (template, values, expected) => {
    expect(renderTemplate(template, values)).toBe(expected);
  });

  it('lists the names used and the unknown ones', () => {
    expect(placeholdersOf('((a)) ((B)) ((a)) ((c??x))')).toEqual(['a', 'b', 'c']);
    expect(unknownPlaceholders('((ma_ho_so)) ((ten_nguoi_nop))', ['ma_ho_so'])).toEqual(['ten_nguoi_nop']);
  });
});

describe('the default SMS texts', () => {
  it.each(EVENT_SPECS.map((s) => [s.event, s]))('%s: only its own placeholders, one part with typical values', (_e, spec) => {
    expect(unknownPlaceholders(spec.smsTemplate, spec.placeholders.map((p) => p.name))).toEqual([]);
    // A supplement request lists papers, a rejected feedback gives the reason and the tracking link: two parts at most.
    const fitted = fitSms(renderTemplate(spec.smsTemplate, exampleValues(spec.event)), 3);
    expect(fitted.trimmed).toBe(false);
    expect(fitted.parts).toBeLessThanOrEqual(spec.event === 'supplement_requested' || spec.event === 'feedback_rejected' ? 2 : 1);
  });

  it('maps the feedback topics to the sender\'s events', () => {
    expect(eventOfTopic('feedback.publish', {})).toBe('feedback_published');
    expect(eventOfTopic('feedback.reject', {})).toBe('feedback_rejected');
  });

  it('maps outbox topics to events; hand-offs inside the center are nobody else\'s news', () => {
    expect(eventOfTopic('dossier.receive', {})).toBe('received');
    expect(eventOfTopic('dossier.registered', { status: 'received' })).toBe('received');
    expect(eventOfTopic('dossier.registered', { status: 'submitted' })).toBeNull();
    expect(eventOfTopic('dossier.request-supplement-by-department', {})).toBe('supplement_requested');
    expect(eventOfTopic('dossier.resolve', {})).toBe('result_ready');
    expect(eventOfTopic('fees.payment', {})).toBe('payment_received');
    expect(eventOfTopic('queue.turn-near', {})).toBe('queue_near');
    for (const t of ['dossier.transfer', 'dossier.complete-step', 'dossier.send-back', 'dossier.report-late', 'dossier.supplement', 'dossier.withdraw']) expect(eventOfTopic(t, {})).toBeNull();
  });
});
