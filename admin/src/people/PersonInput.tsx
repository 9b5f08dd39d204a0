// Pickers for people with a given role. Everyone may list the people directory (names and units),
// so these work for project managers as well as administrators.
import {
    AutocompleteArrayInput,
    AutocompleteInput,
    ReferenceArrayInput,
    ReferenceInput,
    type AutocompleteInputProps,
} from 'react-admin';
import type { Role } from '@domain/types';

interface PersonInputProps extends Pick<AutocompleteInputProps, 'helperText' | 'disabled' | 'validate' | 'label'> {
    source: string;
    role?: Role;
}

const byName = { field: 'name', order: 'ASC' } as const;
const withRole = (role?: Role) => (role ? { roles: role } : undefined);

export const PersonInput = ({ source, role, ...props }: PersonInputProps) => (
    <ReferenceInput source={source} reference="people" filter={withRole(role)} sort={byName}>
        <AutocompleteInput sx={{ minWidth: 320 }} {...props} />
    </ReferenceInput>
);

export const PeopleInput = ({ source, role, ...props }: PersonInputProps) => (
    <ReferenceArrayInput source={source} reference="people" filter={withRole(role)} sort={byName}>
        <AutocompleteArrayInput fullWidth {...props} />
    </ReferenceArrayInput>
);
