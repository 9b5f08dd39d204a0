// Phase checklists (as in Prosjektportalen): per gate, items an administrator defines, some
// mandatory. Each item on an initiative is open, done or not relevant (with a comment); a gate
// is not approved while a mandatory item is open.
import type { ChecklistState, Gate } from './types.js';

export interface ChecklistItem {
  key: string;
  text: string;
  mandatory: boolean;
}

export interface ChecklistEntry {
  gate: Gate;
  key: string;
  status: ChecklistState;
  comment?: string | null;
}

/** The defaults a municipality starts with; administrators change them per gate. */
export const DEFAULT_CHECKLISTS: Record<Gate, ChecklistItem[]> = {
  'goal-alignment': [
    { key: 'dpia-considered', text: 'Behovet for personvernkonsekvensvurdering (DPIA) er vurdert', mandatory: true },
    { key: 'infosec-assessed', text: 'Informasjonssikkerhet er vurdert', mandatory: true },
    { key: 'alternatives-considered', text: 'Alternativer, også å la være, er vurdert', mandatory: false },
  ],
  'owner-signoff': [
    { key: 'benefit-owner-named', text: 'Gevinsteier er utpekt for hver gevinst', mandatory: true },
    { key: 'line-capacity-agreed', text: 'Kapasitet i linjen til gjennomføringen er avklart', mandatory: true },
  ],
  implementation: [
    { key: 'change-management-plan', text: 'Plan for endringsledelse er laget og fulgt', mandatory: true },
    { key: 'training-done', text: 'Opplæring av ansatte er gjennomført', mandatory: false },
    { key: 'service-documentation', text: 'Tjenestebeskrivelse og rutiner er oppdatert', mandatory: false },
  ],
  'benefit-realisation': [{ key: 'harvest-plan', text: 'Plan for uttak av gevinster er avtalt med linjen', mandatory: false }],
};

/** The mandatory items of a gate that are not yet done or marked not relevant. */
export function openMandatoryItems(items: readonly ChecklistItem[], entries: readonly ChecklistEntry[], gate: Gate): ChecklistItem[] {
  const settled = new Set(entries.filter((e) => e.gate === gate && e.status !== 'open').map((e) => e.key));
  return items.filter((item) => item.mandatory && !settled.has(item.key));
}

/** A checklist entry as it is stored: one per gate and key, the newest replacing the older. */
export function withEntry<T extends ChecklistEntry>(entries: readonly T[], entry: T): T[] {
  return [...entries.filter((e) => !(e.gate === entry.gate && e.key === entry.key)), entry];
}
