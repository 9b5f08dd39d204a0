import { AutocompleteInput, ReferenceInput, required } from 'react-admin';

/** Picks an initiative that is being prepared or is under way (comments and readiness go to those). */
export const OpenInitiativeInput = () => (
    <ReferenceInput source="initiativeId" reference="initiatives" filter={{ status: ['draft', 'active'] }} sort={{ field: 'title', order: 'ASC' }}>
        <AutocompleteInput validate={required()} sx={{ minWidth: 360 }} />
    </ReferenceInput>
);
