// Columns that show initiatives wherever they are listed: their own list, the stalled list, and
// the initiatives of a goal or a service.
import { EnumColumn, LinkColumn } from '../shared/columns';

/** Title (linked), gate and status: what an initiative is and where it stands. */
export const InitiativeColumns = () => (
    <>
        <LinkColumn source="title" />
        <EnumColumn source="gate" group="gate" />
        <EnumColumn source="status" group="status" chip />
    </>
);
