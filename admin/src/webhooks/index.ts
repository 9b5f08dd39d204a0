import WebhookIcon from '@mui/icons-material/Webhook';
import { WebhookList } from './WebhookList';
import { WebhookShow } from './WebhookShow';
import { WebhookCreate, WebhookEdit } from './pages';

export default {
    list: WebhookList,
    show: WebhookShow,
    edit: WebhookEdit,
    create: WebhookCreate,
    icon: WebhookIcon,
    recordRepresentation: 'name',
};
