// Citizen sign-in with VNeID / the national portal's SSO (issue 15): the button on the sign-in card, shown only when
// the server has it configured, the reason when the provider sent the citizen back without a sign-in (/cong-dan?loi=…),
// and who is signed in on "Hồ sơ của tôi".
import { Alert, Button, Divider } from 'antd';
import { IdcardOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { apiUrl, http } from '../../api/client';
import type { Answer } from '../../api/types';

type OidcInfo = Answer<'/api/v1/citizen/auth/oidc'>;
type Me = Answer<'/api/v1/citizen/me'>;
const REASONS = ['denied', 'expired', 'state', 'provider', 'no-id', 'mismatch'];

const useOidcInfo = () => useQuery({ queryKey: ['citizen-oidc'], queryFn: () => http.get<OidcInfo>('/citizen/auth/oidc'), staleTime: 300_000 });

/** The VNeID button and the reason of a failed try; nothing when the center has not configured it. */
export function OidcSignIn() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const info = useOidcInfo();
  const loi = params.get('loi');
  return (
    <>
      {loi && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="oidc-error" message={t('citizenOidc.failed')}
          description={t(`citizenOidc.errors.${REASONS.includes(loi) ? loi : 'unknown'}`)} />
      )}
      {info.data?.enabled && (
        <>
          <Button type="primary" size="large" block icon={<IdcardOutlined />} href={apiUrl('/citizen/auth/oidc/start')} data-testid="oidc-sign-in">
            {t('citizenOidc.button', { name: info.data.name })}
          </Button>
          <p style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13, marginTop: 8 }}>{t('citizenOidc.hint')}</p>
          <Divider plain>{t('citizenOidc.or')}</Divider>
        </>
      )}
    </>
  );
}

/** "Đã đăng nhập: …": the contact for a one-time code, the name and masked identity number for VNeID. */
export function SignedInAs({ me }: { me: Me }) {
  const { t } = useTranslation();
  const info = useOidcInfo();
  if (me.signInMethod !== 'oidc') return <p className="citizen-me">{t('citizen.signedInAs', { contact: me.contact ?? '' })}</p>;
  return (
    <p className="citizen-me" data-testid="oidc-signed-in">
      {t('citizenOidc.signedInAs', { name: info.data?.name ?? 'VNeID', fullName: me.fullName ?? '' })}
      {me.idNumber && <><br />{t('citizenOidc.idNumber', { idNumber: me.idNumber })}</>}
    </p>
  );
}
