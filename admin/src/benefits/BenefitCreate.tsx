import { Create } from 'react-admin';
import { BenefitForm } from './BenefitForm';

export const BenefitCreate = () => (
    <Create redirect="show">
        <BenefitForm />
    </Create>
);
