import { Loading, SelectInput } from 'react-admin';
import { ListIntro } from '../shared/ListIntro';
import { ResourceList } from '../shared/ResourceList';
import { DateColumn, EnumColumn, LinkColumn, NumberColumn, RecordTable, ReferenceColumn } from '../shared/columns';
import { bandChoices, categoryChoices } from '../shared/choices';
import { referenceFilter } from '../shared/ReferenceFilter';
import { searchFilter } from '../shared/searchFilter';
import { useOwnScope } from '../shared/useOwnScope';

const benefitFilters = [
    searchFilter(),
    <SelectInput key="band" source="band" choices={bandChoices} alwaysOn />,
    <SelectInput key="category" source="category" choices={categoryChoices} />,
    referenceFilter('initiativeId', 'initiatives'),
    referenceFilter('ownerId', 'people', { filter: { roles: 'service-owner' } }),
];

export const BenefitList = () => {
    const scope = useOwnScope('ownerId');
    if (!scope.ready) return <Loading />;
    return (
        <ResourceList filters={benefitFilters} filterDefaultValues={scope.filter} sort={{ field: 'nextMeasurementDue', order: 'ASC' }}>
            {/* Mentions "nytte", the newer word for the same thing, so people searching for it land here. */}
            <ListIntro message="resources.benefits.subtitle" testId="benefits-subtitle" />
            <RecordTable>
                <LinkColumn source="title" />
                <ReferenceColumn source="initiativeId" reference="initiatives" />
                <EnumColumn source="band" group="band" chip />
                <NumberColumn source="achievement" options={{ style: 'percent', maximumFractionDigits: 0 }} />
                <DateColumn source="nextMeasurementDue" />
                <ReferenceColumn source="ownerId" reference="people" />
            </RecordTable>
        </ResourceList>
    );
};
