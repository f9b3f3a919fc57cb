import { useRemote } from '../../app/useRemote';

/** The roles a job may be assigned to (the core checks the same in repair.assign). */
const repairers: readonly string[] = ['technician', 'supervisor', 'admin'];

export type Technician = { id: string; name: string; role: string };

/**
 * The people a job can be assigned to, technicians first. `staff.list` is for admins only, so this
 * reads the sign-in roster (active staff of this store, with their roles), which every screen may.
 */
export function useTechnicians(): Technician[] {
  const { data } = useRemote('auth.roster', {});
  return (data ?? [])
    .filter((person) => repairers.includes(person.role))
    .sort((a, b) => Number(b.role === 'technician') - Number(a.role === 'technician'));
}
