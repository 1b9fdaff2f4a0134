import { describe, expect, it } from 'vitest';
import { renderDossierSlip } from './dossier-slip';
import { expectOfficialPaper, expectTextInsideMargins, flatText, pdfInfo } from '../../../../test/support/forms/pdf';
import { CODE, ctx, dossier } from '../../../../test/support/forms/samples';

describe('renderDossierSlip (Phiếu hồ sơ)', () => {
  it('prints account, procedure, dossier code and the daily number on one A4 page', async () => {
    const pdf = await renderDossierSlip(dossier, ctx);
    const text = expectOfficialPaper(pdf);
    expect(text).toContain('PHIẾU HỒ SƠ');
    expect(text).toContain('SỐ THỨ TỰ TRONG NGÀY');
    expect(text).toMatch(/^\s*0007\b/m);
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    expect(text).toContain('Tài khoản: 046189001234');
    expect(text).toContain('Ông/Bà: Nguyễn Thị Hồng Nhung');
    expect(text).toContain('Ngày sinh: 21/07/1989');
    expect(text).toContain('Thủ tục hành chính: Đăng ký thành lập hộ kinh doanh');
    expect(text).toContain('Lĩnh vực: Thành lập và hoạt động của hộ kinh doanh');
    expect(text).toContain('Thời hạn giải quyết: 03 ngày làm việc');
    expect(text).toContain('Hình thức nộp: Trực tiếp tại Trung tâm');
    expect(text).toContain('Thời điểm đăng ký: 12/03/2025 09:05');
    expect(text).toContain('Lê Thị Thu Hà');
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({ pages: 1 });
    expect(info.width).toBeCloseTo(595.28, 0);
    expect(info.height).toBeCloseTo(841.89, 0);
    expectTextInsideMargins(pdf);
  });

  it('names the organization and its representative, and the online channel', async () => {
    const pdf = await renderDossierSlip(
      {
        ...dossier,
        channel: 'online',
        dailyNumber: 123,
        applicant: {
          kind: 'organization',
          fullName: 'Trần Đình Khoa',
          orgName: 'Công ty TNHH Thương mại Dịch vụ Phú Bài',
          taxCode: '3301678912',
          phone: '0234 3862 555',
          address: '125 Nguyễn Tất Thành, phường Phú Bài, thị xã Hương Thủy',
        },
      },
      ctx,
    );
    const text = flatText(pdf);
    expect(text).toContain('Tổ chức: Công ty TNHH Thương mại Dịch vụ Phú Bài');
    expect(text).toContain('Người đại diện: Trần Đình Khoa');
    expect(text).toContain('Tài khoản: 3301678912');
    expect(text).toContain('Hình thức nộp: Trực tuyến');
    expect(text).not.toContain('Cổng Dịch vụ công'); // no portal connection exists: promise none
    expect(text).toContain('0123');
  });

  it('refuses to print without a status URL for the QR code', async () => {
    await expect(renderDossierSlip({ ...dossier, statusUrl: '' }, ctx)).rejects.toMatchObject({ code: 'FORM_NO_STATUS_URL' });
  });

  it('a support-desk registration: the queue ticket is the number to wait for, the daily number stays the dossier’s', async () => {
    const pdf = await renderDossierSlip({ ...dossier, queueTicket: { displayNumber: '2001', counters: [2, 5] } }, ctx);
    const text = flatText(pdf);
    expect(text).toContain('SỐ THỨ TỰ CHỜ GỌI 2001');
    expect(text).toContain('Số thứ tự trong ngày của hồ sơ: 0007');
    expect(text).toContain('chờ gọi số 2001 tại quầy số 2, 5 (lĩnh vực Thành lập và hoạt động của hộ kinh doanh)');
    expect(text).not.toContain('chờ gọi số 0007');
    expect(pdfInfo(pdf).pages).toBe(1);
    expectTextInsideMargins(pdf);
  });

  it('a postal dossier: the postmark, and no counter to wait at', async () => {
    const pdf = await renderDossierSlip({ ...dossier, channel: 'post', postmarkedAt: new Date('2025-03-10T17:00:00Z') }, ctx);
    const text = flatText(pdf);
    expect(text).toContain('Dấu ngày đến của bưu điện: ngày 11/03/2025 (thời hạn giải quyết tính từ ngày này)');
    expect(text).not.toMatch(/chờ gọi số|mang hồ sơ đến quầy/);
  });
});
