import { Edit } from 'react-admin';
import { ServiceForm } from './ServiceForm';

export const ServiceEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <ServiceForm />
    </Edit>
);
