// A paired kiosk's device key (see the console's "Máy kiosk lấy số"): the admin's pairing link carries it in the
// address's #fragment (never sent to a server, kept out of logs); the kiosk stores it and sends it with each ticket.
const STORAGE = 'motcua.kioskKey';

/** Takes a key from `#pair=…` in the address (then removes it from the address bar) and remembers it. */
export function adoptPairingLink(): void {
  const m = /[#&]pair=([^&]+)/.exec(window.location.hash);
  if (!m) return;
  localStorage.setItem(STORAGE, decodeURIComponent(m[1]!));
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

export function kioskKeyHeaders(): Record<string, string> {
  const key = localStorage.getItem(STORAGE);
  return key ? { 'x-kiosk-key': key } : {};
}
