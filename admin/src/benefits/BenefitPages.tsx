// Creating and editing a benefit. After owner sign-off the API does not change the plan at once:
// it answers with a plan change that waits for the service owner, and the page says so and goes
// back to the initiative's benefits, where the pending change is shown.
import { Create, Edit, useNotify, useRedirect, type RaRecord } from 'react-admin';
import { BenefitForm } from './BenefitForm';

const useAfterSave = (saved: string) => {
    const notify = useNotify();
    const redirect = useRedirect();
    return (data: RaRecord) => {
        if (data.pendingPlanChangeId) {
            notify('app.plan_change.sent', { type: 'info' });
            redirect(`/initiatives/${data.initiativeId}/show/benefits`);
            return;
        }
        notify(saved, { type: 'info', messageArgs: { smart_count: 1 } });
        redirect('show', 'benefits', data.id, data);
    };
};

export const BenefitCreate = () => {
    const onSuccess = useAfterSave('ra.notification.created');
    return (
        <Create mutationOptions={{ onSuccess }}>
            <BenefitForm />
        </Create>
    );
};

export const BenefitEdit = () => {
    const onSuccess = useAfterSave('ra.notification.updated');
    return (
        <Edit mutationMode="pessimistic" mutationOptions={{ onSuccess }}>
            <BenefitForm />
        </Edit>
    );
};
