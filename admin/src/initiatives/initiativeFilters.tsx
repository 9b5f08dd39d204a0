import { NullableBooleanInput, SelectInput } from 'react-admin';
import { PARTY_ROLES } from '@domain/gates';
import { referenceFilter } from '../shared/ReferenceFilter';
import { searchFilter } from '../shared/searchFilter';
import { gateChoices, kindChoices, statusChoices, stepChoices } from '../shared/choices';

/** A filter on one of the people an initiative names, offering only people with that role. */
const partyFilter = (source: keyof typeof PARTY_ROLES) => referenceFilter(source, 'people', { filter: { roles: PARTY_ROLES[source] } });

export const initiativeFilters = [
    searchFilter(),
    <SelectInput key="gate" source="gate" choices={gateChoices} alwaysOn />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
    <SelectInput key="gateStep" source="gateStep" choices={stepChoices} />,
    <SelectInput key="kind" source="kind" choices={kindChoices} />,
    <NullableBooleanInput key="stalled" source="stalled" />,
    referenceFilter('serviceId', 'services'),
    partyFilter('projectManagerId'),
    partyFilter('serviceOwnerId'),
    partyFilter('governanceId'),
    referenceFilter('boardId', 'boards'),
    // Everyone a step waits for: a board's members too ("what is waiting for me?").
    referenceFilter('waitingOnIds', 'people'),
];
