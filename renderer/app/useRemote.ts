import { useCallback, useEffect, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import { call } from '../api';

/**
 * Loads one method's answer when the screen opens, and again on `reload()` or when the input
 * changes (null: nothing to load yet). A late answer for a screen that has closed is dropped.
 */
export function useRemote<M extends MethodName>(method: M, input: InputOf<M> | null) {
  const [data, setData] = useState<OutputOf<M> | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    if (key === 'null') return;
    let live = true;
    void call(method, JSON.parse(key) as InputOf<M>).then((result) => {
      if (live && result.ok) setData(result.value);
    });
    return () => {
      live = false;
    };
  }, [method, key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, setData, reload };
}
