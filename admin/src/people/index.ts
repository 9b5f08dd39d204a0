import PersonIcon from '@mui/icons-material/People';
import { PersonList } from './PersonList';
import { PersonShow } from './PersonShow';
import { PersonEdit } from './PersonEdit';
import { PersonCreate } from './PersonCreate';

export default {
    list: PersonList,
    show: PersonShow,
    edit: PersonEdit,
    create: PersonCreate,
    icon: PersonIcon,
    recordRepresentation: 'name',
};
