import { z } from 'zod';
import { counterRoles, roles, supervisorRoles, technicianRoles, type Role } from './roles';

/**
 * The pieces every part of the contract is built from (shared/contract.ts joins them): the method
 * spec, who may call, and common field rules.
 */

/** `public`: no session needed. Otherwise the roles allowed to call it. */
export type Access = 'public' | readonly Role[];

export type MethodSpec<I extends z.ZodType, O extends z.ZodType> = {
  input: I;
  output: O;
  access: Access;
  /** Roles outside `access` may still call it with a supervisor's one-time override. */
  overridable?: boolean;
};

export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

export const anyStaff: readonly Role[] = roles;
export const supervisors = supervisorRoles;
export const admins: readonly Role[] = ['admin'];
/** Who takes devices in at the counter. */
export const counter = counterRoles;
/** Who repairs. */
export const technicians = technicianRoles;

export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => text(max).min(1);
export const id = z.uuid();
export const none = z.strictObject({});
