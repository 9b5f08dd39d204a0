// Words of the emails in Norwegian bokmål (default) and English.
import type { Gate } from '../../domain/types.js';

export type Locale = 'nb' | 'en';

export const GATE_NAMES: Record<Locale, Record<Gate, string>> = {
  nb: {
    'goal-alignment': 'Målforankring',
    'owner-signoff': 'Eierskap (tjenesteeiers godkjenning)',
    implementation: 'Gjennomføring',
    'benefit-realisation': 'Gevinstrealisering',
  },
  en: {
    'goal-alignment': 'Goal alignment',
    'owner-signoff': 'Owner sign-off',
    implementation: 'Implementation',
    'benefit-realisation': 'Benefit realisation',
  },
};

export const T = {
  nb: {
    greeting: (name: string) => `Hei ${name},`,
    deadline: 'Frist',
    noDeadline: 'ingen fast frist',
    initiative: 'Tiltak',
    service: 'Tjeneste',
    projectManager: 'Prosjektleder',
    gate: 'Beslutningspunkt',
    goals: 'Strategiske mål',
    benefits: 'Gevinstplan (nytte) du godtar',
    openLink: 'Åpne og svar',
    linkNote: 'Lenken gjelder bare for deg og kan brukes én gang. Den åpner en side der du bekrefter valget ditt.',
    console: 'Se tiltaket i konsollet',
    footer: 'Endringsporten – sendt automatisk. Svar ikke på denne e-posten.',
    subjects: {
      'approval-request': (title: string, gate: string) => `Godkjenning trengs: ${gate} for «${title}»`,
      'confirmation-request': (title: string) => `Bekreft at «${title}» er i drift`,
      reminder: (title: string, gate: string) => `Påminnelse: ${gate} for «${title}» venter på deg`,
      escalation: (title: string, gate: string) => `Eskalering: ${gate} for «${title}» står stille`,
      stalled: (title: string, gate: string) => `Stoppet: ${gate} for «${title}» har passert fristen`,
      started: (title: string, gate: string) => `${gate} har startet for «${title}»`,
      invited: (title: string) => `Du er invitert til å kommentere «${title}»`,
      revision: (title: string, gate: string) => `«${title}» er sendt tilbake til revisjon (${gate})`,
      outcome: (title: string, status: string) => `«${title}» er ${status}`,
      measurement: (benefit: string, title: string) => `Ny måling trengs: ${benefit} («${title}»)`,
      offTrack: (benefit: string, title: string) => `Avvik i gevinstrealiseringen: ${benefit} («${title}»)`,
    },
    measurement: {
      lead: 'Rapporter siste måling for gevinsten under. Det tar et halvt minutt.',
      indicator: 'Indikator',
      baseline: 'Utgangspunkt',
      target: 'Mål',
      latest: 'Siste måling',
      dataSource: 'Datakilde',
      offTrackLead: 'Siste måling ligger bak den planlagte kurven fra utgangspunkt til mål (Avvik). Vurder tiltak sammen med tjenesteeier.',
      missingLead: 'Målinger for gevinstplanen mangler. Rapporter dem via lenkene i forespørslene eller i konsollet.',
    },
    asks: {
      'goal-alignment': 'Vurder om tiltaket støtter kommunens strategiske mål, og godkjenn, avvis eller send det tilbake.',
      'owner-signoff': 'Som tjenesteeier blir du endringseier: godta eierskapet og gevinstplanen, avvis, eller send tilbake.',
      confirmation: 'Prosjektlederen melder at gjennomføringen er ferdig. Bekreft at tjenesten nå drives på den nye måten.',
      progress: (every: string) => `Rapporter fremdrift i konsollet (forventet hver ${every}). Erklær gjennomføringen ferdig når endringen er på plass.`,
      benefits: 'Gevinstoppfølgingen har startet. Du får forespørsler om målinger etter gevinstplanen.',
      escalation: (person: string) => `${person} har ikke svart innen fristen. Du får denne meldingen som leder eller styringsrolle.`,
      stalled: 'Beslutningspunktet har passert siste frist og er merket som stoppet. En administrator kan purre, omfordele eller hoppe over.',
      invited: 'Du er registrert som ildsjel for dette tiltaket. Kommentarer og innspill fra deg er velkomne nå i oppstarten.',
      revision: (comment: string) => `Tiltaket er sendt tilbake for revisjon. Kommentar: ${comment || '(ingen)'}`,
    },
    statuses: { completed: 'fullført', rejected: 'avvist', cancelled: 'avbrutt', active: 'aktivt' },
  },
  en: {
    greeting: (name: string) => `Hello ${name},`,
    deadline: 'Deadline',
    noDeadline: 'no fixed deadline',
    initiative: 'Initiative',
    service: 'Service',
    projectManager: 'Project manager',
    gate: 'Decision point',
    goals: 'Strategic goals',
    benefits: 'Benefit plan you accept',
    openLink: 'Open and answer',
    linkNote: 'This link is for you only and works once. It opens a page where you confirm your choice.',
    console: 'See the initiative in the console',
    footer: 'Endringsporten – sent automatically. Please do not reply.',
    subjects: {
      'approval-request': (title: string, gate: string) => `Approval needed: ${gate} for "${title}"`,
      'confirmation-request': (title: string) => `Confirm that "${title}" is live`,
      reminder: (title: string, gate: string) => `Reminder: ${gate} for "${title}" is waiting for you`,
      escalation: (title: string, gate: string) => `Escalation: ${gate} for "${title}" is not moving`,
      stalled: (title: string, gate: string) => `Stalled: ${gate} for "${title}" is past its deadline`,
      started: (title: string, gate: string) => `${gate} has started for "${title}"`,
      invited: (title: string) => `You are invited to comment on "${title}"`,
      revision: (title: string, gate: string) => `"${title}" was sent back for revision (${gate})`,
      outcome: (title: string, status: string) => `"${title}" is ${status}`,
      measurement: (benefit: string, title: string) => `New measurement needed: ${benefit} ("${title}")`,
      offTrack: (benefit: string, title: string) => `Benefit off track: ${benefit} ("${title}")`,
    },
    measurement: {
      lead: 'Report the latest measurement for the benefit below. It takes half a minute.',
      indicator: 'Indicator',
      baseline: 'Baseline',
      target: 'Target',
      latest: 'Latest measurement',
      dataSource: 'Data source',
      offTrackLead: 'The latest measurement is behind the planned line from baseline to target (off track). Consider action together with the service owner.',
      missingLead: 'Measurements for the benefit plan are missing. Report them through the links in the requests or in the console.',
    },
    asks: {
      'goal-alignment': "Assess whether the initiative serves the municipality's strategic goals, then approve, reject or send it back.",
      'owner-signoff': 'As service owner you become the change owner: accept ownership and the benefit plan, reject, or send it back.',
      confirmation: 'The project manager reports that implementation is done. Confirm that the service now runs the new way.',
      progress: (every: string) => `Report progress in the console (expected every ${every}). Declare implementation done when the change is in place.`,
      benefits: 'Benefit follow-up has started. You will be asked for measurements according to the benefit plan.',
      escalation: (person: string) => `${person} has not answered by the deadline. You receive this as their manager or governance role.`,
      stalled: 'The decision point is past its last deadline and marked as stalled. An administrator can nudge, reassign or skip it.',
      invited: 'You are registered as an enthusiast for this initiative. Your comments and ideas are welcome now, at the start.',
      revision: (comment: string) => `The initiative was sent back for revision. Comment: ${comment || '(none)'}`,
    },
    statuses: { completed: 'completed', rejected: 'rejected', cancelled: 'cancelled', active: 'active' },
  },
} as const;

export function formatDate(iso: string | null, locale: Locale): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso));
}
