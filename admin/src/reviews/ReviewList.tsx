// Benefit reviews after closure (decision point 6): governance reviews realisation at intervals.
import { SelectInput } from 'react-admin';
import { reviewDecisionChoices, reviewStateChoices } from '../shared/choices';
import { FollowUpList, followUpFilters } from '../shared/FollowUpList';
import { ReviewColumns } from './ReviewColumns';

const filters = followUpFilters(reviewStateChoices, <SelectInput key="decision" source="decision" choices={reviewDecisionChoices} />);

export const ReviewList = () => (
    <FollowUpList filters={filters} sort={{ field: 'dueAt', order: 'DESC' }}>
        <ReviewColumns withInitiative />
    </FollowUpList>
);
