// Inputs shared by benefit create and edit. Once the service owner has accepted the plan, its
// targets, dates and cadence are locked (domain/edits.ts) and the inputs say so.
import {
    AutocompleteInput,
    DateInput,
    NumberInput,
    RadioButtonGroupInput,
    ReferenceInput,
    SelectInput,
    SimpleForm,
    TextInput,
    minValue,
    required,
    useRecordContext,
} from 'react-admin';
import { BENEFIT_FIXED, planIsAccepted } from '@domain/edits';
import { GATES } from '@domain/types';
import { isoDuration } from '../shared/validators';
import { categoryChoices, directionChoices } from '../shared/choices';
import { FormToolbar } from '../shared/FormToolbar';
import { fixedProps, lockProps } from '../shared/lockProps';
import { PersonInput } from '../people/PersonInput';
import { usePlanRules } from './planRules';
import type { Benefit } from '../shared/types';

/** New benefits go to active initiatives whose plan the service owner has not accepted yet. */
const openPlans = { status: 'active', gate: GATES.filter(gate => !planIsAccepted(gate)) };

export const BenefitForm = () => {
    const record = useRecordContext<Benefit>();
    const existing = Boolean(record?.id);
    const { lockOf, mayDelete, initiative } = usePlanRules(existing ? record?.initiativeId : undefined);
    // After sign-off a change to the plan goes to the service owner, with the reason given here.
    const asPlanChange = Boolean(existing && initiative && planIsAccepted(initiative.gate));
    const lock = (field: string) => lockProps(lockOf(field), 'app.locked.plan_accepted');
    return (
        <SimpleForm
            defaultValues={{ category: 'efficiency', direction: 'increase', measureEvery: 'P3M' }}
            toolbar={<FormToolbar mayDelete={mayDelete} />}
        >
            <ReferenceInput source="initiativeId" reference="initiatives" filter={existing ? undefined : openPlans}>
                <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} {...fixedProps(BENEFIT_FIXED, 'initiativeId', existing)} />
            </ReferenceInput>
            <TextInput source="title" validate={required()} fullWidth {...lock('title')} />
            <SelectInput source="category" choices={categoryChoices} validate={required()} {...lock('category')} />
            <TextInput source="indicator" validate={required()} fullWidth {...lock('indicator')} />
            <TextInput source="unit" validate={required()} {...lock('unit')} />
            <TextInput source="dataSource" fullWidth {...lock('dataSource')} />
            <NumberInput source="baseline" validate={required()} {...lock('baseline')} />
            <DateInput source="baselineDate" validate={required()} {...lock('baselineDate')} />
            <NumberInput source="target" validate={required()} {...lock('target')} />
            <RadioButtonGroupInput source="direction" choices={directionChoices} validate={required()} {...lock('direction')} />
            <TextInput
                source="measureEvery"
                validate={[required(), isoDuration]}
                helperText="resources.benefits.help.measureEvery"
                {...lock('measureEvery')}
            />
            <DateInput source="followUpUntil" validate={required()} {...lock('followUpUntil')} />
            <PersonInput source="ownerId" role="service-owner" helperText="resources.benefits.help.ownerId" {...lock('ownerId')} />
            <NumberInput source="valuePerYear" min={0} validate={minValue(0)} helperText="resources.benefits.help.valuePerYear" {...lock('valuePerYear')} />
            {asPlanChange && <TextInput source="reason" multiline minRows={2} fullWidth helperText="resources.benefits.help.reason" />}
        </SimpleForm>
    );
};
