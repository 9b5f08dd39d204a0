import InitiativeIcon from '@mui/icons-material/AccountTree';
import type { RaRecord } from 'react-admin';
import { InitiativeList } from './InitiativeList';
import { InitiativeShow } from './InitiativeShow';
import { InitiativeForm } from './InitiativeForm';
import { createPage, editPage } from '../shared/pages';

export default {
    list: InitiativeList,
    show: InitiativeShow,
    edit: editPage(InitiativeForm),
    create: createPage(InitiativeForm),
    icon: InitiativeIcon,
    recordRepresentation: (record: RaRecord) => record.title,
};
