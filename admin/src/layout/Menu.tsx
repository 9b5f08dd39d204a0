// Role-aware menu: resources are filtered by authProvider.canAccess (domain/access.ts), admin tools by role.
import { Menu as RaMenu, useTranslate } from 'react-admin';
import WarningIcon from '@mui/icons-material/ReportProblem';
import { useRoles } from '../shared/useRoles';

export const Menu = () => {
    const { isAdmin } = useRoles();
    const translate = useTranslate();
    return (
        <RaMenu>
            <RaMenu.DashboardItem />
            <RaMenu.ResourceItem name="initiatives" />
            <RaMenu.ResourceItem name="goals" />
            <RaMenu.ResourceItem
                name="benefits"
                title={translate('app.menu.benefits_tooltip')}
                tooltipProps={{ title: translate('app.menu.benefits_tooltip') }}
            />
            <RaMenu.ResourceItem name="measurements" />
            <RaMenu.ResourceItem name="services" />
            <RaMenu.ResourceItem name="decisions" />
            <RaMenu.ResourceItem name="conditions" />
            <RaMenu.ResourceItem name="plan-changes" />
            <RaMenu.ResourceItem name="reviews" />
            <RaMenu.ResourceItem name="comments" />
            <RaMenu.ResourceItem name="readiness" />
            <RaMenu.ResourceItem name="boards" />
            {isAdmin && (
                <RaMenu.Item
                    to="/stalled"
                    primaryText="app.menu.stalled"
                    leftIcon={<WarningIcon />}
                    data-testid="menu-stalled"
                />
            )}
            <RaMenu.ResourceItem name="people" />
            <RaMenu.ResourceItem name="policies" />
            <RaMenu.ResourceItem name="checklists" />
            <RaMenu.ResourceItem name="audit" />
            <RaMenu.ResourceItem name="emails" />
            <RaMenu.ResourceItem name="webhooks" />
            <RaMenu.ResourceItem name="deliveries" />
        </RaMenu>
    );
};
