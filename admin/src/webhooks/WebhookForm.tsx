// Where events go: the address, the format the receiver reads, the events it wants, the secret.
import { BooleanInput, CheckboxGroupInput, PasswordInput, RadioButtonGroupInput, SimpleForm, TextInput, minLength, regex, required } from 'react-admin';
import { eventTypeChoices, webhookFormatChoices } from '../shared/integrationChoices';

const httpUrl = regex(/^https?:\/\/\S+$/, 'resources.webhooks.help.url_invalid');

export const WebhookForm = ({ isNew = false }: { isNew?: boolean }) => (
    <SimpleForm>
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="url" validate={[required(), httpUrl]} fullWidth helperText="resources.webhooks.help.url" />
        <RadioButtonGroupInput source="format" choices={webhookFormatChoices} validate={required()} defaultValue="cloudevents" row={false} helperText="resources.webhooks.help.format" />
        <CheckboxGroupInput source="events" choices={eventTypeChoices} validate={required()} row={false} />
        <PasswordInput
            source="secret"
            validate={minLength(16)}
            autoComplete="new-password"
            helperText={isNew ? 'resources.webhooks.help.secret_new' : 'resources.webhooks.help.secret_edit'}
            fullWidth
        />
        <BooleanInput source="active" defaultValue />
    </SimpleForm>
);
