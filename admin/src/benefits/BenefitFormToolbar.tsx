// Save, and delete only while the plan may still lose a benefit.
import { DeleteButton, SaveButton, Toolbar } from 'react-admin';

export const BenefitFormToolbar = ({ mayDelete }: { mayDelete: boolean }) => (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
        <SaveButton />
        {mayDelete && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
);
