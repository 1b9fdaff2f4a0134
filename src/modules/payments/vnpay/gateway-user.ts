// The gateway's own user, the collector of every receipt a VNPay payment writes: kept in a file of its own so the
// fee module's cash book can name it without importing the payment service.
export const VNPAY_USER_ID = '00000000-0000-4000-8000-00000000f024';
