// Conditions of approvals across the portfolio, open ones first by due date: what must be met
// or waived before the next decision point.
import { SelectInput } from 'react-admin';
import { conditionStateChoices, gateChoices } from '../shared/choices';
import { FollowUpList, followUpFilters } from '../shared/FollowUpList';
import { referenceFilter } from '../shared/ReferenceFilter';
import { ConditionColumns } from './ConditionColumns';

const filters = followUpFilters(conditionStateChoices, <SelectInput key="gate" source="gate" choices={gateChoices} />, referenceFilter('ownerId', 'people'));

export const ConditionList = () => (
    <FollowUpList filters={filters} filterDefaultValues={{ status: 'open' }} sort={{ field: 'dueAt', order: 'ASC' }}>
        <ConditionColumns withInitiative />
    </FollowUpList>
);
