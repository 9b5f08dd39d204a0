// Registering and editing an initiative. A new one is saved as a draft unless the project
// manager asks governance at once; empty parts of the decision basis are not sent.
import { Create, Edit, SaveButton, Toolbar } from 'react-admin';
import SendIcon from '@mui/icons-material/Send';
import { InitiativeForm } from './InitiativeForm';
import { withoutEmptyBasis } from './decisionBasis';

const asDraft = (data: Record<string, unknown>) => ({ ...withoutEmptyBasis(data), draft: true });

const CreateToolbar = () => (
    <Toolbar sx={{ gap: 2 }}>
        <SaveButton label="app.initiative.save_draft" data-testid="save-draft" />
        <SaveButton
            type="button"
            variant="outlined"
            label="app.initiative.submit_now"
            icon={<SendIcon />}
            transform={withoutEmptyBasis}
            data-testid="save-and-submit"
        />
    </Toolbar>
);

export const InitiativeCreate = () => (
    <Create redirect="show" transform={asDraft}>
        <InitiativeForm toolbar={<CreateToolbar />} />
    </Create>
);

export const InitiativeEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show" transform={withoutEmptyBasis}>
        <InitiativeForm />
    </Edit>
);
