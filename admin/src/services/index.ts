import ServiceIcon from '@mui/icons-material/MiscellaneousServices';
import { ServiceList } from './ServiceList';
import { ServiceShow } from './ServiceShow';
import { ServiceEdit } from './ServiceEdit';
import { ServiceCreate } from './ServiceCreate';

export default {
    list: ServiceList,
    show: ServiceShow,
    edit: ServiceEdit,
    create: ServiceCreate,
    icon: ServiceIcon,
    recordRepresentation: 'name',
};
