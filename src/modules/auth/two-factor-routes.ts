// The signed-in user's own two-factor sign-in: enrol (a QR code for the authenticator app, confirmed by a first
// code; ten recovery codes shown once), see its state, turn it off. Enrolling and turning off ask for the password
// again: a session left open on a shared computer must not be enough to change how the account signs in.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTHENTICATED } from '../../http/access';
import { audit } from '../../platform/audit';
import { one, withTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { verifyPassword } from '../../platform/password';
import { secretKeyFor } from '../../platform/secret-key';
import { confirmEnrolment, disableTwoFactor, startEnrolment, twoFactorState } from './totp';

const State = z.object({ enabled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int() });
const Password = z.string().min(1, 'Vui lòng nhập mật khẩu').max(200);
const Code = z.string().trim().regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số');

export const twoFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const checkPassword = async (userId: string, password: string) => {
    const row = await one<{ password_hash: string }>(db, 'SELECT password_hash FROM users WHERE id = $1', [userId]);
    if (!row || !(await verifyPassword(password, row.password_hash))) throw new AppError(400, 'AUTH_PASSWORD_WRONG', 'Mật khẩu không đúng.');
  };
  const stateOf = async (userId: string, roles: readonly string[]) => {
    const left = await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]);
    return { ...(await twoFactorState(db, userId, roles)), recoveryCodesLeft: left?.n ?? 0 };
  };

  app.get('/auth/two-factor', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['auth'], summary: 'Trạng thái xác thực hai bước của tôi', response: { 200: State } },
  }, async (req) => stateOf(req.actor!.id, req.actor!.roles));

  app.post('/auth/two-factor/setup', {
    config: { access: AUTHENTICATED },
    schema: {
      tags: ['auth'], summary: 'Bắt đầu đăng ký xác thực hai bước: khóa bí mật và địa chỉ otpauth:// cho mã QR',
      body: z.object({ password: Password }), response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
    },
  }, async (req) => {
    await checkPassword(req.actor!.id, req.body.password);
    return startEnrolment(db, secretKeyFor(config), { id: req.actor!.id, username: req.actor!.username });
  });

  app.post('/auth/two-factor/enable', {
    config: { access: AUTHENTICATED },
    schema: {
      tags: ['auth'], summary: 'Xác nhận bằng mã đầu tiên: bật xác thực hai bước, trả về 10 mã khôi phục (chỉ hiện một lần)',
      body: z.object({ code: Code }), response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
    },
  }, async (req) => {
    const now = clock.now();
    const recoveryCodes = await withTx(db, async (tx) => {
      const codes = await confirmEnrolment(tx, secretKeyFor(config), req.actor!.id, req.body.code, now);
      await audit(tx, { actorId: req.actor!.id, centerId: req.actor!.centerId, action: 'auth.two_factor.enable', entity: 'user', entityId: req.actor!.id }, now);
      return codes;
    });
    return { recoveryCodes };
  });

  app.post('/auth/two-factor/disable', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['auth'], summary: 'Tắt xác thực hai bước (cần mật khẩu)', body: z.object({ password: Password }) },
  }, async (req, reply) => {
    await checkPassword(req.actor!.id, req.body.password);
    const now = clock.now();
    await withTx(db, async (tx) => {
      await disableTwoFactor(tx, req.actor!.id);
      await audit(tx, { actorId: req.actor!.id, centerId: req.actor!.centerId, action: 'auth.two_factor.disable', entity: 'user', entityId: req.actor!.id }, now);
    });
    return reply.code(204).send();
  });
};
