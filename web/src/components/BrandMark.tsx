/** The product mark: a civic building under a gold ring (deliberately not a state emblem). */
export function BrandMark({ size = 44 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" className="brand-mark">
      <circle cx="24" cy="24" r="22.5" fill="#7c1212" stroke="#e8b923" strokeWidth="2.5" />
      <path d="M11 19.5 24 12l13 7.5z" fill="#e8b923" />
      <rect x="12" y="20.5" width="24" height="2.2" fill="#e8b923" />
      <rect x="14" y="24" width="3" height="10" fill="#fff" />
      <rect x="19.7" y="24" width="3" height="10" fill="#fff" />
      <rect x="25.3" y="24" width="3" height="10" fill="#fff" />
      <rect x="31" y="24" width="3" height="10" fill="#fff" />
      <rect x="11" y="35" width="26" height="2.6" fill="#e8b923" />
    </svg>
  );
}
