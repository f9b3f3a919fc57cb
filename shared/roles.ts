export const roles = ['clerk', 'technician', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Roles that approve protected acts: refunds, voids, restores, and overrides for others. */
export const supervisorRoles: readonly Role[] = ['supervisor', 'admin'];

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
