import { ReferenceField, TextField, useRecordContext } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { RecordTitle, enumLabel } from '../shared/RecordTitle';
import { RecordShow } from '../shared/pages';

/** Conditions attached to an approval, one per line. */
const ConditionsField = ({ source }: { source: 'conditions' }) => {
    const record = useRecordContext();
    const conditions: string[] = Array.isArray(record?.[source]) ? record[source] : [];
    if (conditions.length === 0) return <span>–</span>;
    return (
        <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
            {conditions.map(condition => (
                <li key={condition}>{condition}</li>
            ))}
        </ul>
    );
};

const title = (
    <RecordTitle
        render={(record, translate) =>
            `${enumLabel(translate, 'decision', record.decision)} – ${enumLabel(translate, 'gate', record.gate)}`
        }
    />
);

export const DecisionShow = () => (
    <RecordShow title={title}>
        <ReferenceField source="initiativeId" reference="initiatives" />
        <EnumField source="gate" group="gate" />
        <EnumField source="step" group="step" />
        <EnumField source="decision" group="decision" variant="chip" />
        <TextField source="comment" emptyText="–" />
        <ConditionsField source="conditions" />
        <ReferenceField source="byId" reference="people" link={false} emptyText="–" />
        <EnumField source="channel" group="channel" />
        <LocaleDateField source="at" showTime />
    </RecordShow>
);
