/** Browser cookie helpers (client only). */
export const readCookie = (name: string): string | undefined => {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
};

export const writeCookie = (name: string, value: string, maxAgeDays = 365): void => {
  const maxAge = Math.round(maxAgeDays * 86_400);
  document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAge}; SameSite=Lax`;
};
