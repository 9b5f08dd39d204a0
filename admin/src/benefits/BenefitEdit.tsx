import { Edit } from 'react-admin';
import { BenefitForm } from './BenefitForm';

export const BenefitEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <BenefitForm />
    </Edit>
);
