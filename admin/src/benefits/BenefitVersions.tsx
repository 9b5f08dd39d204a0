// The benefit plan as the service owner accepted it, version by version (DFØ: the plan is a
// baseline, changed deliberately).
import { ArrayField, DataTable, Labeled, useRecordContext } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField, LocaleNumberField } from '../shared/LocaleFields';
import type { Benefit } from '../shared/types';

export const BenefitVersions = () => {
    const benefit = useRecordContext<Benefit>();
    if (!benefit?.versions?.length) return null;
    return (
        <Labeled source="versions" fullWidth>
            <ArrayField source="versions" sort={{ field: 'version', order: 'DESC' }}>
                <DataTable bulkActionButtons={false} rowClick={false} data-testid="benefit-versions">
                    <DataTable.Col source="version" label="resources.benefits.fields.version" />
                    <DataTable.Col source="at" label="resources.benefits.fields.acceptedAt">
                        <LocaleDateField source="at" />
                    </DataTable.Col>
                    <DataTable.Col source="baseline" label="resources.benefits.fields.baseline" align="right">
                        <LocaleNumberField source="baseline" />
                    </DataTable.Col>
                    <DataTable.Col source="target" label="resources.benefits.fields.target" align="right">
                        <LocaleNumberField source="target" />
                    </DataTable.Col>
                    <DataTable.Col source="direction" label="resources.benefits.fields.direction">
                        <EnumField source="direction" group="direction" />
                    </DataTable.Col>
                    <DataTable.Col source="measureEvery" label="resources.benefits.fields.measureEvery" />
                    <DataTable.Col source="followUpUntil" label="resources.benefits.fields.followUpUntil">
                        <LocaleDateField source="followUpUntil" />
                    </DataTable.Col>
                </DataTable>
            </ArrayField>
        </Labeled>
    );
};
