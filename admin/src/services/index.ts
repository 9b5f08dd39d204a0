import ServiceIcon from '@mui/icons-material/MiscellaneousServices';
import { ServiceList } from './ServiceList';
import { ServiceShow } from './ServiceShow';
import { ServiceForm } from './ServiceForm';
import { createPage, editPage } from '../shared/pages';

export default {
    list: ServiceList,
    show: ServiceShow,
    edit: editPage(ServiceForm),
    create: createPage(ServiceForm),
    icon: ServiceIcon,
    recordRepresentation: 'name',
};
