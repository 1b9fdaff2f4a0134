// The few icons the public pages show, as inline SVG (24 × 24 grid, currentColor): no icon library on a citizen's
// phone. Decorative: hidden from screen readers, the text beside each says what it means.
import type { ReactNode } from 'react';

function Svg({ children, size = '1em' }: { children: ReactNode; size?: number | string }) {
  return (
    <svg className="pu-icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const SearchIcon = () => <Svg><circle cx="11" cy="11" r="7" /><path d="m20 20-4-4" /></Svg>;
export const RightIcon = () => <Svg><path d="m9 6 6 6-6 6" /></Svg>;
export const DownIcon = ({ size }: { size?: number }) => <Svg size={size}><path d="m6 9 6 6 6-6" /></Svg>;
export const HomeIcon = () => <Svg><path d="M3 11 12 4l9 7" /><path d="M5 10v10h14V10" /></Svg>;
export const LoginIcon = () => <Svg><path d="M15 4h4v16h-4" /><path d="M10 8l4 4-4 4" /><path d="M14 12H3" /></Svg>;
export const DashboardIcon = () => <Svg><rect x="3" y="3" width="7" height="9" /><rect x="14" y="3" width="7" height="5" /><rect x="14" y="12" width="7" height="9" /><rect x="3" y="16" width="7" height="5" /></Svg>;
export const PlaceIcon = () => <Svg><path d="M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12z" /><circle cx="12" cy="9" r="2.5" /></Svg>;
export const PhoneIcon = () => <Svg><path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z" /></Svg>;
export const ClockIcon = () => <Svg><circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" /></Svg>;
export const ChartIcon = () => <Svg><path d="M4 20V10" /><path d="M10 20V4" /><path d="M16 20v-7" /><path d="M22 20H2" /></Svg>;
export const UserIcon = () => <Svg><circle cx="12" cy="8" r="4" /><path d="M4 21a8 8 0 0 1 16 0" /></Svg>;
export const LockIcon = () => <Svg><rect x="5" y="11" width="14" height="10" rx="2" /><path d="M8 11V7a4 4 0 0 1 8 0v4" /></Svg>;
export const ShieldIcon = () => <Svg><path d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z" /><path d="m9 12 2 2 4-4" /></Svg>;
export const CheckIcon = () => <Svg><path d="m5 12 5 5 9-10" /></Svg>;
export const CalendarIcon = () => <Svg><rect x="3" y="5" width="18" height="16" rx="2" /><path d="M3 10h18M8 3v4M16 3v4" /></Svg>;
export const FileSearchIcon = () => <Svg><path d="M14 3H6v18h6" /><path d="M14 3l5 5v3" /><circle cx="17" cy="17" r="3" /><path d="m21 21-1.8-1.8" /></Svg>;
export const InfoIcon = () => <Svg><circle cx="12" cy="12" r="9" /><path d="M12 11v6M12 7.5v.5" /></Svg>;
export const WarnIcon = () => <Svg><path d="M12 3 2 21h20z" /><path d="M12 10v5M12 18v.5" /></Svg>;
export const ErrorIcon = () => <Svg><circle cx="12" cy="12" r="9" /><path d="m9 9 6 6M15 9l-6 6" /></Svg>;
export const UploadIcon = () => <Svg><path d="M12 16V4" /><path d="m7 9 5-5 5 5" /><path d="M4 16v4h16v-4" /></Svg>;
export const DownloadIcon = () => <Svg><path d="M12 4v12" /><path d="m7 11 5 5 5-5" /><path d="M4 20h16" /></Svg>;
export const FileIcon = () => <Svg><path d="M14 3H6v18h12V7z" /><path d="M14 3v4h4" /><path d="M9 13h6M9 17h6" /></Svg>;
export const LogoutIcon = () => <Svg><path d="M9 4H5v16h4" /><path d="m14 8 4 4-4 4" /><path d="M18 12H9" /></Svg>;
export const IdCardIcon = () => <Svg><rect x="3" y="5" width="18" height="14" rx="2" /><circle cx="9" cy="11" r="2" /><path d="M6 16a3 3 0 0 1 6 0M14 10h4M14 14h4" /></Svg>;
