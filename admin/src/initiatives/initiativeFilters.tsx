import {
    AutocompleteInput,
    NullableBooleanInput,
    ReferenceInput,
    SelectInput,
} from 'react-admin';
import { searchFilter } from '../shared/searchFilter';
import { gateChoices, kindChoices, statusChoices } from '../shared/choices';

export const initiativeFilters = [
    searchFilter(),
    <SelectInput key="gate" source="gate" choices={gateChoices} alwaysOn />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
    <SelectInput key="kind" source="kind" choices={kindChoices} />,
    <NullableBooleanInput key="stalled" source="stalled" />,
    <ReferenceInput key="serviceId" source="serviceId" reference="services">
        <AutocompleteInput label="resources.initiatives.fields.serviceId" />
    </ReferenceInput>,
    <ReferenceInput key="projectManagerId" source="projectManagerId" reference="people" filter={{ roles: 'project-manager' }}>
        <AutocompleteInput label="resources.initiatives.fields.projectManagerId" />
    </ReferenceInput>,
    <ReferenceInput key="governanceId" source="governanceId" reference="people" filter={{ roles: 'governance' }}>
        <AutocompleteInput label="resources.initiatives.fields.governanceId" />
    </ReferenceInput>,
];
