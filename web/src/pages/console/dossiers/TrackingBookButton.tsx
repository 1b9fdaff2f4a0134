// Sổ theo dõi hồ sơ: the tracking book for a range of receipt dates, as PDF (opened) or Excel (downloaded).
import { useState } from 'react';
import { Button, DatePicker, Modal, Space } from 'antd';
import { BookOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../api/client';
import { vnTime } from '../../../lib/format';

export function TrackingBookButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const today = vnTime(new Date());
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.startOf('month'), today]);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const tooLong = range[1].diff(range[0], 'day') > 366;
  return (
    <>
      <Button icon={<BookOutlined />} onClick={() => setOpen(true)} data-testid="tracking-book">
        {t('dossiers.book.button')}
      </Button>
      {open && (
        <Modal open title={t('dossiers.book.title')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden width={480}>
          <div className="book-form">
            <div className="muted">{t('dossiers.book.range')}</div>
            <DatePicker.RangePicker
              format="DD/MM/YYYY"
              value={range}
              allowClear={false}
              onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
              className="full-width"
            />
            <div className="muted small">{t('dossiers.book.hint')}</div>
            <Space wrap>
              <Button type="primary" icon={<FilePdfOutlined />} href={apiUrl('/dossiers/tracking-book/book.pdf', query)} target="_blank" rel="noopener noreferrer" disabled={tooLong}>
                {t('dossiers.book.pdf')}
              </Button>
              <Button icon={<FileExcelOutlined />} href={apiUrl('/dossiers/tracking-book/book.xlsx', query)} disabled={tooLong}>
                {t('dossiers.book.excel')}
              </Button>
            </Space>
          </div>
        </Modal>
      )}
    </>
  );
}
