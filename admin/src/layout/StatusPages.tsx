// react-admin's access-denied and not-found pages, with a page title so the tab and the heading say what happened.
import { AccessDenied, NotFound, Title } from 'react-admin';

export const AccessDeniedPage = () => (
    <>
        <Title title="ra.page.access_denied" />
        <AccessDenied />
    </>
);

export const NotFoundPage = () => (
    <>
        <Title title="ra.page.not_found" />
        <NotFound />
    </>
);
