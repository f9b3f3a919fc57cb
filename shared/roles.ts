export const roles = ['clerk', 'technician', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Roles that approve protected acts: refunds, voids, restores, and overrides for others. */
export const supervisorRoles: readonly Role[] = ['supervisor', 'admin'];

/** Roles that repair: the ones a job may be assigned to and labour logged for. */
export const technicianRoles: readonly Role[] = ['technician', 'supervisor', 'admin'];

/** Roles that serve at the counter: intake, approvals, collection. */
export const counterRoles: readonly Role[] = ['clerk', 'supervisor', 'admin'];

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
