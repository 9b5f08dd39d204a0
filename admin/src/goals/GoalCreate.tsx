import { Create } from 'react-admin';
import { GoalForm } from './GoalForm';

export const GoalCreate = () => (
    <Create redirect="show">
        <GoalForm />
    </Create>
);
