import { Edit } from 'react-admin';
import { InitiativeForm } from './InitiativeForm';

export const InitiativeEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <InitiativeForm />
    </Edit>
);
