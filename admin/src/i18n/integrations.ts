// Messages of the integration features (single sign-on, webhooks and their deliveries), merged
// into both bundles by the i18n provider. Both locales have the same shape (checked by the type).

const enums = {
    eventType: {
        'initiative.submitted': 'Initiative submitted',
        'gate.decided': 'Gate decided',
        'gate.stalled': 'Gate stalled',
        'benefit.off-track': 'Benefit off track',
        'benefit.realised': 'Benefit realised',
        'initiative.completed': 'Initiative completed',
    },
    webhookFormat: {
        cloudevents: 'CloudEvents JSON (for systems)',
        teams: 'Microsoft Teams – incoming webhook (message card)',
        'teams-workflows': 'Microsoft Teams – Workflows webhook (Adaptive Card)',
    },
    deliveryStatus: { pending: 'Pending', retrying: 'Retrying', delivered: 'Delivered', failed: 'Failed', skipped: 'Skipped' },
};

export const integrationsEn = {
    app: {
        auth: {
            sso_button: 'Log in with your municipality account',
            sso_or: 'or with email and password',
        },
        enums,
    },
    resources: {
        webhooks: {
            name: 'Webhook |||| Webhooks',
            empty: 'No webhooks yet. Add one to tell the case-management system or a Teams channel when gates are decided.',
            fields: { name: 'Name', url: 'Address (URL)', format: 'Format', events: 'Events', secret: 'Secret', active: 'Active', createdAt: 'Created', deliveries: 'Latest deliveries' },
            help: {
                intro: 'Other systems and Teams channels are told when something happens. Each delivery is signed (X-Endringsporten-Signature) and retried until the receiver answers.',
                url: 'http:// or https://; for Teams, the channel’s incoming-webhook or Workflows address',
                url_invalid: 'Must start with http:// or https://',
                format: 'CloudEvents for systems that verify the signature; a card for a Teams channel',
                secret_new: 'At least 16 characters, shared with the receiver; leave empty to have one made (Teams does not check it). It is never shown again.',
                secret_edit: 'Leave empty to keep the current secret',
            },
            test: { button: 'Send test', sent: 'Test event sent; its delivery appears below' },
        },
        deliveries: {
            name: 'Delivery |||| Deliveries',
            empty: 'Nothing has been sent to a webhook yet.',
            fields: {
                createdAt: 'Created', webhookId: 'Webhook', eventType: 'Event', status: 'Status', attempts: 'Attempts', lastAttemptAt: 'Last attempt',
                lastStatusCode: 'Last HTTP status', lastError: 'Last error', deliveredAt: 'Delivered', initiativeId: 'Initiative', test: 'Test', eventId: 'Event id',
            },
            help: { intro: 'Every event sent to a webhook: how many attempts it took and what went wrong.' },
        },
    },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const integrationsNb: Shape<typeof integrationsEn> = {
    app: {
        auth: {
            sso_button: 'Logg inn med kommunekontoen din',
            sso_or: 'eller med e-post og passord',
        },
        enums: {
            eventType: {
                'initiative.submitted': 'Tiltak meldt inn',
                'gate.decided': 'Port avgjort',
                'gate.stalled': 'Port stoppet opp',
                'benefit.off-track': 'Gevinst i avvik',
                'benefit.realised': 'Gevinst realisert',
                'initiative.completed': 'Tiltak fullført',
            },
            webhookFormat: {
                cloudevents: 'CloudEvents JSON (for fagsystemer)',
                teams: 'Microsoft Teams – innkommende webhook (meldingskort)',
                'teams-workflows': 'Microsoft Teams – Workflows-webhook (Adaptive Card)',
            },
            deliveryStatus: { pending: 'Venter', retrying: 'Prøver igjen', delivered: 'Levert', failed: 'Feilet', skipped: 'Hoppet over' },
        },
    },
    resources: {
        webhooks: {
            name: 'Webhook |||| Webhooker',
            empty: 'Ingen webhooker ennå. Legg til en for å varsle sakssystemet eller en Teams-kanal når porter avgjøres.',
            fields: { name: 'Navn', url: 'Adresse (URL)', format: 'Format', events: 'Hendelser', secret: 'Hemmelighet', active: 'Aktiv', createdAt: 'Opprettet', deliveries: 'Siste leveranser' },
            help: {
                intro: 'Andre systemer og Teams-kanaler får beskjed når noe skjer. Hver leveranse er signert (X-Endringsporten-Signature) og prøves igjen til mottakeren svarer.',
                url: 'http:// eller https://; for Teams: kanalens adresse for innkommende webhook eller Workflows',
                url_invalid: 'Må begynne med http:// eller https://',
                format: 'CloudEvents for systemer som kontrollerer signaturen; kort for en Teams-kanal',
                secret_new: 'Minst 16 tegn, delt med mottakeren; la stå tom for å få en laget (Teams kontrollerer den ikke). Den vises aldri igjen.',
                secret_edit: 'La stå tom for å beholde hemmeligheten',
            },
            test: { button: 'Send test', sent: 'Testhendelse sendt; leveransen vises under' },
        },
        deliveries: {
            name: 'Leveranse |||| Leveranser',
            empty: 'Ingenting er sendt til en webhook ennå.',
            fields: {
                createdAt: 'Opprettet', webhookId: 'Webhook', eventType: 'Hendelse', status: 'Status', attempts: 'Forsøk', lastAttemptAt: 'Siste forsøk',
                lastStatusCode: 'Siste HTTP-status', lastError: 'Siste feil', deliveredAt: 'Levert', initiativeId: 'Tiltak', test: 'Test', eventId: 'Hendelses-id',
            },
            help: { intro: 'Hver hendelse sendt til en webhook: hvor mange forsøk som trengtes og hva som gikk galt.' },
        },
    },
};

/** Adds `extra` into `base`, object by object, without dropping keys `base` has. */
export function mergeMessages<T extends object>(base: T, extra: object): T {
    const merged = { ...base } as Record<string, unknown>;
    for (const [key, value] of Object.entries(extra)) {
        const current = merged[key];
        merged[key] = value && typeof value === 'object' && current && typeof current === 'object' ? mergeMessages(current as object, value) : value;
    }
    return merged as T;
}
