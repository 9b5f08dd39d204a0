// Page title "<Resource>: <text>" for records whose representation needs translating (codes, enums).
import { useRecordContext, useResourceContext, useTranslate, type RaRecord, type TranslateFunction } from 'react-admin';

interface RecordTitleProps {
    render: (record: RaRecord, translate: TranslateFunction) => string;
}

export const RecordTitle = ({ render }: RecordTitleProps) => {
    const record = useRecordContext();
    const resource = useResourceContext();
    const translate = useTranslate();
    const name = translate(`resources.${resource}.name`, { smart_count: 1 });
    return <span>{record ? `${name}: ${render(record, translate)}` : name}</span>;
};

/** Translated value of an enum code, falling back to the code itself. */
export const enumLabel = (translate: TranslateFunction, group: string, value: unknown) =>
    translate(`app.enums.${group}.${String(value)}`, { _: String(value ?? '') });
