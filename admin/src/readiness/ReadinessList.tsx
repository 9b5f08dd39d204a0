// Units' readiness for the new way of working, answer by answer.
import { TextInput } from 'react-admin';
import { readinessChoices } from '../shared/choices';
import { FollowUpList, followUpFilters } from '../shared/FollowUpList';
import { ReadinessColumns } from './ReadinessColumns';

const filters = followUpFilters(readinessChoices, <TextInput key="unit" source="unit" />);

export const ReadinessList = () => (
    <FollowUpList filters={filters} sort={{ field: 'at', order: 'DESC' }}>
        <ReadinessColumns withInitiative />
    </FollowUpList>
);
