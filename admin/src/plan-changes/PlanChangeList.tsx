// Changes to accepted benefit plans: pending ones wait for their service owner.
import { planChangeStateChoices } from '../shared/choices';
import { FollowUpList, followUpFilters } from '../shared/FollowUpList';
import { referenceFilter } from '../shared/ReferenceFilter';
import { PlanChangeColumns } from './PlanChangeColumns';

const filters = followUpFilters(planChangeStateChoices, referenceFilter('benefitId', 'benefits'));

export const PlanChangeList = () => (
    <FollowUpList filters={filters} filterDefaultValues={{ status: 'pending' }} sort={{ field: 'createdAt', order: 'DESC' }}>
        <PlanChangeColumns withInitiative />
    </FollowUpList>
);
