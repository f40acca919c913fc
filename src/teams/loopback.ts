/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** True when a Host header ("127.0.0.1:3978", "[::1]:3978", "localhost") names this machine. */
export function isLoopbackHostHeader(value: string | undefined): boolean {
  if (!value) return false;
  try {
    return isLoopback(new URL(`http://${value}`).hostname);
  } catch {
    return false;
  }
}

/** True for an http(s) URL on this machine, with no credentials in it. */
export function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && isLoopback(url.hostname);
  } catch {
    return false;
  }
}
