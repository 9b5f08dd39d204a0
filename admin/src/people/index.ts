import PersonIcon from '@mui/icons-material/People';
import { PersonList } from './PersonList';
import { PersonShow } from './PersonShow';
import { PersonForm } from './PersonForm';
import { createPage, editPage } from '../shared/pages';

export default {
    list: PersonList,
    show: PersonShow,
    edit: editPage(PersonForm),
    create: createPage(PersonForm),
    icon: PersonIcon,
    recordRepresentation: 'name',
};
