import EmailIcon from '@mui/icons-material/Email';
import { EmailList } from './EmailList';
import { EmailShow } from './EmailShow';

export default {
    list: EmailList,
    show: EmailShow,
    icon: EmailIcon,
    recordRepresentation: 'subject',
};
