const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

function hostname(hostHeader: string): string {
  return hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0];
}

/** Host header names this machine (loopback) or a configured public name: DNS-rebinding protection. */
export function hostAllowed(host: string | undefined, extra: string[]): boolean {
  if (!host) return false;
  const name = hostname(host.toLowerCase());
  return LOOPBACK.includes(name) || extra.includes(name);
}

/** Browsers send Origin; when present it must be one of ours. Non-browser clients send none. */
export function originAllowed(origin: string | undefined, extra: string[]): boolean {
  if (origin === undefined) return true;
  try {
    return hostAllowed(new URL(origin).host, extra);
  } catch {
    return false;
  }
}
