export const roles = ['clerk', 'technician', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Roles that may authorise a protected act for someone else (supervisor override). */
export const overrideRoles: readonly Role[] = ['supervisor', 'admin'];

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
