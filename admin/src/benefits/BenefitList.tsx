import { Typography } from '@mui/material';
import {
    AutocompleteInput,
    DataTable,
    List,
    Loading,
    ReferenceField,
    ReferenceInput,
    SelectInput,
    useTranslate,
} from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { EmptyState } from '../shared/EmptyState';
import { LocaleDateField, LocaleNumberField } from '../shared/LocaleFields';
import { bandChoices, categoryChoices } from '../shared/choices';
import { searchFilter } from '../shared/searchFilter';
import { useOwnScope } from '../shared/useOwnScope';
import { RecordLinkField } from '../shared/RecordLinkField';

const benefitFilters = [
    searchFilter(),
    <SelectInput key="band" source="band" choices={bandChoices} alwaysOn />,
    <SelectInput key="category" source="category" choices={categoryChoices} />,
    <ReferenceInput key="initiativeId" source="initiativeId" reference="initiatives">
        <AutocompleteInput label="resources.benefits.fields.initiativeId" />
    </ReferenceInput>,
    <ReferenceInput key="ownerId" source="ownerId" reference="people" filter={{ roles: 'service-owner' }}>
        <AutocompleteInput label="resources.benefits.fields.ownerId" />
    </ReferenceInput>,
];

/** Mentions "nytte", the newer word for the same thing, so people searching for it land here. */
const Subtitle = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" sx={{ px: 2, pt: 1 }} data-testid="benefits-subtitle">
            {translate('resources.benefits.subtitle')}
        </Typography>
    );
};

export const BenefitList = () => {
    const scope = useOwnScope('ownerId');
    if (!scope.ready) return <Loading />;
    return (
        <List
            filter={scope.filter}
            filters={benefitFilters}
            sort={{ field: 'nextMeasurementDue', order: 'ASC' }}
            empty={<EmptyState message={scope.scoped ? 'resources.benefits.empty_owner' : undefined} />}
        >
            <Subtitle />
            <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="title">
                    <RecordLinkField source="title" />
                </DataTable.Col>
                <DataTable.Col source="initiativeId">
                    <ReferenceField source="initiativeId" reference="initiatives" link={false} />
                </DataTable.Col>
                <DataTable.Col source="band">
                    <EnumField source="band" group="band" variant="chip" />
                </DataTable.Col>
                <DataTable.Col source="achievement" align="right">
                    <LocaleNumberField source="achievement" options={{ style: 'percent', maximumFractionDigits: 0 }} emptyText="–" />
                </DataTable.Col>
                <DataTable.Col source="nextMeasurementDue">
                    <LocaleDateField source="nextMeasurementDue" emptyText="–" />
                </DataTable.Col>
                <DataTable.Col source="ownerId">
                    <ReferenceField source="ownerId" reference="people" link={false} />
                </DataTable.Col>
            </DataTable>
        </List>
    );
};
