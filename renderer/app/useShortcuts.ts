import { useEffect } from 'react';
import type { Route } from './routes';

/** Function keys open screens from anywhere (F2: take in a device, F3: tickets and search). */
export function useShortcuts(routes: Route[], navigate: (key: string) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const route = routes.find((candidate) => candidate.shortcut === event.key);
      if (!route) return;
      event.preventDefault();
      navigate(route.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [routes, navigate]);
}
