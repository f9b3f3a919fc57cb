/** Phone numbers are stored as digits only (a leading + kept), so "138 0013 8000" finds 13800138000. */
export const normalizePhone = (raw: string): string => {
  const trimmed = raw.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
};

export const isPhone = (normalized: string): boolean => /^\+?\d{5,20}$/.test(normalized);

/** For the customer's slip: 13800138000 -> 138****8000; short numbers keep only their last 4. */
export const maskPhone = (phone: string): string => {
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `****${phone.slice(-4)}`;
};
