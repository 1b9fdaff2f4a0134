// Postal intake: the date on the receiving post office's postmark ("dấu ngày đến của bưu điện"); the server counts
// the time limit from it (POST /dossiers `postmarkedAt`), refusing a future date or one more than 30 days back.
import { DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export function PostmarkField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="postmarkedAt"
      label={t('dossiers.reception.postmarkedAt')}
      extra={t('dossiers.reception.postmarkedAtHint')}
      rules={[{ validator: (_, v?: Dayjs) => (!v || !v.isAfter(dayjs(), 'day') ? Promise.resolve() : Promise.reject(new Error(t('dossiers.reception.postmarkedAtFuture')))) }]}
    >
      <DatePicker
        format="DD/MM/YYYY"
        className="full-width"
        disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs().subtract(30, 'day'), 'day')}
        // Enter confirms the typed date; it must not also submit the reception form.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        data-testid="reception-postmark"
      />
    </Form.Item>
  );
}
