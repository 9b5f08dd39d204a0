import { Create } from 'react-admin';
import { ServiceForm } from './ServiceForm';

export const ServiceCreate = () => (
    <Create redirect="show">
        <ServiceForm />
    </Create>
);
