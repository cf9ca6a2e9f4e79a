/** The agency catalog for the typeahead, loaded once per screen and grown locally. */
import { create } from 'zustand';
import type { Agency } from '../../../shared/api/types';
import { fold } from '../../../shared/text';
import { api } from '../api';

const useAgencyStore = create<{ list: Agency[] }>(() => ({ list: [] }));

export function useAgencies(): Agency[] {
  return useAgencyStore((s) => s.list);
}

export async function loadAgencies(): Promise<void> {
  try {
    const list = await api.call('agencies.list', { query: '' });
    useAgencyStore.setState({ list });
  } catch {
    // The typeahead works without suggestions.
  }
}

export function rememberAgency(name: string): void {
  const folded = fold(name);
  const { list } = useAgencyStore.getState();
  if (list.some((a) => fold(a.name) === folded)) return;
  useAgencyStore.setState({ list: [...list, { id: `local-${folded}`, name: name.trim() }] });
}
