import InitiativeIcon from '@mui/icons-material/AccountTree';
import type { RaRecord } from 'react-admin';
import { InitiativeList } from './InitiativeList';
import { InitiativeShow } from './InitiativeShow';
import { InitiativeCreate, InitiativeEdit } from './InitiativePages';

export default {
    list: InitiativeList,
    show: InitiativeShow,
    edit: InitiativeEdit,
    create: InitiativeCreate,
    icon: InitiativeIcon,
    recordRepresentation: (record: RaRecord) => record.title,
};
