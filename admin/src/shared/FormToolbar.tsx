// Save, and delete only where the rules let this record go (react-admin's default toolbar offers
// delete whenever the role may delete, which the server refuses for active initiatives and
// accepted benefit plans).
import { DeleteButton, SaveButton, Toolbar } from 'react-admin';

export const FormToolbar = ({ mayDelete }: { mayDelete: boolean }) => (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
        <SaveButton />
        {mayDelete && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
);
