import { useCallback, useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { call } from '../../api';

type Method = 'goods.onPremises' | 'goods.atVendor';
type Filters = Omit<InputOf<Method>, 'after'>;
type List = OutputOf<Method>;

/**
 * A goods list page by page: the first page when the filters change, the next on `more()`. A big
 * store holds thousands of devices; the screen never asks for them all at once.
 */
export function useGoodsList(method: Method, filters: Filters) {
  const [list, setList] = useState<List | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(filters);
  useEffect(() => {
    let live = true;
    void call(method, JSON.parse(key) as Filters).then((result) => {
      if (live && result.ok) setList(result.value);
    });
    return () => {
      live = false;
    };
  }, [method, key, version]);
  const more = useCallback(async () => {
    if (!list?.next) return;
    const result = await call(method, { ...(JSON.parse(key) as Filters), after: list.next });
    if (result.ok) setList({ ...result.value, rows: [...list.rows, ...result.value.rows] });
  }, [list, method, key]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { list, more, reload };
}
