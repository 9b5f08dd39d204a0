import { Create, Edit } from 'react-admin';
import { GoalForm } from './GoalForm';

export const GoalEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <GoalForm />
    </Edit>
);

export const GoalCreate = () => (
    <Create redirect="show">
        <GoalForm />
    </Create>
);
