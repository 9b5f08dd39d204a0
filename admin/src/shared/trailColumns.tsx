// Columns of the records an initiative leaves behind: decisions, audit entries, measurements, emails.
import { DateColumn, EnumColumn, ReferenceColumn } from './columns';

export const InitiativeColumn = () => <ReferenceColumn source="initiativeId" reference="initiatives" emptyText="–" />;

/** Who acted (a person, by name) and how: email link, console or API. */
export const ActorColumns = ({ source, emptyText }: { source: string; emptyText?: string }) => (
    <>
        <ReferenceColumn source={source} reference="people" emptyText={emptyText} />
        <EnumColumn source="channel" group="channel" />
    </>
);

/** When (linking to the record), on which initiative, at which gate: decisions and comments. */
export const AtGateColumns = () => (
    <>
        <DateColumn source="at" showTime linked />
        <InitiativeColumn />
        <EnumColumn source="gate" group="gate" />
    </>
);
