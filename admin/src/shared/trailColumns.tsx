// Columns of the records an initiative leaves behind: decisions, audit entries, measurements, emails.
import { EnumColumn, ReferenceColumn } from './columns';

export const InitiativeColumn = () => <ReferenceColumn source="initiativeId" reference="initiatives" emptyText="–" />;

/** Who acted (a person, by name) and how: email link, console or API. */
export const ActorColumns = ({ source, emptyText }: { source: string; emptyText?: string }) => (
    <>
        <ReferenceColumn source={source} reference="people" emptyText={emptyText} />
        <EnumColumn source="channel" group="channel" />
    </>
);
