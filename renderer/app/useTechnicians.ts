import { technicianRoles } from '../../shared/roles';
import { useRemote } from './useRemote';

export type Technician = { id: string; name: string; role: string };

/**
 * The people a job can be assigned to and labour logged for, technicians first (the core checks
 * the same roles). `staff.list` is for admins only, so this reads the sign-in roster (active staff
 * of this store, with their roles), which every screen may. `enabled: false` reads nothing.
 */
export function useTechnicians(enabled = true): Technician[] {
  const { data } = useRemote('auth.roster', enabled ? {} : null);
  return (data ?? [])
    .filter((person) => technicianRoles.includes(person.role))
    .sort((a, b) => Number(b.role === 'technician') - Number(a.role === 'technician'));
}
