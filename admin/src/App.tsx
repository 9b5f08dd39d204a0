import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { LoginPage } from './auth/LoginPage';
import { Layout } from './layout/Layout';
import { AccessDeniedPage, NotFoundPage } from './layout/StatusPages';
import { Dashboard } from './dashboard/Dashboard';
import { StalledList } from './stalled/StalledList';
import { theme } from './theme';
import initiatives from './initiatives';
import goals from './goals';
import services from './services';
import people from './people';
import benefits from './benefits';
import measurements from './measurements';
import decisions from './decisions';
import emails from './emails';
import audit from './audit';
import policies from './policies';
import webhooks from './webhooks';
import deliveries from './deliveries';
import boards from './boards';
import checklists from './checklists';
import conditions from './conditions';
import planChanges from './plan-changes';
import reviews from './reviews';
import comments from './comments';
import readiness from './readiness';

export const App = () => (
    <Admin
        title="Endringsporten"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        loginPage={LoginPage}
        layout={Layout}
        dashboard={Dashboard}
        accessDenied={AccessDeniedPage}
        catchAll={NotFoundPage}
        theme={theme}
        requireAuth
        disableTelemetry
    >
        <Resource name="initiatives" {...initiatives} />
        <Resource name="goals" {...goals} />
        <Resource name="benefits" {...benefits} />
        <Resource name="measurements" {...measurements} />
        <Resource name="services" {...services} />
        <Resource name="decisions" {...decisions} />
        <Resource name="conditions" {...conditions} />
        <Resource name="plan-changes" {...planChanges} />
        <Resource name="reviews" {...reviews} />
        <Resource name="comments" {...comments} />
        <Resource name="readiness" {...readiness} />
        <Resource name="boards" {...boards} />
        <Resource name="checklists" {...checklists} />
        <Resource name="people" {...people} />
        <Resource name="policies" {...policies} />
        <Resource name="audit" {...audit} />
        <Resource name="emails" {...emails} />
        <Resource name="webhooks" {...webhooks} />
        <Resource name="deliveries" {...deliveries} />
        <CustomRoutes>
            <Route path="/stalled" element={<StalledList />} />
        </CustomRoutes>
    </Admin>
);
