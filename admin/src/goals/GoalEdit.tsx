import { Edit } from 'react-admin';
import { GoalForm } from './GoalForm';

export const GoalEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <GoalForm />
    </Edit>
);
