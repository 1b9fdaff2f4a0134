// Citizen sign-in with VNeID / the national portal's SSO (issue 15): the button on the sign-in card, shown only when
// the server has it configured, the reason when the provider sent the citizen back without a sign-in (/cong-dan?loi=…),
// and who is signed in on "Hồ sơ của tôi". Light components (public-ui): no antd.
import { IdCardIcon } from '../../public-ui/icons';
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
        <div className="pu-alert pu-alert-error citizen-block" role="alert" data-testid="oidc-error">
          <div className="pu-alert-body">
            <strong>{t('citizenOidc.failed')}</strong>
            <div>{t(`citizenOidc.errors.${REASONS.includes(loi) ? loi : 'unknown'}`)}</div>
          </div>
        </div>
      )}
      {info.data?.enabled && (
        <>
          {/* A link (the provider's page), drawn as the primary button. */}
          <a className="pu-btn pu-btn-primary pu-btn-large pu-btn-block" href={apiUrl('/citizen/auth/oidc/start')} data-testid="oidc-sign-in">
            <IdCardIcon />{t('citizenOidc.button', { name: info.data.name })}
          </a>
          <p className="muted oidc-hint">{t('citizenOidc.hint')}</p>
          <div className="pu-divider">{t('citizenOidc.or')}</div>
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
