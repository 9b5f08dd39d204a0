import { Create } from 'react-admin';
import { InitiativeForm } from './InitiativeForm';

export const InitiativeCreate = () => (
    <Create redirect="show">
        <InitiativeForm />
    </Create>
);
