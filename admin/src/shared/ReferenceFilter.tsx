// A list filter that picks another record by name (an initiative, a benefit, a person with a role).
import { AutocompleteInput, ReferenceInput, useResourceContext } from 'react-admin';

interface ReferenceFilterProps {
    source: string;
    reference: string;
    filter?: Record<string, unknown>;
    /** Read by the list's filter form. */
    alwaysOn?: boolean;
}

export const ReferenceFilter = ({ source, reference, filter }: ReferenceFilterProps) => {
    const resource = useResourceContext();
    return (
        <ReferenceInput source={source} reference={reference} filter={filter}>
            <AutocompleteInput label={`resources.${resource}.fields.${source}`} sx={{ minWidth: 280 }} />
        </ReferenceInput>
    );
};

/** `<ReferenceFilter>` elements for a list's `filters`. */
export const referenceFilter = (source: string, reference: string, options: Omit<ReferenceFilterProps, 'source' | 'reference'> = {}) => (
    <ReferenceFilter key={source} source={source} reference={reference} {...options} />
);
