// The Vietnamese strings of the citizen's light pages (sign-in, "Hồ sơ của tôi", the online e-form), registered when
// those pages load: the other public pages do not download them, and these pages do not need the console's (vi.ts).
import i18n from './index';
import { vi as citizen } from './modules/citizen';
import { vi as citizenOidc } from './modules/citizen-oidc';
import { vi as onlineSubmit } from './modules/online-submit';

i18n.addResourceBundle('vi', 'translation', { citizen, citizenOidc, onlineSubmit }, true, true);
