// The page frames every resource shares: create and edit around its form (back to the record's
// page after saving; edits wait for the server, which may refuse them), and a plain show page.
import type { ComponentType, ReactElement, ReactNode } from 'react';
import { Create, Edit, Show, SimpleShowLayout } from 'react-admin';

export const createPage = (Form: ComponentType) => {
    const CreatePage = () => (
        <Create redirect="show">
            <Form />
        </Create>
    );
    return CreatePage;
};

export const editPage = (Form: ComponentType) => {
    const EditPage = () => (
        <Edit mutationMode="pessimistic" redirect="show">
            <Form />
        </Edit>
    );
    return EditPage;
};

/** A record's fields one under the other, each with its label. */
export const RecordShow = ({ title, actions, children }: { title?: ReactElement; actions?: ReactElement; children: ReactNode }) => (
    <Show title={title} actions={actions}>
        <SimpleShowLayout>{children}</SimpleShowLayout>
    </Show>
);
