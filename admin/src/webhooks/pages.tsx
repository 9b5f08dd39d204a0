// Create and edit pages of a webhook. The secret is write-only: an empty field leaves it as it is.
import { Create, Edit } from 'react-admin';
import { WebhookForm } from './WebhookForm';

const withoutEmptySecret = ({ secret, ...rest }: Record<string, unknown>) => (secret ? { ...rest, secret } : rest);

export const WebhookCreate = () => (
    <Create redirect="show" transform={withoutEmptySecret}>
        <WebhookForm isNew />
    </Create>
);

export const WebhookEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show" transform={withoutEmptySecret}>
        <WebhookForm />
    </Edit>
);
